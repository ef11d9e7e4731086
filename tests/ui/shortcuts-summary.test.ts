/**
 * Space on a focused disclosure of the Live view's settings ("parameters" under the
 * recommender, "Prompt templates (advanced)", "Self-hosted models") is the key that opens
 * it, but the page's Space shortcut took it: the disclosure stayed shut and a session
 * started (or paused). A summary now keeps its Space, as a button does.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { shortcutFor } from '../../src/ui/shell/shortcuts';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('Space on a summary', () => {
  it('is not the run / pause shortcut', () => {
    expect(shortcutFor({ key: ' ', targetTag: 'SUMMARY' })).toBeNull();
    expect(shortcutFor({ key: ' ', targetTag: 'summary' })).toBeNull();
    // The other shortcuts still work there, and Space elsewhere still runs.
    expect(shortcutFor({ key: 'n', targetTag: 'SUMMARY' })).toBe('step');
    expect(shortcutFor({ key: ' ', targetTag: 'BODY' })).toBe('toggle');
  });

  it('on the recommender\'s "parameters" starts no session', async () => {
    history.replaceState(null, '', '/?rec=linucb');
    render(App);
    const summary = screen.getByText(/^parameters/, { selector: 'summary' });
    summary.focus();
    const ev = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    summary.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(false);
    await fireEvent.keyUp(summary, { key: ' ' });
    expect(screen.getByTestId('session-status').textContent).toBe('idle');
  });
});
