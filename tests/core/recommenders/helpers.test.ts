import { describe, expect, it } from 'vitest';
import { invertInto } from '../../../src/core/recommenders/linucb';
import { scaleCatalog } from '../../../src/core/recommenders/scale';
import { interactionStrength, weightHistory } from '../../../src/core/recommenders/signals';
import { buildTfIdf, cosineNeighbours, rowVector } from '../../../src/core/recommenders/text-features';
import { topK, topKMasked } from '../../../src/core/recommenders/top-k';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { createRng } from '../../../src/core/rng';
import { NOW, makeCatalog } from './fixtures';

describe('topK', () => {
  it('matches a full sort, ties by position, NaN last', () => {
    const rng = createRng(1);
    const scores = Array.from({ length: 500 }, () => Math.round(rng.next() * 50));
    scores[17] = NaN;
    const full = scores
      .map((s, i) => [Number.isNaN(s) ? -Infinity : s, i])
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .map((p) => p[1]);
    for (const k of [0, 1, 7, 100, 500, 600]) expect(topK(scores, k)).toEqual(full.slice(0, k));
  });

  it('selects only positions with the wanted mark', () => {
    const marks = Uint8Array.from([0, 1, 0, 2, 0]);
    expect(topKMasked([5, 9, 1, 8, 3], 2, marks, 0)).toEqual([0, 4]);
    expect(topKMasked([5, 9, 1, 8, 3], 2, marks, 1)).toEqual([1]);
  });
});

describe('signals', () => {
  const catalog = makeCatalog();
  const item = catalog.items[0];
  it('orders actions share > comment > like > full watch > click > skip', () => {
    const s = (action: 'share' | 'comment' | 'like' | 'click' | 'skip', watchSec?: number): number =>
      interactionStrength({ itemId: item.id, action, at: 0, watchSec }, item);
    const full = interactionStrength({ itemId: item.id, action: 'watch', at: 0, watchSec: item.durationSec }, item);
    const part = interactionStrength({ itemId: item.id, action: 'watch', at: 0, watchSec: item.durationSec / 3 }, item);
    expect(s('share')).toBeGreaterThan(s('comment'));
    expect(s('comment')).toBeGreaterThan(s('like'));
    expect(s('like')).toBeGreaterThan(full);
    expect(full).toBeGreaterThan(part);
    expect(part).toBeGreaterThan(s('click'));
    expect(s('skip')).toBeLessThan(0);
    expect(interactionStrength({ itemId: item.id, action: 'watch', at: 0, rating: 5 }, item)).toBe(1);
    expect(interactionStrength({ itemId: item.id, action: 'watch', at: 0, rating: 1 }, item)).toBeLessThan(0);
  });

  it('keeps the strongest signal per item and weights recent items more', () => {
    const index = buildCatalogIndex(catalog);
    const [a, b] = [catalog.items[0].id, catalog.items[1].id];
    const wh = weightHistory(
      [
        { itemId: a, action: 'like', at: 1 },
        { itemId: b, action: 'watch', at: 2, watchSec: 1 },
        { itemId: b, action: 'like', at: 3 },
        { itemId: 'unknown', action: 'like', at: 4 },
      ],
      index,
    );
    expect(wh.items).toEqual([0, 1]);
    expect(wh.weights[1]).toBeGreaterThan(wh.weights[0]);
  });
});

describe('cosineNeighbours', () => {
  it('matches brute-force cosine and leaves the scratch buffers zeroed', () => {
    const catalog = makeCatalog();
    const m = buildTfIdf(catalog.items);
    const n = catalog.items.length;
    const acc = new Float64Array(n);
    const seen = new Uint8Array(n);
    const dot = (a: number, b: number): number => {
      const va = rowVector(m, a);
      const vb = new Map(rowVector(m, b).cols.map((c, j) => [c, rowVector(m, b).vals[j]]));
      return va.cols.reduce((s, c, j) => s + va.vals[j] * (vb.get(c) ?? 0), 0);
    };
    for (const i of [0, 37, 99]) {
      const got = cosineNeighbours(m, i, 8, acc, seen);
      const brute = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i && dot(i, j) > 0)
        .sort((a, b) => dot(i, b) - dot(i, a) || a - b)
        .slice(0, 8);
      expect(got.items).toEqual(brute);
      got.sims.forEach((s, j) => expect(s).toBeCloseTo(dot(i, got.items[j]), 10));
      expect(dot(i, i)).toBeCloseTo(1, 10);
    }
    expect(acc.every((v) => v === 0) && seen.every((v) => v === 0)).toBe(true);
  });
});

describe('invertInto', () => {
  it('inverts a symmetric positive definite matrix', () => {
    const d = 12;
    const rng = createRng(4);
    const x = Array.from({ length: 30 }, () => Array.from({ length: d }, () => rng.next() - 0.5));
    const a = new Float64Array(d * d);
    for (let i = 0; i < d; i++) a[i * d + i] = 1;
    for (const v of x) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i * d + j] += v[i] * v[j];
    const inv = new Float64Array(d * d);
    invertInto(a.slice(), d, inv);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += a[i * d + k] * inv[k * d + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
      }
  });
});

describe('scaleCatalog', () => {
  it('makes n items with unique ids, the originals first, no item after now', () => {
    const catalog = makeCatalog();
    const big = scaleCatalog(catalog, 1234, createRng(1));
    expect(big.items).toHaveLength(1234);
    expect(new Set(big.items.map((i) => i.id)).size).toBe(1234);
    expect(big.items.slice(0, catalog.items.length)).toEqual(catalog.items);
    expect(big.items.every((i) => i.publishedAt <= NOW && i.likes >= 0)).toBe(true);
    expect(big.items[500].likes).not.toBe(catalog.items[0].likes);
    expect(() => buildCatalogIndex(big)).not.toThrow();
    expect(scaleCatalog(catalog, 1234, createRng(1))).toEqual(big);
    expect(scaleCatalog(catalog, 10, createRng(1)).items).toHaveLength(10);
  });
});
