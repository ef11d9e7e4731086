/**
 * The Items view caches vectors under the catalog's content, not its id alone: a catalog
 * re-imported with the same ids but other texts reused the old vectors. (Rows are read back
 * through the listing only: jsdom's fake-indexeddb returns typed arrays from another realm.)
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { vectorCacheKey } from '../../src/core/embed/content-key';
import type { Catalog } from '../../src/core/types';
import { openDb } from '../../src/storage/open';
import { listItemVectors } from '../../src/storage/item-vectors';
import { ItemsState } from '../../src/ui/items/items-state.svelte';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

const first: Catalog = { ...importMovieLens(movieWorldCsv({ users: 8, movies: 30, seed: 4 })).catalog, id: 'items-cache-key-test' };
/** Re-imported: the same id and item ids, other descriptions. */
const again: Catalog = { ...first, items: first.items.map((it) => ({ ...it, description: `${it.description} Director's cut.` })) };

describe('Items vector cache key', () => {
  it('a re-imported catalog with the same ids but other texts finds no cached vectors', async () => {
    const st = new ItemsState();
    await st.compute(first, true);
    expect(st.error).toBeNull();
    expect(st.vectors?.catalogId).toBe(first.id);
    expect(st.cached.map((c) => c.model)).toEqual(['offline']);
    const db = await openDb();
    expect((await listItemVectors(db, vectorCacheKey(first))).map((r) => r.model)).toEqual(['offline']);
    // The other content: nothing cached for it (it listed, and loaded, the first import's vectors).
    await st.refreshCache(again);
    expect(st.cached).toEqual([]);
    // The same content again lists them; forgetting removes them from under the content key.
    await st.refreshCache({ ...first, items: first.items.map((it) => ({ ...it })) });
    expect(st.cached.map((c) => c.model)).toEqual(['offline']);
    await st.forget(first, 'offline');
    expect(await listItemVectors(db, vectorCacheKey(first))).toEqual([]);
  });
});
