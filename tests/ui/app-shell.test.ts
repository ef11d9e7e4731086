import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import NavBar from '../../src/ui/shell/NavBar.svelte';

describe('app shell', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('has the five views, switches view through the URL and falls back from a stale recommender', async () => {
    history.replaceState(null, '', '/?rec=no-such-recommender&seed=77');
    render(App);
    for (const v of ['live', 'compare', 'batch', 'leaderboard', 'history']) expect(screen.getByTestId(`nav-${v}`)).toBeTruthy();
    expect(new URLSearchParams(location.search).get('rec')).toBeNull();
    expect(new URLSearchParams(location.search).get('seed')).toBe('77');
    expect(screen.getByTestId('session-status').textContent).toBe('idle');
    await fireEvent.click(screen.getByTestId('nav-compare'));
    expect(new URLSearchParams(location.search).get('view')).toBe('compare');
    expect(screen.queryByTestId('feed')).toBeNull();
    await fireEvent.click(screen.getByTestId('nav-live'));
    expect(screen.getByTestId('feed')).toBeTruthy();
  });

  it('opens the help with ? and ignores shortcuts typed into fields', async () => {
    render(App);
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    expect(dialog).toBeTruthy();
    await fireEvent.keyDown(screen.getByTestId('setting-seed'), { key: 'r' });
    expect(screen.getByTestId('session-status').textContent).toBe('idle');
    expect(dialog.open).toBe(false);
    await fireEvent.keyDown(window, { key: '?' });
    expect(dialog.open).toBe(true);
  });

  // "Plain against agentic" opens Compare: the scenario menu went away with the live view
  // and the focus fell to the page's top (a keyboard user arrowing through the closed menu
  // reached it on the fourth option and was left nowhere).
  it('a scenario that opens another view hands the focus to that view\'s button', async () => {
    render(App);
    const menu = screen.getByTestId('setting-scenario') as HTMLSelectElement;
    menu.focus();
    await fireEvent.change(menu, { target: { value: 'plain-vs-agentic' } });
    await waitFor(() => expect(new URLSearchParams(location.search).get('view')).toBe('compare'));
    expect(menu.isConnected).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('nav-compare')));
  });
});

// On a narrow screen the views fold into a menu: choosing a view closed it and hid the button
// that had the focus (the focus fell to the page's top), and Escape left it open.
describe('the folded views menu', () => {
  afterEach(() => cleanup());
  const props = () => ({ view: 'live' as const, theme: 'light' as const, onview: () => {}, ontheme: () => {}, onhelp: () => {}, onshare: async () => true });

  it('gives the focus back to the menu button when a view is chosen', async () => {
    render(NavBar, props());
    const menu = screen.getByTestId('nav-menu');
    await fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const compare = screen.getByTestId('nav-compare');
    compare.focus();
    await fireEvent.click(compare);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  // Tabbing on from the last view left the menu open over the page, hiding where the focus was.
  it('folds when the focus leaves it for the rest of the page', async () => {
    render(NavBar, props());
    const menu = screen.getByTestId('nav-menu');
    await fireEvent.click(menu);
    const items = screen.getByTestId('nav-items');
    items.focus();
    const share = screen.getByTestId('share-link');
    await fireEvent.focusOut(items, { relatedTarget: share });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    // Moving within it, or back to its button, keeps it open.
    await fireEvent.click(menu);
    await fireEvent.focusOut(items, { relatedTarget: screen.getByTestId('nav-batch') });
    await fireEvent.focusOut(screen.getByTestId('nav-batch'), { relatedTarget: menu });
    expect(menu.getAttribute('aria-expanded')).toBe('true');
  });

  // Its name was the current view alone ("Live, collapsed"): nothing said it lists the views.
  it('is named as the views menu, with the current view', () => {
    render(NavBar, props());
    expect(screen.getByRole('button', { name: 'Views: Live' })).toBe(screen.getByTestId('nav-menu'));
  });

  it('closes on Escape, with the focus on the menu button', async () => {
    render(NavBar, props());
    const menu = screen.getByTestId('nav-menu');
    await fireEvent.click(menu);
    const batch = screen.getByTestId('nav-batch');
    batch.focus();
    await fireEvent.keyDown(batch, { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });
});

// "Share link" turns into "Link copied" (or "Link is in the address bar") on the focused
// button, which a screen reader does not read out: the outcome was unsaid.
describe('the share button', () => {
  afterEach(() => cleanup());
  const props = (ok: boolean) => ({ view: 'live' as const, theme: 'light' as const, onview: () => {}, ontheme: () => {}, onhelp: () => {}, onshare: async () => ok });

  for (const [ok, said] of [[true, 'Link copied'], [false, 'Link is in the address bar']] as const) {
    it(`says "${said}" in a status region`, async () => {
      render(NavBar, props(ok));
      await fireEvent.click(screen.getByTestId('share-link'));
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain(said));
    });
  }
});
