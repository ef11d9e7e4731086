/**
 * The lists of the fidelity protocol, built *as of* each user's cut-off (the time of the
 * last history rating; see rating-log.ts):
 * - positives: held-out movies rated >= the like threshold, oldest first, at most
 *   `maxPositives`, among movies that existed by the cut-off (someone rated them before);
 * - negatives: movies that existed by the cut-off and the user never rated (neither before
 *   nor after), sampled uniformly: `maxRatio` x positives, and ratio r uses the first
 *   r x positives of them (so 1:1 is a subset of 1:3, of 1:9);
 * - rated: held-out rated movies (any rating) that existed by the cut-off, oldest first,
 *   at most `maxRated` (the taste and rating tests).
 * Users qualify with at least one positive. Seeded per user (`fork`).
 */
import type { Rng } from '../types';
import { itemFirstAt, lowerBound, type RatingLog } from '../simulator/rating-log';

export interface UserLists {
  /** User index in the log. */
  u: number;
  userId: string;
  cutoff: number;
  positives: number[];
  negatives: number[];
  /** Held-out rated items and their real ratings. */
  rated: number[];
  ratings: number[];
}

export interface ListOptions {
  likeThreshold: number;
  maxPositives: number;
  maxRatio: number;
  maxRated: number;
}

/** Item indices sorted by first rating time, and those times (existence as of t = a prefix). */
export interface Existence {
  order: Int32Array;
  firstAt: Float64Array;
}

export function existence(log: RatingLog): Existence {
  const n = log.itemIds.length;
  const order = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => itemFirstAt(log, a) - itemFirstAt(log, b) || a - b));
  return { order, firstAt: Float64Array.from(order, (i) => itemFirstAt(log, i)) };
}

/** The lists of one user, or null when the user does not qualify. */
export function userLists(log: RatingLog, ex: Existence, u: number, opts: ListOptions, rng: Rng): UserLists | null {
  const t = log.cutoff[u];
  if (!Number.isFinite(t)) return null;
  const a = log.userStart[u];
  const h = a + log.historyLen[u];
  const b = log.userStart[u + 1];
  const existed = (i: number) => itemFirstAt(log, i) < t;
  const positives: number[] = [];
  const rated: number[] = [];
  const ratings: number[] = [];
  for (let q = h; q < b; q++) {
    const i = log.userItem[q];
    if (!existed(i)) continue;
    const r = log.userRating[q];
    if (r >= opts.likeThreshold && positives.length < opts.maxPositives) positives.push(i);
    if (rated.length < opts.maxRated) {
      rated.push(i);
      ratings.push(r);
    }
  }
  if (!positives.length) return null;
  const seen = new Set<number>();
  for (let q = a; q < b; q++) seen.add(log.userItem[q]);
  const pool = lowerBound(ex.firstAt, 0, ex.firstAt.length, t);
  const want = Math.min(opts.maxRatio * positives.length, Math.max(0, pool - seen.size));
  const picked = new Set<number>();
  const negatives: number[] = [];
  let guard = 0;
  while (negatives.length < want && guard++ < want * 50 + 1000) {
    const i = ex.order[rng.int(pool)];
    if (seen.has(i) || picked.has(i)) continue;
    picked.add(i);
    negatives.push(i);
  }
  return { u, userId: log.userIds[u], cutoff: t, positives, negatives, rated, ratings };
}
