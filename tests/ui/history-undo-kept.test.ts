/**
 * "Delete all" says "You can undo this until you leave the page", but the undo lived in the
 * History view: a look at Live and back (the view is unmounted) lost it, and with it every
 * session deleted. The last deletion's undo now lasts as long as the page.
 */
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
    const { meta, events } = sampleSession(`u${k}`);
    const r = createRecorder(db, { ...meta, title: `Session ${k}`, startedAt: meta.startedAt + k * 1000 }, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();
  }
  return db;
}

afterEach(() => cleanup());

describe('history undo', () => {
  it('survives leaving the History view and coming back', async () => {
    const db = await seeded(3);
    const dbFactory = async () => db;
    const first = render(HistoryView, { dbFactory });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('delete-all'));
    await fireEvent.click(screen.getByTestId('confirm-delete-all-yes'));
    await screen.findByTestId('history-empty');
    expect(screen.getByTestId('history-undo-bar').textContent).toContain('3 sessions deleted.');
    first.unmount(); // to Live and back
    render(HistoryView, { dbFactory });
    await screen.findByTestId('history-empty');
    expect(screen.getByTestId('history-undo-bar').textContent).toContain('3 sessions deleted.');
    await fireEvent.click(screen.getByTestId('history-undo'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(3));
    expect(screen.queryByTestId('history-undo-bar')).toBeNull();
    db.close();
  });
});
