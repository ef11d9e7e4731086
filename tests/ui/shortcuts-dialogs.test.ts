/**
 * Shortcuts stay quiet while the tour or the help is open: reading the tour with the focus
 * on its Next button, N (for "next") started a session behind it, and N/R worked behind
 * the modal help too. Only ? (close the help) and Escape still act. Each test then shows
 * that the same key, with the dialog closed, starts a session within the same wait.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';

const status = () => screen.getByTestId('session-status').textContent;
/** Resolves when a session has started within 4 s, rejects otherwise. */
const started = () => waitFor(() => expect(status()).not.toBe('idle'), { timeout: 4000 });

describe('shortcuts behind dialogs', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
    localStorage.clear();
  });

  it('N, → and R do nothing while the tour is open', async () => {
    render(App);
    await fireEvent.click(screen.getByTestId('tour-start'));
    const next = await screen.findByTestId('tour-next');
    for (const key of ['n', 'ArrowRight', 'r']) await fireEvent.keyDown(next, { key });
    await expect(started()).rejects.toThrow();
    expect(screen.getByTestId('tour')).toBeTruthy();
    await fireEvent.keyDown(next, { key: 'Escape' });
    expect(screen.queryByTestId('tour')).toBeNull();
    await fireEvent.keyDown(window, { key: 'n' });
    await started();
  });

  it('N and R do nothing while the help is open; ? closes it', async () => {
    render(App);
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    await fireEvent.keyDown(window, { key: '?' });
    expect(dialog.open).toBe(true);
    for (const key of ['n', 'r']) await fireEvent.keyDown(dialog, { key });
    await expect(started()).rejects.toThrow();
    await fireEvent.keyDown(dialog, { key: '?' });
    expect(dialog.open).toBe(false);
    await fireEvent.keyDown(window, { key: 'r' });
    await started();
  });

  // "Stop this session and start over?" is a question to answer first: N stepped (and paused)
  // the session behind it, Space paused it, R swapped it for the Restart question.
  it('N, Space and R do nothing while the restart question is open', async () => {
    render(App);
    await fireEvent.click(screen.getByTestId('run'));
    await waitFor(() => expect(status()).toBe('running'));
    await fireEvent.click(screen.getByTestId('run'));
    const yes = screen.getByTestId('confirm-yes');
    expect(screen.getByTestId('confirm-new-run').textContent).toContain('start a new one');
    for (const key of ['n', ' ', 'r']) {
      await fireEvent.keyDown(document.body, { key });
      expect(status(), key).toBe('running');
      expect(screen.getByTestId('confirm-new-run').textContent, key).toContain('start a new one');
    }
    await fireEvent.keyDown(yes, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-new-run')).toBeNull();
    await fireEvent.keyDown(document.body, { key: ' ' });
    expect(status()).toBe('paused');
  });
});
