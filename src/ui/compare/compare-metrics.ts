/**
 * The difference in rewards between two sessions of the same seeded user (Compare view).
 */
import type { SessionMetrics } from '../../core/types';

/** One row of the comparison table. */
export interface CompareRow {
  label: string;
  a: number;
  b: number;
  /** b - a */
  diff: number;
  /** How to show the numbers. */
  unit: 'sec' | 'count' | 'prob';
  /** True when a larger value is better for the user/platform (colours the difference). */
  higherIsBetter: boolean;
}

/** Rows for watch time, items, turns, instructions and actions. */
export function compareMetrics(a: SessionMetrics, b: SessionMetrics): CompareRow[] {
  const row = (label: string, x: number, y: number, unit: CompareRow['unit'] = 'count', higherIsBetter = true): CompareRow => ({
    label,
    a: x,
    b: y,
    diff: y - x,
    unit,
    higherIsBetter,
  });
  return [
    row('watch time', a.watchSec, b.watchSec, 'sec'),
    row('items viewed', a.itemsViewed, b.itemsViewed),
    row('turns', a.turns, b.turns),
    row('instructions', a.instructions, b.instructions, 'count', false),
    row('likes', a.actions.like, b.actions.like),
    row('comments', a.actions.comment, b.actions.comment),
    row('shares', a.actions.share, b.actions.share),
    row('skips', a.actions.skip, b.actions.skip, 'count', false),
    row('return probability', a.returnProbability, b.returnProbability, 'prob'),
  ];
}
