/**
 * Deleting, in History, a session the Live view is still recording: the recorder wrote the
 * row again on its next item, so the session came back ("RUNNING", 11 items) with the
 * events before the deletion gone. Now History keeps it and says why (Delete and Delete
 * all); once the run is stopped it deletes as usual. Real recorder over fake-indexeddb,
 * real core, a live run held after its first item.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { getAppDb } from '../../src/storage/open';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';
import { createRecorder } from '../../src/storage/recorder';
import { item, sampleSession } from '../storage/fixtures';

afterEach(() => cleanup());

describe('deleting a session that is still being recorded', () => {
  it('keeps it and says why; stopped, it deletes', async () => {
    const db = await getAppDb();
    // One finished session beside it, which Delete all removes.
    const { meta, events } = sampleSession('done');
    const r = createRecorder(db, { ...meta, title: 'Finished' }, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();

    const c = new LiveController();
    const run = c.run(decodeSettings('seed=7&turns=3&k=3'), new DataStore(), { stepFirst: true });
    await vi.waitFor(async () => {
      if (!(c.playback.paused && c.session.series.length === 1)) throw new Error('not held yet');
      expect((await db.sessions.toArray()).some((s) => s.status === 'running' && s.summary.items === 1)).toBe(true);
    }, { timeout: 15_000, interval: 20 });

    render(HistoryView, { dbFactory: getAppDb });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const liveRow = () => screen.getAllByTestId('history-row').findIndex((row) => /running/i.test(row.textContent ?? ''));
    expect(screen.getAllByTestId('history-row')[liveRow()].querySelector('[data-testid="history-recording"]')?.textContent).toBe('recording in this tab');
    await fireEvent.click(screen.getAllByTestId('history-delete')[liveRow()]);
    expect((await screen.findByTestId('storage-error')).textContent).toMatch(/still running in this page.*stop it or let it end before deleting it/);
    expect(await db.sessions.count()).toBe(2);

    await fireEvent.click(screen.getByTestId('delete-all'));
    await fireEvent.click(screen.getByTestId('confirm-delete-all-yes'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(screen.getByTestId('history-notice').textContent).toMatch(/Kept 1 session still running in this page/);
    expect(screen.getByTestId('history-undo-bar').textContent).toContain('1 session deleted.');

    // The run goes on; its row keeps every event it recorded.
    c.playback.step();
    await vi.waitFor(() => expect(c.session.series.length).toBe(2), { timeout: 10_000 });
    await c.stop();
    await run;
    const rows = await db.sessions.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('stopped');
    const decisions = (await db.events.where('sessionId').equals(rows[0].id).toArray()).filter((e) => e.kind === 'decision');
    expect(decisions.length).toBe(rows[0].summary.items);

    // Stopped, it deletes.
    await fireEvent.click(screen.getAllByTestId('history-delete')[0]);
    await waitFor(() => expect(screen.queryAllByTestId('history-row')).toHaveLength(0));
  });
});
