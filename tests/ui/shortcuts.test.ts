import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { shortcutFor } from '../../src/ui/shell/shortcuts';

describe('keyboard shortcuts', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('maps Space, N, →, R and ?', () => {
    expect(shortcutFor({ key: ' ' })).toBe('toggle');
    expect(shortcutFor({ key: 'n' })).toBe('step');
    expect(shortcutFor({ key: 'N' })).toBe('step');
    expect(shortcutFor({ key: 'ArrowRight' })).toBe('step');
    expect(shortcutFor({ key: 'r' })).toBe('restart');
    expect(shortcutFor({ key: '?' })).toBe('help');
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });

  it('never fires while typing or with modifiers', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(shortcutFor({ key: 'r', targetTag: tag })).toBeNull();
    expect(shortcutFor({ key: 'n', targetEditable: true })).toBeNull();
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(shortcutFor({ key: 'n', targetTag: 'BUTTON' })).toBe('step');
    // After clicking Run, Space pauses instead of pressing Run again.
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON', targetTransport: true })).toBe('toggle');
  });

  // The session timeline takes the focus so that keyboard users can scroll it sideways when it
  // is long, but → there stepped the session (and was kept from scrolling it).
  it('→ scrolls a focused region that scrolls sideways; N still steps there', () => {
    expect(shortcutFor({ key: 'ArrowRight', targetTag: 'OL', targetScrollsSideways: true })).toBeNull();
    expect(shortcutFor({ key: 'n', targetTag: 'OL', targetScrollsSideways: true })).toBe('step');
    expect(shortcutFor({ key: 'ArrowRight', targetTag: 'OL', targetScrollsSideways: false })).toBe('step');
  });

  it('→ on the long session timeline starts no session', async () => {
    render(App);
    const timeline = screen.getByTestId('session-timeline');
    Object.defineProperty(timeline, 'scrollWidth', { configurable: true, value: 900 });
    Object.defineProperty(timeline, 'clientWidth', { configurable: true, value: 300 });
    timeline.focus();
    const ev = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    timeline.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
    await fireEvent.keyUp(timeline, { key: 'ArrowRight' });
    expect(screen.getByTestId('session-status').textContent).toBe('idle');
  });
});
