/**
 * History's delete guard across tabs: it kept a session this page was recording, but a
 * session recorded in another tab was deleted (and written back without its earlier events
 * on that tab's next item). Each tab now holds a Web Lock per recorded session; History
 * asks which are held. The browser's LockManager is replaced by a fake here (the real one
 * across two pages is tested in tests/e2e/live-history.test.ts); storage is the real
 * recorder over fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { HistoryState } from '../../src/ui/history/history-state.svelte';
import { getAppDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { markInterrupted } from '../../src/storage/queries';
import { holdRecordingLock, recordingAnywhere, RECORDING_LOCK_PREFIX, type RecordingLockManager } from '../../src/ui/state/recording-locks';
import { item, sampleSession } from '../storage/fixtures';

/** The browser's LockManager, as far as it is used: exclusive locks held while the callback's promise is pending. */
class FakeLocks implements RecordingLockManager {
  readonly held = new Set<string>();
  async request(name: string, _o: { mode: 'exclusive' }, callback: () => Promise<void>): Promise<unknown> {
    if (this.held.has(name)) throw new Error(`fake: ${name} is already held`);
    this.held.add(name);
    try {
      return await callback();
    } finally {
      this.held.delete(name);
    }
  }
  async query() {
    return { held: [...this.held, 'someone-else:lock'].map((name) => ({ name, mode: 'exclusive' })) };
  }
}

let locks: FakeLocks;
const setLocks = (v: RecordingLockManager | undefined) => Object.defineProperty(navigator, 'locks', { value: v, configurable: true });

beforeEach(() => {
  locks = new FakeLocks();
  setLocks(locks);
});
afterEach(async () => {
  cleanup();
  setLocks(undefined);
  const db = await getAppDb();
  await db.sessions.clear();
});

async function storeRunning(title: string) {
  const db = await getAppDb();
  const { meta, events } = sampleSession(title);
  const r = createRecorder(db, { ...meta, title }, { itemLookup: (x) => item(x) });
  r.onEvent(events[0]);
  r.onEvent(events[1]);
  await r.flush();
  return r.id;
}

describe('recording locks', () => {
  it('a held lock names its session until released; other locks are not sessions', async () => {
    const release = holdRecordingLock('s-1', locks);
    await waitFor(() => expect(locks.held.has(RECORDING_LOCK_PREFIX + 's-1')).toBe(true));
    expect(await recordingAnywhere(locks)).toEqual(new Set(['s-1']));
    release();
    await waitFor(async () => expect(await recordingAnywhere(locks)).toEqual(new Set()));
    // No Web Locks (an insecure context): cannot tell, said as null, and holding is a no-op.
    expect(await recordingAnywhere(null)).toBeNull();
    expect(() => holdRecordingLock('s-2', null)()).not.toThrow();
  });
});

describe('History and a session another tab is recording', () => {
  it('says so on the row, refuses Delete and keeps it from Delete all; once that tab lets go it deletes', async () => {
    const db = await getAppDb();
    const { meta, events } = sampleSession('done');
    const done = createRecorder(db, { ...meta, title: 'Finished' }, { itemLookup: (x) => item(x) });
    for (const e of events) done.onEvent(e);
    await done.flush();
    const id = await storeRunning('Other tab');
    // "The other tab": it holds the lock of its session (this page's recorder list is empty).
    const release = holdRecordingLock(id, locks);

    render(HistoryView, { dbFactory: getAppDb });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const rowOf = () => screen.getAllByTestId('history-row').find((r) => r.dataset.sessionId === id)!;
    await waitFor(() => expect(rowOf().querySelector('[data-testid="history-recording"]')?.textContent).toBe('recording in another tab'));
    expect(screen.queryByTestId('history-no-locks')).toBeNull();

    await fireEvent.click(rowOf().querySelector('[data-testid="history-delete"]')!);
    expect((await screen.findByTestId('storage-error')).textContent).toMatch(/still being recorded in another tab of this browser.*stop it there or let it end before deleting it/);
    expect(await db.sessions.count()).toBe(2);

    await fireEvent.click(screen.getByTestId('delete-all'));
    await fireEvent.click(screen.getByTestId('confirm-delete-all-yes'));
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(screen.getByTestId('history-notice').textContent).toBe('Kept 1 session being recorded in another tab: stop it or let it end, then delete.');
    expect((await db.sessions.toArray()).map((s) => s.id)).toEqual([id]);

    // The other tab ends (or closes): its lock goes, and the session deletes.
    release();
    await waitFor(() => expect(locks.held.size).toBe(0));
    await fireEvent.click(screen.getAllByTestId('history-delete')[0]);
    await waitFor(() => expect(screen.queryAllByTestId('history-row')).toHaveLength(0));
    expect(await db.sessions.count()).toBe(0);
  });

  it('without Web Locks a running session of no tab here is flagged as unknown, said beside the list', async () => {
    setLocks(undefined);
    await storeRunning('Maybe elsewhere');
    render(HistoryView, { dbFactory: getAppDb });
    expect((await screen.findByTestId('history-no-locks')).textContent).toMatch(/Web Locks need https or localhost/);
  });

  it('a paused session another tab holds is not marked interrupted by a History opened later', async () => {
    const db = await getAppDb();
    const held = await storeRunning('Paused elsewhere');
    const cut = await storeRunning('Cut off');
    const later = Date.now() + 120_000;
    expect(await markInterrupted(db, later, undefined, new Set([held]))).toBe(1);
    const status = Object.fromEntries((await db.sessions.toArray()).map((s) => [s.id, s.status]));
    expect(status).toEqual({ [held]: 'running', [cut]: 'interrupted' });
  });

  it('a list read for an older filter does not replace a newer one that finished first', async () => {
    const db = await getAppDb();
    for (const title of ['Alpha', 'Beta']) {
      const { meta, events } = sampleSession(title);
      const r = createRecorder(db, { ...meta, title }, { itemLookup: (x) => item(x) });
      for (const e of events) r.onEvent(e);
      await r.flush();
    }
    const h = new HistoryState(getAppDb);
    await h.init();
    expect(h.rows.map((r) => r.title).sort()).toEqual(['Alpha', 'Beta']);
    // The first refresh's last step (asking which sessions are recorded) is held, so it ends last.
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    const query = locks.query.bind(locks);
    let calls = 0;
    locks.query = async () => {
      if (calls++ === 0) await held;
      return query();
    };
    h.search = 'Alpha';
    const older = h.refresh();
    h.search = 'Beta';
    await h.refresh();
    expect(h.rows.map((r) => r.title)).toEqual(['Beta']);
    letGo();
    await older;
    expect(h.rows.map((r) => r.title)).toEqual(['Beta']);
    h.dispose();
  });
});
