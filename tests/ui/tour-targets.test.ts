/**
 * The guided tour points at elements on screen. Its last step names the Compare button or,
 * on a narrow screen, the views menu button ("nav-compare, nav-menu"); the menu button comes
 * first in the page and is display: none on a wide screen, and the tour outlined it (nothing
 * visible outlined, the dialog at the window's top-left corner).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/ui/App.svelte';
import Tour from '../../src/ui/tour/Tour.svelte';

/** A laid-out page: every element has a box, except those marked data-hidden (display: none has none). */
function layOut(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const box = this.closest('[data-hidden]') ? { left: 0, top: 0, width: 0, height: 0 } : { left: 100, top: 100, width: 80, height: 30 };
    return { ...box, x: box.left, y: box.top, right: box.left + box.width, bottom: box.top + box.height, toJSON: () => box } as DOMRect;
  });
}

const PAGE = `
  <select id="setting-scenario"></select>
  <div id="transport"></div>
  <div data-testid="feed"></div>
  <div data-testid="mindset-panel"></div>
  <input type="checkbox" data-testid="narrate" />
  <button data-testid="tour-start">Tour</button>
  <button data-testid="nav-menu" data-hidden>Live</button>
  <nav><button data-testid="nav-compare">Compare</button></nav>`;

describe('tour targets', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
    layOut();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('the last step outlines the Compare button, not the hidden views menu', async () => {
    render(Tour, { open: true });
    while (screen.queryByTestId('tour-next')) await fireEvent.click(screen.getByTestId('tour-next'));
    expect(screen.getByTestId('tour').textContent).toContain('Plain against agentic');
    const outlined = [...document.querySelectorAll('.tour-target')].map((e) => e.getAttribute('data-testid'));
    expect(outlined).toEqual(['nav-compare']);
  });

  it('a step whose every element is hidden is left out', async () => {
    document.querySelector('[data-testid="narrate"]')!.setAttribute('data-hidden', '');
    render(Tour, { open: true });
    const titles: string[] = [];
    for (;;) {
      titles.push(screen.getByTestId('tour').querySelector('h2')!.textContent ?? '');
      if (!screen.queryByTestId('tour-next')) break;
      await fireEvent.click(screen.getByTestId('tour-next'));
    }
    expect(titles).not.toContain('Narration');
    expect(titles).toHaveLength(5);
  });

  // Next keeps the focus on itself, so a screen reader said nothing of the step it brought
  // (only the first step, met with the dialog, was read).
  it('a new step is announced: its count, title and text sit in a polite live region', async () => {
    render(Tour, { open: true });
    await fireEvent.click(screen.getByTestId('tour-next'));
    const live = screen.getByTestId('tour').querySelector('[aria-live="polite"]');
    expect(live?.getAttribute('aria-atomic')).toBe('true');
    expect(live?.textContent).toContain('Step 2 of 6');
    expect(live?.textContent).toContain('Run, pause, step');
    expect(live?.contains(screen.getByTestId('tour-next'))).toBe(false);
  });
});


describe('the tour in the app', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
    localStorage.clear();
  });

  // "No thanks" takes the invite away with itself: the focus fell to the page's top.
  it('"No thanks" hands the focus to Run', async () => {
    render(App);
    const invite = screen.getByTestId('tour-invite');
    const no = within(invite).getByRole('button', { name: 'No thanks' });
    no.focus();
    await fireEvent.click(no);
    expect(screen.queryByTestId('tour-invite')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('run')));
  });

  // A view chosen part-way through left the tour open over it, pointing at the live view's
  // elements (gone), and every shortcut did nothing while it stayed.
  it('closes when another view is chosen, and opens again from its first step', async () => {
    render(App);
    await fireEvent.click(screen.getByTestId('tour-start'));
    await waitFor(() => expect(screen.getByTestId('tour')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('tour-next'));
    await fireEvent.click(screen.getByTestId('nav-compare'));
    expect(screen.queryByTestId('feed')).toBeNull();
    expect(screen.queryByTestId('tour')).toBeNull();
    expect(document.querySelector('.tour-target')).toBeNull();
    await fireEvent.click(screen.getByTestId('tour-start'));
    await waitFor(() => expect(screen.getByTestId('tour').textContent).toContain('Step 1 of'));
  });
});
