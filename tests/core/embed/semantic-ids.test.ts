import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../../src/core/catalog/builtin';
import { kmeans } from '../../../src/core/embed/kmeans';
import { fitOfflineEmbedding } from '../../../src/core/embed/offline';
import { defaultSidShape, fitSemanticIds, fitSemanticIdsChunked, sidString, type SemanticIds } from '../../../src/core/embed/semantic-ids';
import type { ItemVectors } from '../../../src/core/embed/vectors';
import { createRng, normal } from '../../../src/core/rng';

/**
 * Two super-clusters at x = -100 and +100, each with the same four sub-offsets
 * (+-1, +-1), three identical points per leaf: 24 points, exact structure.
 */
function hierarchical(): ItemVectors {
  const data: number[] = [];
  const ids: string[] = [];
  for (const sx of [-100, 100]) {
    for (const [ox, oy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) {
      for (let r = 0; r < 3; r++) {
        data.push(sx + ox, oy);
        ids.push(`p${ids.length}`);
      }
    }
  }
  return { catalogId: 'syn', model: 'syn', dim: 2, ids, data: Float32Array.from(data) };
}

describe('k-means', () => {
  it('recovers well-separated noisy clusters exactly (purity 1), deterministically', () => {
    const rng = createRng(5);
    const centres = [[0, 0], [10, 0], [0, 10], [10, 10]];
    const data: number[] = [];
    const truth: number[] = [];
    centres.forEach(([x, y], c) => {
      for (let i = 0; i < 25; i++) {
        data.push(x + normal(rng, 0, 0.5), y + normal(rng, 0, 0.5));
        truth.push(c);
      }
    });
    const a = kmeans(data, 100, 2, 4, createRng(1));
    const b = kmeans(data, 100, 2, 4, createRng(1));
    expect(Array.from(a.assign)).toEqual(Array.from(b.assign));
    for (let c = 0; c < 4; c++) {
      const got = new Set(truth.map((t, i) => (t === c ? a.assign[i] : -1)).filter((x) => x >= 0));
      expect(got.size).toBe(1);
    }
    expect(new Set(a.assign).size).toBe(4);
  });

  it('balanced assignment caps cluster sizes at ceil(n/k)', () => {
    const data = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 50, 51];
    const plain = kmeans(data, 12, 1, 2, createRng(2));
    const sizes = (a: Int32Array) => [0, 1].map((c) => a.filter((x) => x === c).length).sort((x, y) => x - y);
    expect(sizes(plain.assign)).toEqual([2, 10]);
    const bal = kmeans(data, 12, 1, 2, createRng(2), { balanced: true });
    expect(sizes(bal.assign)).toEqual([6, 6]);
  });
});

describe('RQ-KMeans semantic IDs', () => {
  it('splits the hierarchy level by level with exact figures', () => {
    const s = fitSemanticIds(hierarchical(), null, createRng(3), { levels: 2, k: 4 });
    // Level 1 with k=4 on two far-apart super-clusters still sends each super-cluster's
    // items to codes that never mix: check with k=2 below for the exact split.
    const s2 = fitSemanticIds(hierarchical(), null, createRng(3), { levels: 2, k: 2, balanced: false });
    expect(s2.stats[0].used).toBe(2);
    expect(s2.stats[0].entropyBits).toBeCloseTo(1, 12);
    for (let i = 0; i < 24; i++) expect(s2.codes[i * 2]).toBe(s2.codes[(i < 12 ? 0 : 12) * 2]);
    expect(s2.codes[0]).not.toBe(s2.codes[12 * 2]);
    // After level 1 the residuals are exactly the four sub-offsets: MSE 2 (= 1^2 + 1^2).
    expect(s2.stats[0].reconstructionMse).toBeCloseTo(2, 3);

    const s3 = fitSemanticIds(hierarchical(), null, createRng(3), { levels: 2, k: 2, balanced: false });
    expect(Array.from(s3.codes)).toEqual(Array.from(s2.codes));

    const full = fitSemanticIds(hierarchical(), null, createRng(4), { levels: 2, k: 4, balanced: false });
    // Level 2 (k=4) on the residuals finds the four offsets: 2 bits, zero error.
    expect(full.stats[1].used).toBe(4);
    expect(full.stats[1].entropyBits).toBeCloseTo(2, 12);
    expect(full.stats[1].reconstructionMse).toBeCloseTo(0, 6);
    // Three identical points per leaf: every item collides, suffix digits 0, 1, 2, codes unique.
    expect(full.collisionRate).toBe(1);
    const strings = full.ids.map((_, i) => sidString(full, i));
    expect(new Set(strings).size).toBe(24);
    expect(full.distinctCodes).toBe(8);
    expect(strings.every((x) => /^\d-\d-[012]$/.test(x))).toBe(true);
    expect(s.levels).toBe(2);
  });

  it('fits the built-in feed: 9 x 9 x 9, unique codes, labelled prefixes', async () => {
    const feed = await loadBuiltinCatalog('shortvideo');
    expect(defaultSidShape(feed.items.length)).toEqual({ levels: 3, k: 9 });
    const emb = fitOfflineEmbedding(feed, createRng(42));
    const s = fitSemanticIds(emb.vectors, feed.items, createRng(42));
    expect(s.levels).toBe(3);
    expect(new Set(s.ids.map((_, i) => sidString(s, i))).size).toBe(feed.items.length);
    // Each level explains more: the residual error falls level by level.
    expect(s.stats[1].reconstructionMse).toBeLessThan(s.stats[0].reconstructionMse);
    expect(s.stats[2].reconstructionMse).toBeLessThan(s.stats[1].reconstructionMse);
    // Balanced assignment (the default) uses all 9 codes of every level nearly evenly.
    for (const st of s.stats) {
      expect(st.used).toBe(9);
      expect(st.entropyBits).toBeLessThanOrEqual(Math.log2(9) + 1e-9);
      expect(st.entropyBits).toBeGreaterThan(3);
    }
    const crab = feed.items.findIndex((i) => /crab boil/i.test(i.title));
    const top = s.labels.get(String(s.codes[crab * 3]))!;
    expect(top.length).toBe(3);
    expect(top.join(' ')).toMatch(/seafood|crab|fishing|boat|lobster|oyster|fish/);
  });
});

/** Everything a fit gives, comparable with toEqual (typed arrays and the label map as plain values). */
const plain = (s: SemanticIds) => ({ ...s, codes: Array.from(s.codes), suffix: Array.from(s.suffix), codebooks: s.codebooks.map((b) => Array.from(b)), labels: [...s.labels] });

// On a large catalog the fit held the Items page for seconds in one piece (no progress, Cancel
// unheard): the chunked fit pauses between chunks and gives the one-go fit's result.
describe('semantic IDs in chunks', () => {
  it("gives the one-go fit's codes, codebooks and labels, with progress that rises to 1", async () => {
    const feed = await loadBuiltinCatalog('shortvideo');
    const emb = fitOfflineEmbedding(feed, createRng(42));
    for (const opts of [{}, { balanced: false }, { levels: 2, k: 30 }]) {
      const once = fitSemanticIds(emb.vectors, feed.items, createRng(42), opts);
      const fractions: number[] = [];
      let pauses = 0;
      // Small chunks: the balanced assignment's pairs are sorted in many runs and merged.
      const chunked = await fitSemanticIdsChunked(emb.vectors, feed.items, createRng(42), { ...opts, chunkRows: 7, onProgress: (f) => fractions.push(f), pause: () => void pauses++ });
      expect(plain(chunked)).toEqual(plain(once));
      expect(pauses).toBeGreaterThan(50);
      expect(fractions.length).toBe(pauses);
      for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
      expect(fractions[0]).toBeGreaterThanOrEqual(0);
      expect(fractions.slice(0, -1).every((f) => f < 1)).toBe(true);
      expect(fractions.at(-1)).toBe(1);
    }
  });

  it('stops at the next chunk once its signal is aborted (an AbortError), doing no more work', async () => {
    const feed = await loadBuiltinCatalog('shortvideo');
    const emb = fitOfflineEmbedding(feed, createRng(42));
    const ac = new AbortController();
    let pauses = 0;
    const run = fitSemanticIdsChunked(emb.vectors, feed.items, createRng(42), {
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
