/**
 * The Items view's state with real work (the offline embedding, semantic IDs): one piece of
 * work at a time. (The cache's item check is tests/core/embed/rows-match.test.ts: jsdom's
 * fake-indexeddb hands typed arrays back from another realm, so no cached row loads here.)
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { toVectorCsv } from '../../src/core/embed/import-vectors';
import type { Catalog } from '../../src/core/types';
import { ItemsState } from '../../src/ui/items/items-state.svelte';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

const base = importMovieLens(movieWorldCsv({ users: 10, movies: 40, seed: 2 })).catalog;
/** The same catalog id and size with other items (a folder re-imported with other movies). */
const renamed = (c: Catalog, prefix: string): Catalog => ({ ...c, id: 'items-state-test', items: c.items.map((it) => ({ ...it, id: `${prefix}${it.id}` })) });

describe('Items state', () => {
  it('a second piece of work while one runs is not started (its end cleared busy while the first ran on)', async () => {
    const catalog = renamed(base, 'a');
    const st = new ItemsState();
    const computing = st.compute(catalog, true);
    expect(st.busy).toBe(true);
    const csv = toVectorCsv({ catalogId: catalog.id, model: 'x', dim: 2, ids: catalog.items.map((i) => i.id), data: new Float32Array(catalog.items.length * 2).fill(1) });
    await st.importFile(catalog, new File([csv], 'other.csv'));
    // The compute is still under way: Cancel stays on, and its result is the one shown.
    expect(st.busy).toBe(true);
    await computing;
    expect(st.busy).toBe(false);
    expect(st.error).toBeNull();
    expect(st.vectors?.model).toBe('offline');
  });

  it('the source is the one Compute was pressed with, whatever radio is picked meanwhile', async () => {
    const catalog = renamed(base, 'b');
    const st = new ItemsState();
    const computing = st.compute(catalog, true);
    st.source = 'transformers';
    await computing;
    // It went on to load a Transformers.js model (here: no worker at all) under the offline key.
    expect(st.error).toBeNull();
    expect(st.vectors?.model).toBe('offline');
  });
});
