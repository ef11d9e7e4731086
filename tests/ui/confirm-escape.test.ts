/**
 * The "are you sure" questions (New run / Restart while a session plays, History's
 * Delete all) close with Escape, as a dialog does for keyboard users, and give the focus
 * back to the button that asked.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Controls from '../../src/ui/live/Controls.svelte';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { dbName, item, sampleSession } from '../storage/fixtures';

afterEach(() => cleanup());

describe('Escape closes the confirmations', () => {
  it('Live: Escape keeps the session and closes the question', async () => {
    let runs = 0;
    render(Controls, { status: 'running', speed: 1, onrun: () => runs++, ontoggle: () => {}, onstep: () => {}, onreset: () => runs++, onspeed: () => {} });
    await fireEvent.click(screen.getByTestId('run'));
    const yes = screen.getByTestId('confirm-yes');
    expect(document.activeElement).toBe(yes);
    await fireEvent.keyDown(yes, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-new-run')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('run'));
    await fireEvent.click(screen.getByTestId('reset'));
    await fireEvent.keyDown(screen.getByTestId('confirm-yes'), { key: 'Escape' });
    expect(screen.queryByTestId('confirm-new-run')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('reset'));
    expect(runs).toBe(0);
  });

  it('History: Escape cancels "delete all"', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('s0');
    const r = createRecorder(db, meta, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    await fireEvent.click(screen.getByTestId('delete-all'));
    await fireEvent.keyDown(screen.getByTestId('confirm-delete-all-yes'), { key: 'Escape' });
    expect(screen.queryByTestId('confirm-delete-all')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('delete-all'));
    expect(await db.sessions.count()).toBe(1);
    db.close();
  });
});
