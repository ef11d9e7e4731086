/**
 * "Many seeds of the same pair": the same user and settings over N consecutive seeds, A
 * against B, summarised as means with 95% intervals (Student's t) for each side and for
 * the paired difference B − A (the same seed on both sides, so the pairing removes the
 * user's own variation). An interval that straddles 0 says the difference is not shown.
 */
import { meanCI, type MeanCI } from '../../core/metrics/summary';
import type { SessionMetrics } from '../../core/types';
import { compareMetrics, type CompareRow } from './compare-metrics';

/** One row of the many-seeds table. */
export interface SeedsRow {
  label: string;
  unit: CompareRow['unit'];
  higherIsBetter: boolean;
  a: MeanCI;
  b: MeanCI;
  diff: MeanCI;
  /** 'better' / 'worse' when the difference's interval excludes 0 (from the user's side), else 'unclear'. */
  verdict: 'better' | 'worse' | 'unclear';
}

/** Summarise paired sessions (one pair per seed). */
export function summariseSeeds(pairs: readonly { a: SessionMetrics; b: SessionMetrics }[]): SeedsRow[] {
  if (!pairs.length) return [];
  const perPair = pairs.map((p) => compareMetrics(p.a, p.b));
  return perPair[0].map((row, i) => {
    const diff = meanCI(perPair.map((r) => r[i].diff));
    // One pair has no interval (meanCI gives [x, x]): nothing is shown by it.
    const up = pairs.length >= 2 && diff.lo > 0;
    const down = pairs.length >= 2 && diff.hi < 0;
    return {
      label: row.label,
      unit: row.unit,
      higherIsBetter: row.higherIsBetter,
      a: meanCI(perPair.map((r) => r[i].a)),
      b: meanCI(perPair.map((r) => r[i].b)),
      diff,
      verdict: up || down ? (up === row.higherIsBetter ? 'better' : 'worse') : 'unclear',
    };
  });
}

/** Fewest and most seeds of one "many seeds" run (the number field's range). */
export const MIN_SEEDS = 2;
export const MAX_SEEDS = 200;

/** The number of seeds a typed value asks for: a whole number in MIN_SEEDS..MAX_SEEDS. */
export function seedCount(n: number): number {
  const v = Math.round(Number(n));
  return Number.isFinite(v) ? Math.min(MAX_SEEDS, Math.max(MIN_SEEDS, v)) : MIN_SEEDS;
}
