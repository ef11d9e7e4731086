/**
 * The Items view caches vectors under the catalog's content, not its id alone: a catalog
 * re-imported with the same ids but other texts reused the old vectors. (Rows are read back
 * through the listing only: jsdom's fake-indexeddb returns typed arrays from another realm.)
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import EmbeddingsPanel from '../../src/ui/items/EmbeddingsPanel.svelte';
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

  it('counts the vectors of other versions of the catalog (another content, the old bare-id key) and deletes them when asked', async () => {
    const st = new ItemsState();
    const db = await openDb();
    await db.itemVectors.clear();
    await st.compute(first, true);
    // The old key (the catalog id alone), and a catalog whose id merely starts the same.
    const row = (catalogId: string) => ({ catalogId, model: 'offline', dim: 2, ids: ['a', 'b'], data: Float32Array.from([1, 0, 0, 1]), updatedAt: 1 });
    await db.itemVectors.put(row(first.id));
    await db.itemVectors.put(row(`${first.id}-other`));
    await st.compute(again, true);
    expect(st.error).toBeNull();
    expect(st.cached.map((c) => c.model)).toEqual(['offline']);
    expect(st.otherVersions.rows).toBe(2); // the first import's set and the bare-id row
    expect(st.otherVersions.bytes).toBeGreaterThan(first.items.length * 4);
    render(EmbeddingsPanel, { st, catalog: again });
    expect(screen.getByTestId('emb-other-versions').textContent).toMatch(/Also cached: 2 vector sets \(\d+\.\d MB\) for other versions of this catalog/);
    await fireEvent.click(screen.getByTestId('emb-other-versions-delete'));
    await waitFor(() => expect(screen.queryByTestId('emb-other-versions')).toBeNull());
    cleanup();
    expect(st.note).toBe('Deleted 2 cached vector sets of other versions of this catalog.');
    expect(st.otherVersions).toEqual({ rows: 0, bytes: 0 });
    // This version's vectors and the other catalog's stay.
    expect((await listItemVectors(db, vectorCacheKey(again))).map((r) => r.model)).toEqual(['offline']);
    expect((await listItemVectors(db, `${first.id}-other`)).map((r) => r.model)).toEqual(['offline']);
    expect(await listItemVectors(db, first.id)).toEqual([]);
    expect(await listItemVectors(db, vectorCacheKey(first))).toEqual([]);
  });

  it('a failing delete of cached vectors is said, not an unhandled rejection, and the row stays listed', async () => {
    const st = new ItemsState();
    await st.compute(first, true);
    expect(st.cached.map((c) => c.model)).toEqual(['offline']);
    const db = vi.spyOn(ItemsState.prototype as unknown as { db(): Promise<unknown> }, 'db').mockRejectedValueOnce(new Error('QuotaExceededError: the disk is full'));
    try {
      await expect(st.forget(first, 'offline')).resolves.toBeUndefined();
    } finally {
      db.mockRestore();
    }
    expect(st.error).toBe('Could not delete the cached vectors of "offline": QuotaExceededError: the disk is full');
    expect(st.cached.map((c) => c.model)).toEqual(['offline']);
    await st.forget(first, 'offline');
    expect(st.error).toBeNull();
    expect(st.cached).toEqual([]);
  });

  it('deleting a cached set keeps keyboard focus: on the next delete, else on Compute (it fell to the page with the removed row)', async () => {
    const st = new ItemsState();
    const row = (model: string) => ({ model, dim: 2, items: 30, updatedAt: 1 });
    st.cached = [row('offline'), row('Xenova/all-MiniLM-L6-v2')];
    st.otherVersions = { rows: 1, bytes: 240 };
    vi.spyOn(st, 'forget').mockImplementation(async (_c, model) => void (st.cached = st.cached.filter((c) => c.model !== model)));
    vi.spyOn(st, 'forgetOtherVersions').mockImplementation(async () => void (st.otherVersions = { rows: 0, bytes: 0 }));
    vi.spyOn(st, 'refreshCache').mockResolvedValue(undefined);
    render(EmbeddingsPanel, { st, catalog: first });
    const press = async (b: HTMLElement) => (b.focus(), fireEvent.click(b));
    await press(screen.getByRole('button', { name: 'Delete cached vectors of offline' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete cached vectors of Xenova/all-MiniLM-L6-v2'));
    await press(screen.getByRole('button', { name: 'Delete cached vectors of Xenova/all-MiniLM-L6-v2' }));
    await waitFor(() => expect(screen.queryByTestId('emb-cached')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('emb-compute')));
    await press(screen.getByTestId('emb-other-versions-delete'));
    await waitFor(() => expect(screen.queryByTestId('emb-other-versions')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('emb-compute')));
    cleanup();
  });
});

