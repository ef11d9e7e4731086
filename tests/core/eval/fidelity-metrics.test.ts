/** Measures of the fidelity protocol, on hand-computed cases. */
import { describe, expect, it } from 'vitest';
import { auc, aucSorted, bootstrapAucMargin, errors, orderByScore, pearson, rates } from '../../../src/core/eval/fidelity-metrics';
import { averageReports, calibrationReport, rocPoints } from '../../../src/core/eval/fidelity-report';
import { createRng } from '../../../src/core/rng';
import { bestThreshold, fitLogistic } from '../../../src/core/simulator/response-fit';

describe('fidelity metrics', () => {
  it('AUC: perfect, reversed, ties count half, weights repeat items', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
    // 2 positives vs 3 negatives: 0.9 wins 3 pairs, 0.4 wins 2 and ties 1 -> 5.5 of 6.
    expect(auc([0.9, 0.4, 0.3, 0.4, 0.1], [true, true, false, false, false])).toBeCloseTo(5.5 / 6, 10);
    const s = [0.9, 0.4, 0.3];
    const l = [true, false, true];
    expect(aucSorted(orderByScore(s), s, l, [1, 1, 2])).toBeCloseTo(auc([0.9, 0.4, 0.3, 0.3], [true, false, true, true]), 10);
    expect(auc([1, 2], [true, true])).toBe(0.5);
  });

  it('rates: balanced accuracy ignores class balance, F1 and accuracy', () => {
    const r = rates([true, false, false, false, false, false], [true, true, false, false, false, false]);
    expect(r.accuracy).toBeCloseTo(5 / 6);
    expect(r.balancedAccuracy).toBeCloseTo((0.5 + 1) / 2);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.f1).toBeCloseTo(2 / 3);
  });

  it('errors and correlation', () => {
    expect(errors([1, 2], [2, 4])).toEqual({ rmse: Math.sqrt(2.5), mae: 1.5 });
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
    expect(pearson([1, 1, 1], [3, 2, 1])).toBe(0);
  });

  it('bootstrap margin: the interval holds the point margin; zero for identical scores', () => {
    const rng = createRng(1);
    const n = 400;
    const labels = Array.from({ length: n }, (_, i) => i % 2 === 0);
    const good = labels.map((l) => (l ? 1 : 0) + rng.next());
    const weak = labels.map((l) => (l ? 0.3 : 0) + rng.next());
    const userOf = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 4));
    const m = auc(good, labels) - auc(weak, labels);
    const [lo, hi] = bootstrapAucMargin(good, weak, labels, userOf, n / 4, 300, createRng(2));
    expect(lo).toBeLessThan(m);
    expect(hi).toBeGreaterThan(m);
    expect(lo).toBeGreaterThan(0);
    expect(bootstrapAucMargin(good, good, labels, userOf, n / 4, 50, createRng(2))).toEqual([0, 0]);
  });

  it('best threshold maximises balanced accuracy; logistic regression separates', () => {
    expect(bestThreshold([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBeCloseTo(0.5);
    const X = [[0], [1], [2], [3], [4], [5]];
    const y = [0, 0, 0, 1, 1, 1];
    const f = fitLogistic(X, y, 0.01);
    const z = (x: number) => f.w[0] + f.w[1] * ((x - f.mean[0]) / f.sd[0]);
    expect(z(0)).toBeLessThan(0);
    expect(z(5)).toBeGreaterThan(0);
  });

  it('ROC points enclose the AUC, also for scores with long runs of ties', () => {
    const rng = createRng(3);
    const labels = Array.from({ length: 4000 }, (_, i) => i % 2 === 0);
    // Counts 0..30 (many ties), higher for positives: like the number-of-ratings baseline.
    const scores = labels.map((l) => Math.floor(rng.next() * 20 + (l ? 10 : 0)));
    const smooth = labels.map((l) => rng.next() + (l ? 0.6 : 0));
    for (const s of [scores, smooth]) {
      const pts = rocPoints(s, labels);
      let area = 0;
      for (let k = 1; k < pts.length; k++) area += (pts[k][0] - pts[k - 1][0]) * (pts[k][1] + pts[k - 1][1]) / 2;
      expect(pts.length).toBeGreaterThan(15);
      expect(pts.length).toBeLessThanOrEqual(62);
      expect(Math.abs(area - auc(s, labels))).toBeLessThan(0.01);
    }
  });

  it('ROC from (0,0) to (1,1); calibration per user; averages with ci envelope', () => {
    const pts = rocPoints([0.9, 0.1, 0.8, 0.2], [true, false, true, false]);
    expect(pts[0]).toEqual([0, 0]);
    expect(pts[pts.length - 1]).toEqual([1, 1]);
    expect(pts).toContainEqual([0, 1]);
    const cal = calibrationReport([
      ...[true, true, false].map((p, i) => ({ user: 0, pred: p, label: i < 2, rating: 4, truth: 4 })),
      ...[false, false, false].map((p, i) => ({ user: 1, pred: p, label: i < 1, rating: 2, truth: 3 })),
    ]);
    expect(cal.simulatedLikeRate).toBeCloseTo(2 / 6);
    expect(cal.realLikeRate).toBeCloseTo(3 / 6);
    expect(cal.perUser).toHaveLength(2);
    expect(cal.perUserMae).toBeCloseTo((0 + 1 / 3) / 2);
    expect(cal.bins.map((b) => b.from)).toEqual([2, 4]);
    expect(averageReports([{ a: 1, ci95: [0, 1], s: 'x' }, { a: 3, ci95: [-1, 0.5], s: 'y' }])).toEqual({ a: 2, ci95: [-1, 1], s: 'x' });
  });
});

describe('the default user cap of the fidelity entry points', () => {
  it('keeps every user up to 2,000, samples 2,000 above, and honours an explicit cap', async () => {
    const { defaultUserCap, DEFAULT_MAX_USERS } = await import('../../../src/core/eval/fidelity-protocol');
    expect(DEFAULT_MAX_USERS).toBe(2000);
    expect(defaultUserCap(610)).toBeUndefined();
    expect(defaultUserCap(2000)).toBeUndefined();
    expect(defaultUserCap(162_541)).toBe(2000);
    expect(defaultUserCap(162_541, 50_000)).toBe(50_000);
    expect(defaultUserCap(610, 20)).toBe(20);
  });
});
