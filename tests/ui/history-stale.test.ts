/**
 * History when another tab changed the database: opening a session deleted elsewhere
 * says so (it did nothing), coming back from a replay shows the current list, and a long
 * import says it is working while it reads and writes.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { HistoryState } from '../../src/ui/history/history-state.svelte';
import { openDb } from '../../src/storage/open';
import { deleteSession } from '../../src/storage/queries';
import { createRecorder } from '../../src/storage/recorder';
import type { RecoDb } from '../../src/storage/db';
import { dbName, item, sampleSession } from '../storage/fixtures';

async function seeded(n: number): Promise<{ db: RecoDb; ids: string[] }> {
  const db = await openDb(dbName());
  const ids: string[] = [];
  for (let k = 0; k < n; k++) {
    const { meta, events } = sampleSession(`s${k}`);
    const r = createRecorder(db, { ...meta, title: `Session ${k}`, startedAt: meta.startedAt + k * 1000 }, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();
  }
  for (const s of await db.sessions.toArray()) ids.push(s.id);
  return { db, ids };
}

afterEach(() => cleanup());

describe('history after changes elsewhere', () => {
  it('says so when the session to open was deleted in another tab, and refreshes the list', async () => {
    const { db } = await seeded(2);
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const row = screen.getAllByTestId('history-row')[0];
    await deleteSession(db, row.dataset.sessionId!);
    await fireEvent.click(screen.getAllByTestId('history-open')[0]);
    const alert = await screen.findByTestId('storage-error');
    expect(alert.textContent).toMatch(/no longer stored/);
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(screen.queryByTestId('replay')).toBeNull();
    db.close();
  });

  it('shows the current list when coming back from a replay', async () => {
    const { db } = await seeded(2);
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const other = screen.getAllByTestId('history-row')[1].dataset.sessionId!;
    await fireEvent.click(screen.getAllByTestId('history-open')[0]);
    await screen.findByTestId('replay');
    await deleteSession(db, other);
    await fireEvent.click(screen.getByRole('button', { name: 'Back to the history list' }));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    db.close();
  });

  it('says an import is under way while the file is read and written', async () => {
    const { db } = await seeded(0);
    const h = new HistoryState(async () => db);
    await h.init();
    let release: (t: string) => void = () => {};
    const slow = { name: 'big.json', text: () => new Promise<string>((r) => (release = r)) } as unknown as File;
    const done = h.importFile(slow);
    await Promise.resolve();
    expect(h.notice).toMatch(/Importing big\.json/);
    release('{"not": "an export"}');
    await done;
    expect(h.notice).toBeNull();
    expect(h.importError).toMatch(/^big\.json: /);
    db.close();
  });

  it('refuses a file over the import limit by its size, without reading it', async () => {
    const { db } = await seeded(0);
    const h = new HistoryState(async () => db);
    await h.init();
    const read = vi.fn(async () => '');
    const huge = { name: 'huge.json', size: 3_000_000_000, text: read } as unknown as File;
    await h.importFile(huge);
    expect(read).not.toHaveBeenCalled();
    expect(h.importError).toBe('huge.json: The file is 3,000,000,000 bytes; imports are limited to 268,435,456 (export fewer sessions at a time).');
    expect(h.notice).toBeNull();
    db.close();
  });
});

describe('history delete all', () => {
  it('says it is deleting while it works, and clears that when done', async () => {
    const { db } = await seeded(2);
    const h = new HistoryState(async () => db);
    await h.init();
    const done = h.removeAll();
    expect(h.notice).toMatch(/Deleting every stored session/);
    await done;
    expect(h.notice).toBeNull();
    expect(h.undoable?.what).toBe('2 sessions deleted.');
    db.close();
  });
});
