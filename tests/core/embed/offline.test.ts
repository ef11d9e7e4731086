import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../../src/core/catalog/builtin';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { orthonormalizeColumns, symmetricEigen } from '../../../src/core/embed/linalg';
import { embedText, fitOfflineEmbedding, fitOfflineEmbeddingChunked } from '../../../src/core/embed/offline';
import { topicCentroids, userVector } from '../../../src/core/embed/user-vector';
import { cosine, row, scoreAll } from '../../../src/core/embed/vectors';
import { buildTfIdf } from '../../../src/core/recommenders/text-features';
import { createRng } from '../../../src/core/rng';
import { history, makeCatalog, TOPIC_IDS } from '../recommenders/fixtures';

describe('linalg', () => {
  it('Jacobi finds the eigenpairs of a known symmetric matrix', () => {
    // [[2,1],[1,2]]: eigenvalues 3 (1,1)/sqrt2 and 1 (1,-1)/sqrt2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(Math.abs(vectors[0] * vectors[2] + vectors[1] * vectors[3])).toBeLessThan(1e-10);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('Gram-Schmidt gives orthonormal columns and drops dependent ones', () => {
    const m = Float64Array.from([1, 2, 2, 0, 1, 0, 1, 2, 2]); // 3x3, col 2 = 2*col 0
    expect(orthonormalizeColumns(m, 3, 3)).toBe(2);
    const col = (c: number) => [m[c], m[3 + c], m[6 + c]];
    expect(cosine(col(0), col(1))).toBeCloseTo(0, 10);
    expect(col(2)).toEqual([0, 0, 0]);
  });
});

describe('offline embedding (TF-IDF + randomized SVD)', () => {
  const catalog = makeCatalog(12);

  it('is deterministic per seed, unit length, and keeps topics apart', () => {
    const a = fitOfflineEmbedding(catalog, createRng(3), { dim: 16 });
    const b = fitOfflineEmbedding(catalog, createRng(3), { dim: 16 });
    expect(Array.from(a.vectors.data)).toEqual(Array.from(b.vectors.data));
    expect(a.vectors.dim).toBe(16);
    expect(a.vectors.ids).toEqual(catalog.items.map((i) => i.id));
    for (let i = 0; i < a.vectors.ids.length; i++) {
      const r = row(a.vectors.data, 16, i);
      expect(Math.hypot(...r)).toBeCloseTo(1, 5);
    }
    // Mean similarity inside a topic beats the mean across topics, for every topic.
    const v = a.vectors;
    for (const t of TOPIC_IDS) {
      let inside = 0, across = 0, ni = 0, na = 0;
      catalog.items.forEach((x, i) => {
        if (x.topic !== t) return;
        catalog.items.forEach((y, j) => {
          if (i === j) return;
          const s = cosine(row(v.data, 16, i), row(v.data, 16, j));
          if (y.topic === t) { inside += s; ni++; } else { across += s; na++; }
        });
      });
      expect(inside / ni).toBeGreaterThan(across / na + 0.3);
    }
  });

  it('matches the exact singular values of the TF-IDF matrix', () => {
    const emb = fitOfflineEmbedding(catalog, createRng(9), { dim: 8, powerIterations: 6 });
    const m = buildTfIdf(catalog.items);
    const n = catalog.items.length;
    // Exact: eigenvalues of A A^T (n x n, dense).
    const dense = new Float64Array(n * m.vocab.size);
    for (let i = 0; i < n; i++) for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) dense[i * m.vocab.size + m.rowCols[j]] = m.rowVals[j];
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
      let s = 0;
      for (let c = 0; c < m.vocab.size; c++) s += dense[i * m.vocab.size + c] * dense[k * m.vocab.size + c];
      g[i * n + k] = s;
    }
    const exact = symmetricEigen(g, n).values;
    for (let k = 0; k < 8; k++) expect(emb.basis.singular[k]).toBeCloseTo(Math.sqrt(exact[k]), 3);
  });

  it('projects text into the same space: a topic word finds its topic', () => {
    const emb = fitOfflineEmbedding(catalog, createRng(1), { dim: 16 });
    const q = embedText(emb.basis, 'sourdough croissant please')!;
    const s = scoreAll(emb.vectors, q);
    const best = [...s.keys()].sort((a, b) => s[b] - s[a]).slice(0, 5);
    for (const i of best) expect(catalog.items[i].topic).toBe('baking');
    expect(embedText(emb.basis, 'zzz qqq')).toBeNull();
  });

  it('user vectors follow engagement (and skips push away)', () => {
    const emb = fitOfflineEmbedding(catalog, createRng(1), { dim: 16 });
    const index = buildCatalogIndex(catalog);
    const u = userVector(emb.vectors, index, history(['ufc-0', 'ufc-1', 'ufc-2']))!;
    const s = scoreAll(emb.vectors, u);
    const best = [...s.keys()].sort((a, b) => s[b] - s[a]).slice(0, 6);
    for (const i of best) expect(catalog.items[i].topic).toBe('ufc');
    const skipper = userVector(emb.vectors, index, history(['ufc-0', 'ufc-1'], 'skip'))!;
    expect(cosine(skipper, u)).toBeLessThan(0);
    expect(userVector(emb.vectors, index, [])).toBeNull();
    const byInterest = userVector(emb.vectors, index, [], { f1: 1 }, topicCentroids(emb.vectors, index))!;
    const top = scoreAll(emb.vectors, byInterest).indexOf(Math.max(...scoreAll(emb.vectors, byInterest)));
    expect(catalog.items[top].topic).toBe('f1');
  });

  it('on the built-in feed, "crab boil" lands on the crab boil items', async () => {
    const feed = await loadBuiltinCatalog('shortvideo');
    const emb = fitOfflineEmbedding(feed, createRng(42));
    expect(emb.vectors.dim).toBe(64);
    const s = scoreAll(emb.vectors, embedText(emb.basis, 'more like the crab boil one')!);
    const best = [...s.keys()].sort((a, b) => s[b] - s[a]).slice(0, 8);
    for (const i of best) expect(feed.items[i].topic).toBe('seafood-cooking');
    // LSA smooths words into topics: oysters rank among the crab items, but crab leads.
    expect(feed.items[best[0]].title.toLowerCase()).toContain('crab');
    expect(best.filter((i) => feed.items[i].title.toLowerCase().includes('crab')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('offline embedding in chunks (the Items view on a large catalog froze the page with no progress)', () => {
  it('gives the same vectors as the one-go fit, yielding between chunks with progress that rises to 1', async () => {
    const catalog = await loadBuiltinCatalog();
    const once = fitOfflineEmbedding(catalog, createRng(9));
    const fractions: number[] = [];
    let pauses = 0;
    const chunked = await fitOfflineEmbeddingChunked(catalog, createRng(9), {
      chunkRows: 16,
      onProgress: (f) => fractions.push(f),
      pause: () => void pauses++,
    });
    expect(chunked.vectors.dim).toBe(once.vectors.dim);
    expect(Array.from(chunked.vectors.data)).toEqual(Array.from(once.vectors.data));
    expect(Array.from(chunked.basis.basis)).toEqual(Array.from(once.basis.basis));
    // Many chunks, each a chance for the page to paint and read a Cancel press.
    expect(pauses).toBeGreaterThan(20);
    expect(fractions.length).toBe(pauses);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions[0]).toBeGreaterThanOrEqual(0);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops at the next chunk once its signal is aborted (an AbortError), doing no more work', async () => {
    const catalog = await loadBuiltinCatalog();
    const ac = new AbortController();
    let pauses = 0;
    const run = fitOfflineEmbeddingChunked(catalog, createRng(9), {
      chunkRows: 16,
      signal: ac.signal,
      pause: () => {
        if (++pauses === 3) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(pauses).toBe(3);
  });
});
