/** Sorting leaderboard rows by a column (pure; the table and its tests use it). */
import { LEADERBOARD_COLUMNS } from '../../core/eval/export-table';
import type { LeaderboardRow } from '../../core/eval/leaderboard';

export type SortDir = 'ascending' | 'descending';

export interface SortState {
  key: string;
  dir: SortDir;
}

/**
 * Rows sorted by `key` in `dir`; missing values (null, NaN) always last; ties keep the
 * benchmark order (plain then +follow per base) so the order is stable.
 */
export function sortRows(rows: readonly LeaderboardRow[], sort: SortState | null): LeaderboardRow[] {
  const col = sort && LEADERBOARD_COLUMNS.find((c) => c.key === sort.key);
  if (!sort || !col) return [...rows];
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const missing = (v: unknown) => v === null || (typeof v === 'number' && !Number.isFinite(v));
  return rows
    .map((r, i) => ({ r, i, v: col.value(r) }))
    .sort((a, b) => {
      if (missing(a.v) || missing(b.v)) return missing(a.v) === missing(b.v) ? a.i - b.i : missing(a.v) ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.r);
}

/** The next sort after clicking `key`: a new column starts descending (text ascending); the same column flips. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key === key) return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: key === 'recommender' || key === 'quadrant' ? 'ascending' : 'descending' };
}
