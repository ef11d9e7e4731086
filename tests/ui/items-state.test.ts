/**
 * The Items view's state with real work (the offline embedding, semantic IDs): one piece of
 * work at a time. (The cache's item check is tests/core/embed/rows-match.test.ts: jsdom's
 * fake-indexeddb hands typed arrays back from another realm, so no cached row loads here.)
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ItemsView from '../../src/ui/items/ItemsView.svelte';
import EmbeddingsPanel from '../../src/ui/items/EmbeddingsPanel.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { toVectorCsv } from '../../src/core/embed/import-vectors';
import type { Catalog } from '../../src/core/types';
import { ItemsState } from '../../src/ui/items/items-state.svelte';
import { fitSemanticIds } from '../../src/core/embed/semantic-ids';
import { createRng } from '../../src/core/rng';
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

describe('Items offline embedding on the page', () => {
  it('shows progress as it goes and Cancel stops it (it ran in one piece: the page froze, Cancel did nothing)', async () => {
    const catalog = renamed(base, 'c');
    // Yield at every chunk (the view yields every 30 ms of work; this catalog takes less).
    const st = new ItemsState({ yieldEveryMs: 0 });
    const computing = st.compute(catalog, true);
    // Cancel once the fit has said some progress (a fraction above the start's 0), while it runs.
    let cancelled = false;
    let fraction = 0;
    while (st.busy && !cancelled) {
      await new Promise((r) => setTimeout(r, 0));
      if (st.busy && st.progressText.startsWith('Fitting TF-IDF') && (st.fraction ?? 0) > 0) {
        fraction = st.fraction!;
        cancelled = true;
        st.cancel();
      }
    }
    await computing;
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(1);
    expect(cancelled).toBe(true);
    expect(st.error).toBe('Stopped.');
    expect(st.vectors).toBeNull();
    expect(st.busy).toBe(false);
  });
});

describe('Items semantic-ID fit on the page', () => {
  it('shows its progress and Cancel stops it (it ran in one piece after the vectors: the page froze, Cancel did nothing)', async () => {
    const catalog = renamed(base, 'e');
    const st = new ItemsState({ yieldEveryMs: 0 });
    const computing = st.compute(catalog, true);
    const seen: number[] = [];
    let cancelled = false;
    while (st.busy && !cancelled) {
      await new Promise((r) => setTimeout(r, 0));
      if (st.busy && st.progressText.startsWith('Fitting semantic IDs')) {
        seen.push(st.fraction ?? -1);
        // Cancel once it has said some progress, while it runs.
        if (seen.some((f) => f > 0 && f < 1)) {
          cancelled = true;
          st.cancel();
        }
      }
    }
    await computing;
    expect(cancelled).toBe(true);
    expect(seen[0]).toBe(0);
    expect(st.error).toBe('Stopped.');
    expect(st.sid).toBeNull();
    // The vectors were done before the fit: kept.
    expect(st.vectors?.model).toBe('offline');
    expect(st.busy).toBe(false);
  });

  it('ends with the codes of the one-go fit, progress having risen to 1', async () => {
    const catalog = renamed(base, 'f');
    const st = new ItemsState({ yieldEveryMs: 0 });
    const computing = st.compute(catalog, true);
    const seen: number[] = [];
    while (st.busy) {
      await new Promise((r) => setTimeout(r, 0));
      if (st.busy && st.progressText.startsWith('Fitting semantic IDs')) seen.push(st.fraction!);
    }
    await computing;
    expect(st.error).toBeNull();
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]).toBe(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.at(-1)).toBe(1);
    const once = fitSemanticIds(st.vectors!, catalog.items, createRng(st.seed).fork('sid'));
    expect(Array.from(st.sid!.codes)).toEqual(Array.from(once.codes));
    expect(Array.from(st.sid!.suffix)).toEqual(Array.from(once.suffix));
    expect([...st.sid!.labels]).toEqual([...once.labels]);
  });
});

describe('Items vector file import', () => {
  it('refuses a file far larger than any vectors of the catalog by its size, before reading it (a video picked by mistake was read whole)', async () => {
    const catalog = renamed(base, 'big');
    const st = new ItemsState();
    for (const name of ['film.npy', 'film.csv']) {
      const file = new File(['x'], name);
      // 3 GB claimed; only reads are counted: the bytes are never looked at.
      Object.defineProperty(file, 'size', { value: 3e9 });
      let read = 0;
      for (const m of ['text', 'arrayBuffer', 'stream', 'slice'] as const) {
        if (typeof file[m] !== 'function') continue;
        const real = (file[m] as (...a: unknown[]) => unknown).bind(file);
        Object.defineProperty(file, m, { value: (...a: unknown[]) => (read++, real(...a)) });
      }
      await st.importFile(catalog, file);
      expect(read, name).toBe(0);
      expect(st.error, name).toMatch(new RegExp(`^${name.replace('.', '\\.')}: the file is 3000\\.0 MB; vectors of this catalog's ${catalog.items.length} items .* at most \\d+(\\.\\d)? MB`));
      expect(st.vectors).toBeNull();
    }
  });
});

describe('Items view when the catalog changes under it', () => {
  it("drops the last catalog's vectors and semantic IDs (a folder dropped on the page showed them under the new one, titles looked up by position)", async () => {
    const a: Catalog = { ...base, id: 'items-view-a', name: 'first' };
    const b: Catalog = { ...importMovieLens(movieWorldCsv({ users: 10, movies: 60, seed: 3 })).catalog, id: 'items-view-b', name: 'second' };
    const data = new DataStore();
    data.catalog = a;
    render(ItemsView, { settings: { value: { catalog: a.id } } as never, data });
    await fireEvent.click(screen.getByTestId('emb-compute'));
    await screen.findByTestId('sid-summary', {}, { timeout: 30_000 });
    expect(screen.getByTestId('emb-status').textContent).toMatch(new RegExp(`Vectors: ${a.items.length} items`));
    // As importing a MovieLens folder dropped on the Items view does.
    data.catalog = b;
    await waitFor(() => expect(screen.getByTestId('items-catalog').textContent).toMatch(/second/));
    expect(screen.queryByTestId('emb-status')).toBeNull();
    expect(screen.queryByTestId('sid-summary')).toBeNull();
    cleanup();
  });
});


describe('Items progress bar name', () => {
  it('names the bar after the work running (it said "Embedding progress" during the semantic-ID fit)', async () => {
    const catalog = renamed(base, 'g');
    const st = new ItemsState({ yieldEveryMs: 0 });
    render(EmbeddingsPanel, { st, catalog });
    const computing = st.compute(catalog, true);
    const names = new Set<string>();
    while (st.busy) {
      await new Promise((r) => setTimeout(r, 0));
      const bar = screen.queryByTestId('emb-progress');
      if (st.busy && bar) names.add(`${st.progressText.startsWith('Fitting semantic IDs') ? 'sid' : 'emb'}:${bar.getAttribute('aria-label')}`);
    }
    await computing;
    cleanup();
    expect(names).toContain('emb:Embedding progress');
    expect(names).toContain('sid:Semantic-ID progress');
    expect([...names].filter((n) => n.startsWith('sid:'))).toEqual(['sid:Semantic-ID progress']);
  });
});
