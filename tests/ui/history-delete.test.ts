/** History: a deletion can be undone, and "delete all" asks before clearing the room. */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import type { RecoDb } from '../../src/storage/db';
import { dbName, item, sampleSession } from '../storage/fixtures';

async function seeded(n: number): Promise<RecoDb> {
  const db = await openDb(dbName());
  for (let k = 0; k < n; k++) {
    const { meta, events } = sampleSession(`s${k}`);
    const r = createRecorder(db, { ...meta, title: `Session ${k}`, startedAt: meta.startedAt + k * 1000 }, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();
  }
  return db;
}

afterEach(() => cleanup());

describe('history deletion', () => {
  it('undoes a single deletion with its events (the replay still works)', async () => {
    const db = await seeded(2);
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const events = await db.events.count();
    await fireEvent.click(screen.getAllByTestId('history-delete')[0]);
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(await db.events.count()).toBeLessThan(events);
    expect(screen.getByTestId('history-undo-bar').textContent).toContain('Session deleted.');
    await fireEvent.click(screen.getByTestId('history-undo'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    expect(await db.events.count()).toBe(events);
    await fireEvent.click(screen.getAllByTestId('history-open')[0]);
    expect((await screen.findAllByTestId('turn')).length).toBeGreaterThan(0);
    db.close();
  });

  it('"delete all" asks first; cancel keeps everything, confirm clears it, undo restores it', async () => {
    const db = await seeded(3);
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('delete-all'));
    expect(document.activeElement).toBe(screen.getByTestId('confirm-delete-all-yes'));
    await fireEvent.click(screen.getByTestId('confirm-delete-all-no'));
    expect(await db.sessions.count()).toBe(3);
    await fireEvent.click(screen.getByTestId('delete-all'));
    await fireEvent.click(screen.getByTestId('confirm-delete-all-yes'));
    await screen.findByTestId('history-empty');
    expect(await db.sessions.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(screen.getByTestId('history-undo-bar').textContent).toContain('3 sessions deleted.');
    await fireEvent.click(screen.getByTestId('history-undo'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(3));
    db.close();
  });
});
