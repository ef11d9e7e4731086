/**
 * Each user's ratings, de-duplicated and split by time, in typed arrays (ml-25m has 25
 * million ratings: no object or comparator sort per rating). The same result as
 * `splitByTime` (src/core/users/split.ts) over each user's ratings after duplicates are
 * resolved (docs/movielens.md, "Duplicate ratings"):
 * - a user's ratings in time order, equal times in file order;
 * - a user rating one movie more than once: the latest rating stands (on equal times, the
 *   one later in the file), the others are dropped before the split;
 * - the first `floor(fraction * n)` (at least one) form the history, the rest is held out.
 */
import { stableOrderBy } from '../simulator/rating-log';
import type { RatingColumns } from './movielens-ratings';

/** The split of every user; rows index the rating columns. */
export interface RatingSplit {
  /** User ids, ascending. */
  userIds: Float64Array;
  /** Kept ratings of user u: rows[start[u] .. start[u + 1]), time order; the first cut[u] are the history. */
  start: Int32Array;
  rows: Int32Array;
  cut: Int32Array;
  /** Ratings dropped as earlier ratings of a movie the user rated again. */
  duplicates: number;
}

/** Split `c` (movie indices below `nMovies`); throws a RangeError for a fraction outside (0, 1]. */
export function splitRatings(c: RatingColumns, fraction: number, nMovies: number): RatingSplit {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`history fraction must be in (0, 1], got ${fraction}`);
  const n = c.length;
  // Dense user numbers in order of first appearance, then their ranks by id.
  const dense = new Map<number, number>();
  const firstSeen: number[] = [];
  const userOf = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const id = c.user[j];
    let u = dense.get(id);
    if (u === undefined) {
      u = firstSeen.length;
      dense.set(id, u);
      firstSeen.push(id);
    }
    userOf[j] = u;
  }
  const userIds = Float64Array.from(firstSeen).sort();
  const nU = userIds.length;
  const rankOf = new Int32Array(nU);
  for (let p = 0; p < nU; p++) rankOf[dense.get(userIds[p]) as number] = p;
  for (let j = 0; j < n; j++) userOf[j] = rankOf[userOf[j]];

  // Time order (ties: file order), then a stable counting sort by user.
  const byTime = stableOrderBy(c.at.subarray(0, n));
  const all = new Int32Array(nU + 1);
  for (let j = 0; j < n; j++) all[userOf[j] + 1]++;
  for (let u = 0; u < nU; u++) all[u + 1] += all[u];
  const fill = all.slice(0, nU);
  const ordered = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const j = byTime[q];
    ordered[fill[userOf[j]]++] = j;
  }

  // The last rating of a movie in (time, file) order stands: walk each user backwards.
  const seenBy = new Int32Array(nMovies);
  let duplicates = 0;
  for (let u = 0; u < nU; u++) {
    for (let q = all[u + 1] - 1; q >= all[u]; q--) {
      const m = c.movie[ordered[q]];
      if (seenBy[m] === u + 1) {
        ordered[q] = -1;
        duplicates++;
      } else seenBy[m] = u + 1;
    }
  }
  const rows = duplicates ? new Int32Array(n - duplicates) : ordered;
  const start = new Int32Array(nU + 1);
  const cut = new Int32Array(nU);
  let k = 0;
  for (let u = 0; u < nU; u++) {
    start[u] = k;
    for (let q = all[u]; q < all[u + 1]; q++) if (ordered[q] >= 0) rows[k++] = ordered[q];
    const own = k - start[u];
    cut[u] = own === 0 ? 0 : Math.min(own, Math.max(1, Math.floor(own * fraction + 1e-9)));
  }
  start[nU] = k;
  return { userIds, start, rows, cut, duplicates };
}

/**
 * Each user's activity percentile: the rank of their history size among all users, ties
 * sharing the mean rank, in [0, 1] (0.5 with fewer than two users).
 */
export function activityPercentiles(sizes: Int32Array): Float64Array {
  const order = sizes.slice().sort();
  const out = new Float64Array(sizes.length);
  const below = (x: number): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (order[m] < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  for (let u = 0; u < sizes.length; u++) {
    if (order.length < 2) {
      out[u] = 0.5;
      continue;
    }
    const lo = below(sizes[u]);
    const hi = below(sizes[u] + 1);
    out[u] = (lo + hi - 1) / 2 / (order.length - 1);
  }
  return out;
}
