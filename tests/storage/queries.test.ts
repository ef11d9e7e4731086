import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { facetValues, listSessions, requestPersistence, storageInfo } from '../../src/storage/queries';
import { dbName, sampleSession } from './fixtures';

async function seed() {
  const db = await openDb(dbName());
  const rows = [
    { id: 'a', rec: 'popular', sim: 'rule-based', user: 'Maya', at: 1000 },
    { id: 'b', rec: 'linucb', sim: 'rule-based', user: 'Ana', at: 2000 },
    { id: 'c', rec: 'linucb', sim: 'human', user: 'Maya', at: 3000 },
  ];
  for (const r of rows) {
    const { meta } = sampleSession(r.id);
    const rec = createRecorder(db, { ...meta, recommender: r.rec, simulator: r.sim, userName: r.user, startedAt: r.at });
    await rec.flush();
  }
  return db;
}

describe('history queries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists newest first and filters by search, recommender, simulator and date', async () => {
    const db = await seed();
    expect((await listSessions(db)).map((s) => s.id)).toEqual(['c@3000', 'b@2000', 'a@1000']);
    expect((await listSessions(db, { search: 'ana' })).map((s) => s.id)).toEqual(['b@2000']);
    expect((await listSessions(db, { search: 'Maya x' })).map((s) => s.id)).toEqual(['c@3000', 'a@1000']);
    expect((await listSessions(db, { search: 'LINUCB' })).map((s) => s.id)).toEqual(['c@3000', 'b@2000']);
    expect((await listSessions(db, { recommender: 'linucb', simulator: 'human' })).map((s) => s.id)).toEqual(['c@3000']);
    expect((await listSessions(db, { from: 1500, to: 3000 })).map((s) => s.id)).toEqual(['b@2000']);
    expect((await listSessions(db, { recommender: 'popular', from: 1500 })).map((s) => s.id)).toEqual([]);
    expect(await facetValues(db)).toEqual({ recommenders: ['linucb', 'popular'], simulators: ['human', 'rule-based'] });
    db.close();
  });

  it('reads the storage estimate and requests persistence through navigator.storage', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 2048, quota: 1e9 }), persisted: async () => false, persist } });
    expect(await storageInfo()).toEqual({ usage: 2048, quota: 1e9, persisted: false });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    vi.stubGlobal('navigator', {});
    expect(await storageInfo()).toEqual({ usage: null, quota: null, persisted: null });
    expect(await requestPersistence()).toBe(false);
  });
});
