/**
 * AUC by the liked movie's number of earlier ratings (src/core/eval/fidelity-popularity.ts):
 * every positive falls in exactly one band, every band is scored against all negatives, a
 * band without positives is NaN, and the figures are plain AUCs of the band's rows.
 */
import { describe, expect, it } from 'vitest';
import { POPULARITY_BANDS, aucByPopularity, bandBaseline } from '../../../src/core/eval/fidelity-popularity';
import { auc } from '../../../src/core/eval/fidelity-metrics';
import { createRng } from '../../../src/core/rng';

describe('aucByPopularity', () => {
  it('scores each band of positives against every negative, for the simulator and every baseline', () => {
    // Positives: two obscure (1 rating), one mid (10), one famous (100); negatives with various counts.
    const labels = [true, true, true, true, false, false, false, false];
    const counts = [1, 1, 10, 100, 1, 3, 30, 200];
    const sim = [0.9, 0.2, 0.8, 0.95, 0.5, 0.1, 0.6, 0.3];
    const pop = counts.slice();
    const mean = [4, 2, 3, 5, 1, 4, 2, 3];
    const r = aucByPopularity(sim, { popularity: pop, itemMean: mean }, labels, counts);
    expect(Object.keys(r)).toEqual(POPULARITY_BANDS.map((b) => b.key));
    // Band "1": positives 0.9 and 0.2 against negatives 0.5, 0.1, 0.6, 0.3: (4 + 1) / 8.
    expect(r['1']).toEqual({
      positives: 2,
      simulator: 5 / 8,
      baselines: { popularity: auc([1, 1, 1, 3, 30, 200], [true, true, false, false, false, false]), itemMean: auc([4, 2, 1, 4, 2, 3], [true, true, false, false, false, false]) },
    });
    expect(r['6-20'].positives).toBe(1);
    expect(r['6-20'].simulator).toBe(1);
    expect(r['51+'].baselines.popularity).toBe(auc([100, 1, 3, 30, 200], [true, false, false, false, false]));
    expect(r['2-5'].baselines.itemMean).toBeNaN();
    expect(r['2-5'].positives).toBe(0);
    expect(r['2-5'].simulator).toBeNaN();
  });

  it('the bands partition the positives (seeded random lists)', () => {
    const rng = createRng(3);
    const n = 400;
    const labels = Array.from({ length: n }, () => rng.next() < 0.3);
    const counts = Array.from({ length: n }, () => 1 + Math.floor(Math.exp(rng.next() * 6)));
    const sim = Array.from({ length: n }, () => rng.next());
    const r = aucByPopularity(sim, { numRatings: counts }, labels, counts);
    expect(Object.values(r).reduce((s, b) => s + b.positives, 0)).toBe(labels.filter(Boolean).length);
    for (const b of Object.values(r)) if (b.positives) expect(b.simulator).toBeGreaterThan(0.3);
  });

  it('shows every band against one baseline: the strongest over all positives, not each seed\'s own', () => {
    const bands = aucByPopularity([0.9, 0.1], { popularity: [1, 0], numRatings: [0, 1] }, [true, false], [3, 3]);
    expect(bandBaseline(bands, { popularity: { auc: 0.76 }, numRatings: { auc: 0.77 }, neverEngage: { auc: 0.9 } })).toBe('numRatings');
    expect(bandBaseline(bands, { popularity: { auc: 0.78 }, numRatings: { auc: 0.77 } })).toBe('popularity');
    expect(bandBaseline(aucByPopularity([0.9, 0.1], {}, [true, false], [3, 3]), { popularity: { auc: 0.78 } })).toBeNull();
  });
});
