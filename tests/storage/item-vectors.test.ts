import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RecoDb, SCHEMA_VERSION } from '../../src/storage/db';
import { deleteItemVectors, listItemVectors, loadItemVectors, saveItemVectors } from '../../src/storage/item-vectors';
import { openDb } from '../../src/storage/open';
import { dbName } from './fixtures';

describe('schema v4: cached item vectors', () => {
  it('upgrades a v3 database (creator runs kept) and stores vectors per catalog and model', async () => {
    const name = dbName();
    const v3 = new RecoDb(name, { upTo: 3 });
    await v3.open();
    await v3.creatorRuns.put({ id: 'c1', createdAt: 5, title: 'kept', experiment: {}, result: {} });
    expect(v3.tables.map((t) => t.name)).not.toContain('itemVectors');
    v3.close();

    const db = await openDb(name);
    expect(SCHEMA_VERSION).toBe(4);
    expect(db.verno).toBe(4);
    expect((await db.creatorRuns.get('c1'))?.title).toBe('kept');
    const v = { catalogId: 'shortvideo', model: 'offline', dim: 2, ids: ['a', 'b'], data: Float32Array.from([0.6, 0.8, 1, 0]) };
    await saveItemVectors(db, v, 100);
    await saveItemVectors(db, { ...v, model: 'Xenova/all-MiniLM-L6-v2', dim: 1, data: Float32Array.from([1, 1]) }, 200);
    await saveItemVectors(db, { ...v, catalogId: 'other' }, 300);
    const back = await loadItemVectors(db, 'shortvideo', 'offline');
    expect(back?.data).toBeInstanceOf(Float32Array);
    expect(Array.from(back!.data)).toEqual(Array.from(v.data));
    expect((await listItemVectors(db, 'shortvideo')).map((r) => `${r.model}:${r.dim}:${r.items}`)).toEqual(['Xenova/all-MiniLM-L6-v2:1:2', 'offline:2:2']);
    await deleteItemVectors(db, 'shortvideo', 'offline');
    expect(await loadItemVectors(db, 'shortvideo', 'offline')).toBeNull();
    // A row whose sizes do not add up is an error, not silently used.
    await db.itemVectors.put({ catalogId: 'x', model: 'm', dim: 3, ids: ['a'], data: new Float32Array(2), updatedAt: 1 });
    await expect(loadItemVectors(db, 'x', 'm')).rejects.toThrow(/damaged/);
    db.close();
  });
});
