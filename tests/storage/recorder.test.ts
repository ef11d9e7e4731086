import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/open';
import { createRecorder, unsavedRecorders } from '../../src/storage/recorder';
import { exportPendingSessions, importText } from '../../src/storage/export';
import { loadSession, markInterrupted, listSessions } from '../../src/storage/queries';
import { dbName, item, sampleSession, sid } from './fixtures';

describe('createRecorder', () => {
  it('writes every completed item as it happens and the final trajectory at the end', async () => {
    const db = await openDb(dbName());
    const { meta, events, trajectory } = sampleSession();
    let t = 1000;
    const rec = createRecorder(db, meta, { itemLookup: (id) => item(id), now: () => t++ });
    for (const e of events.slice(0, -1)) {
      rec.onEvent(e);
      await rec.flush();
    }
    // Before session_end: running, with every completed item on disk.
    const mid = await loadSession(db, rec.id);
    expect(mid?.session.status).toBe('running');
    expect(mid?.events.filter((e) => e.kind === 'decision')).toHaveLength(4);
    expect(mid?.session.summary).toEqual({ turns: 2, items: 4, watchSec: 75, instructions: 1 });
    expect(mid?.items.get('a')?.title).toBe('Title of a');

    rec.onEvent(events[events.length - 1]);
    await rec.done;
    const end = await loadSession(db, rec.id);
    expect(end?.session.status).toBe('complete');
    expect(end?.session.metrics?.watchSec).toBe(75);
    expect(end?.trajectory).toEqual(trajectory);
    expect(rec.error).toBeNull();
    db.close();
  });

  it('takes the recommender name from the final trajectory when the meta said otherwise', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('f');
    const rec = createRecorder(db, { ...meta, recommender: 'content' });
    for (const e of events) rec.onEvent(e);
    await rec.done;
    const row = await db.sessions.get(rec.id);
    expect(row?.recommender).toBe('popular');
    expect(row?.title).toBe('Maya x popular');
    expect((await listSessions(db, { recommender: 'popular' })).length).toBe(1);
    db.close();
  });

  it('keeps events that arrive while a write is in flight', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('race');
    const rec = createRecorder(db, meta);
    // The creation write is in flight; events arrive one macrotask apart, as in the app.
    for (const e of events) {
      rec.onEvent(e);
      await new Promise((r) => setTimeout(r, 0));
    }
    await rec.done;
    const stored = await db.events.where('sessionId').equals(rec.id).sortBy('seq');
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i));
    expect(stored[0].kind).toBe('list');
    expect(stored).toHaveLength(events.filter((e) => !['session_start', 'item_start', 'thought_delta', 'session_end'].includes(e.type)).length);
    db.close();
  });

  it('never stores API keys', async () => {
    const db = await openDb(dbName());
    const { meta } = sampleSession();
    const rec = createRecorder(db, meta);
    await rec.flush();
    const row = await db.sessions.get(rec.id);
    expect(JSON.stringify(row)).not.toContain('sk-SECRET');
    expect((row?.settings.llm as Record<string, unknown>).baseUrl).toBe('http://localhost:11434/v1');
    db.close();
  });

  it('a session cut off half-way is in the history up to its last completed item, shown as interrupted', async () => {
    const name = dbName();
    const db = await openDb(name);
    const { meta, events } = sampleSession('cut');
    const rec = createRecorder(db, meta, { now: () => 5_000 });
    // Up to and including the first decision of turn 1, then the "tab closes".
    const cut = events.findIndex((e) => e.type === 'decision' && e.turn === 1);
    for (const e of events.slice(0, cut + 1)) rec.onEvent(e);
    await rec.flush();
    db.close();

    const again = await openDb(name);
    // Fresh (updated < 1 min ago): still running.
    expect(await markInterrupted(again, 5_000 + 30_000)).toBe(0);
    expect(await markInterrupted(again, 5_000 + 61_000)).toBe(1);
    const [row] = await listSessions(again);
    expect(row.status).toBe('interrupted');
    const loaded = await loadSession(again, sid('cut'));
    const traj = loaded!.trajectory;
    expect(traj.turns).toHaveLength(2);
    expect(traj.turns[0].decisions).toHaveLength(2);
    expect(traj.turns[0].reflection?.instruction?.text).toBe('Show me something different');
    expect(traj.turns[1].decisions.map((d) => d.itemId)).toEqual(['c']);
    expect(traj.endReason).toBe('stopped');
    expect(traj.metrics.watchSec).toBe(75);
    again.close();
  });

  it('keeps pending writes in memory when the database fails, and saves them once it works again', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('q');
    const errors: string[] = [];
    const rec = createRecorder(db, meta, { onError: (e) => errors.push(e.kind) });
    await rec.flush();
    const realPut = db.events.bulkPut.bind(db.events);
    // Simulate a full disk: every event write fails with QuotaExceededError.
    (db.events as unknown as { bulkPut: unknown }).bulkPut = () => {
      const err = new Error('quota') as Error & { name: string };
      err.name = 'QuotaExceededError';
      return Promise.reject(err);
    };
    for (const e of events.slice(0, 6)) rec.onEvent(e);
    await rec.flush();
    expect(errors).toContain('quota');
    expect(rec.error?.kind).toBe('quota');
    expect(rec.error?.message).toMatch(/Storage is full/);
    expect(rec.pending().unsaved).toBe(3); // list + 2 decisions
    expect(rec.pending().events).toHaveLength(3);
    expect(await db.events.count()).toBe(0);
    expect(unsavedRecorders()).toContain(rec);
    // What the person can export meanwhile: a valid file with the whole session so far.
    const other = await openDb(dbName());
    await importText(other, exportPendingSessions(unsavedRecorders()));
    expect((await loadSession(other, rec.id))?.trajectory.turns[0].decisions).toHaveLength(2);
    other.close();

    (db.events as unknown as { bulkPut: unknown }).bulkPut = realPut;
    for (const e of events.slice(6)) rec.onEvent(e);
    await rec.done;
    expect(rec.error).toBeNull();
    expect(rec.pending().unsaved).toBe(0);
    expect(unsavedRecorders()).not.toContain(rec);
    const stored = events.filter((e) => !['session_start', 'item_start', 'thought_delta', 'session_end'].includes(e.type));
    expect(await db.events.where('sessionId').equals(sid('q')).count()).toBe(stored.length);
    db.close();
  });

  it('keeps two sessions when the same seeded run (same trajectory id) is recorded twice', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('same');
    const a = createRecorder(db, meta);
    const b = createRecorder(db, { ...meta, startedAt: meta.startedAt + 5000 });
    for (const e of events) {
      a.onEvent(e);
      b.onEvent(e);
    }
    await Promise.all([a.done, b.done]);
    expect(a.id).not.toBe(b.id);
    const rows = await listSessions(db);
    expect(rows.map((r) => r.trajectoryId)).toEqual(['same', 'same']);
    expect((await loadSession(db, a.id))?.trajectory.id).toBe('same');
    db.close();
  });

  it('stop() marks a run that never ended as stopped', async () => {
    const db = await openDb(dbName());
    const { meta, events } = sampleSession('s');
    const rec = createRecorder(db, meta);
    for (const e of events.slice(0, 4)) rec.onEvent(e);
    await rec.stop();
    const row = await db.sessions.get(sid('s'));
    expect(row?.status).toBe('stopped');
    db.close();
  });
});
