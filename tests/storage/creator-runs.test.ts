import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RecoDb, SCHEMA_VERSION } from '../../src/storage/db';
import { openDb } from '../../src/storage/open';
import { dbName } from './fixtures';

describe('schema v3: the creator lab table', () => {
  it('upgrades a v2 database to the current version: sessions kept, creatorRuns (from v3) usable and ordered by createdAt', async () => {
    const name = dbName();
    const v2 = new RecoDb(name, { upTo: 2 });
    await v2.open();
    await v2.sessions.put({
      id: 's1', title: 'Ana x popular', startedAt: 1, updatedAt: 1, status: 'complete', seed: 1, userId: 'pop-3', recommender: 'popular',
      simulator: 'rule-based', catalogId: 'shortvideo', instructionsEnabled: true, settings: {}, summary: { turns: 1, items: 2, watchSec: 3, instructions: 0 },
      searchText: 'ana x popular',
    } as never);
    expect(v2.tables.map((t) => t.name)).not.toContain('creatorRuns');
    v2.close();

    const db = await openDb(name);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3); // later versions add tables (v4: itemVectors)
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.sessions.get('s1'))?.title).toBe('Ana x popular');
    await db.creatorRuns.bulkPut([
      { id: 'b', createdAt: 20, title: 'second', experiment: { users: 10 }, result: { replicates: 3 } },
      { id: 'a', createdAt: 10, title: 'first', experiment: { users: 5 }, result: { replicates: 2 } },
    ]);
    expect((await db.creatorRuns.orderBy('createdAt').toArray()).map((r) => r.title)).toEqual(['first', 'second']);
    db.close();
  });
});
