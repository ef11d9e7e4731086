import { describe, expect, it } from 'vitest';
import { meanCI, NON_NEGATIVE, PROBABILITY, tCdf, tQuantile } from '../../../src/core/metrics/summary';

describe('Student t', () => {
  it('matches the table values of t(0.975, df)', () => {
    // Standard two-sided 95% critical values.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile(0.975, 100)).toBeCloseTo(1.984, 3);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
  });
  it('is symmetric and inverts the CDF', () => {
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 10);
    expect(tCdf(tQuantile(0.9, 3), 3)).toBeCloseTo(0.9, 8);
    expect(tCdf(0, 5)).toBeCloseTo(0.5, 12);
  });
  it('rejects p outside (0, 1)', () => {
    expect(() => tQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('meanCI', () => {
  it('uses the t distribution for small n (hand-computed)', () => {
    // mean 3, s = sqrt(2.5), se = s/sqrt(5) = 0.70711, t(0.975,4) = 2.77645 -> half width 1.96324
    const r = meanCI([1, 2, 3, 4, 5]);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(3);
    expect(r.lo).toBeCloseTo(1.03676, 4);
    expect(r.hi).toBeCloseTo(4.96324, 4);
  });
  it('handles n = 1 and n = 0, and ignores non-finite values', () => {
    expect(meanCI([4])).toEqual({ mean: 4, lo: 4, hi: 4, n: 1 });
    const empty = meanCI([]);
    expect(empty.n).toBe(0);
    expect(Number.isNaN(empty.mean)).toBe(true);
    expect(meanCI([2, NaN, 4, Infinity]).mean).toBe(3);
  });
  it('clips the bounds to the values a figure can take, not the mean', () => {
    // Three sessions' return probabilities: the t interval is about [-0.41, 1.54].
    const raw = meanCI([0.05, 0.5, 0.85]);
    expect(raw.lo).toBeLessThan(0);
    expect(raw.hi).toBeGreaterThan(1);
    const p = meanCI([0.05, 0.5, 0.85], 0.95, PROBABILITY);
    expect(p).toEqual({ mean: raw.mean, lo: 0, hi: 1, n: 3 });
    const w = meanCI([0, 0, 90], 0.95, NON_NEGATIVE);
    expect(w.lo).toBe(0);
    expect(w.hi).toBeCloseTo(30 + tQuantile(0.975, 2) * Math.sqrt(2700) / Math.sqrt(3), 6);
    // Inside the range nothing changes.
    expect(meanCI([1, 2, 3, 4, 5], 0.95, NON_NEGATIVE)).toEqual(meanCI([1, 2, 3, 4, 5]));
  });
  it('has a zero-width interval for constant values', () => {
    expect(meanCI([2, 2, 2])).toEqual({ mean: 2, lo: 2, hi: 2, n: 3 });
  });
});
