/**
 * A time-indexed log of every rating in a dataset (each user's history and held-out part),
 * so that anything computed for one user can be computed *as of* that user's cut-off: the
 * number of ratings a movie had, its mean rating, the global mean, who had rated it. This
 * is what keeps the response model (movie-response.ts) and the fidelity protocol's
 * baselines free of leakage: a user's held-out ratings, and every other user's ratings
 * from after the cut-off, are never counted (docs/evaluation.md, "No leakage").
 *
 * "As of t" means strictly before t. The user's own history is visible in full (their
 * cut-off is the time of their last history rating, and MovieLens often stores several
 * ratings with the same second: those of them in the held-out part must stay hidden, which
 * a strict "< t" on everyone's ratings guarantees).
 *
 * Layout: compressed rows per item and per user, each sorted by time, with prefix sums of
 * the ratings, so an as-of count or mean is one binary search.
 */
import type { UserProfile } from '../types';

/** Every rating of a dataset, indexed by item and by user, each sorted by time. */
export interface RatingLog {
  /** Dense item index -> item id (items with at least one rating). */
  readonly itemIds: string[];
  readonly itemIndex: Map<string, number>;
  readonly userIds: string[];
  readonly userIndex: Map<string, number>;
  /** Item rows: ratings of item i are [itemStart[i], itemStart[i + 1]). */
  readonly itemStart: Int32Array;
  readonly itemAt: Float64Array;
  readonly itemUser: Int32Array;
  readonly itemRating: Float64Array;
  /** Per-row prefix sums with one extra slot per row: itemCum[k + i] = sum of item i's ratings before row position k. */
  readonly itemCum: Float64Array;
  /** User rows: ratings of user u are [userStart[u], userStart[u + 1]). */
  readonly userStart: Int32Array;
  readonly userAt: Float64Array;
  readonly userItem: Int32Array;
  readonly userRating: Float64Array;
  /** Per user: number of leading entries of the row that form the visible history. */
  readonly historyLen: Int32Array;
  /** Per user: the cut-off (time of the last history rating); -Infinity without history. */
  readonly cutoff: Float64Array;
  /** All rating times sorted, with prefix sums of the ratings (global mean as of t). */
  readonly allAt: Float64Array;
  readonly allCum: Float64Array;
  /** Lowest and highest rating among the first k ratings in time (index k; NaN for k = 0): the scale as of t. */
  readonly allMin: Float64Array;
  readonly allMax: Float64Array;
}

/** First index in [lo, hi) whose value is >= t (arr sorted ascending). */
export function lowerBound(arr: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (arr[m] < t) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Build the log from profiles whose `history` and `heldOut` carry ratings (MovieLens
 * imports). Entries without a rating are ignored. O(R log R).
 */
export function buildRatingLog(users: readonly UserProfile[]): RatingLog {
  const itemIds: string[] = [];
  const itemIndex = new Map<string, number>();
  const userIds: string[] = [];
  const userIndex = new Map<string, number>();
  const rows: { u: number; i: number; at: number; r: number }[][] = [];
  const historyLen: number[] = [];
  for (const p of users) {
    if (userIndex.has(p.id)) throw new Error(`duplicate user id "${p.id}" in the rating log`);
    const u = userIds.length;
    userIds.push(p.id);
    userIndex.set(p.id, u);
    const row: { u: number; i: number; at: number; r: number }[] = [];
    let hist = 0;
    const add = (x: { itemId: string; at: number; rating?: number }, inHistory: boolean): void => {
      if (x.rating === undefined || !Number.isFinite(x.rating)) return;
      let i = itemIndex.get(x.itemId);
      if (i === undefined) {
        i = itemIds.length;
        itemIds.push(x.itemId);
        itemIndex.set(x.itemId, i);
      }
      row.push({ u, i, at: x.at, r: x.rating });
      if (inHistory) hist++;
    };
    for (const x of p.history) add(x, true);
    for (const x of p.heldOut ?? []) add(x, false);
    rows.push(row);
    historyLen.push(hist);
  }
  const nU = userIds.length;
  const nI = itemIds.length;
  let total = 0;
  for (const r of rows) total += r.length;
  const userStart = new Int32Array(nU + 1);
  const userAt = new Float64Array(total);
  const userItem = new Int32Array(total);
  const userRating = new Float64Array(total);
  const cutoff = new Float64Array(nU);
  const itemCount = new Int32Array(nI);
  let k = 0;
  for (let u = 0; u < nU; u++) {
    userStart[u] = k;
    const row = rows[u];
    // History first then held-out, as the split made them (both oldest first).
    cutoff[u] = historyLen[u] > 0 ? row[historyLen[u] - 1].at : -Infinity;
    for (const e of row) {
      userAt[k] = e.at;
      userItem[k] = e.i;
      userRating[k] = e.r;
      itemCount[e.i]++;
      k++;
    }
  }
  userStart[nU] = k;
  const itemStart = new Int32Array(nI + 1);
  for (let i = 0; i < nI; i++) itemStart[i + 1] = itemStart[i] + itemCount[i];
  const fill = itemStart.slice(0, nI);
  const order = new Int32Array(total);
  // Stable by time within each item: bucket, then sort each bucket by (at, user).
  for (let u = 0; u < nU; u++) for (let j = userStart[u]; j < userStart[u + 1]; j++) order[fill[userItem[j]]++] = j;
  const itemAt = new Float64Array(total);
  const itemUser = new Int32Array(total);
  const itemRating = new Float64Array(total);
  const userOf = new Int32Array(total);
  for (let u = 0; u < nU; u++) for (let j = userStart[u]; j < userStart[u + 1]; j++) userOf[j] = u;
  for (let i = 0; i < nI; i++) {
    const a = itemStart[i];
    const b = itemStart[i + 1];
    const seg = Array.from(order.subarray(a, b)).sort((x, y) => userAt[x] - userAt[y] || userOf[x] - userOf[y]);
    for (let q = 0; q < seg.length; q++) {
      const j = seg[q];
      itemAt[a + q] = userAt[j];
      itemUser[a + q] = userOf[j];
      itemRating[a + q] = userRating[j];
    }
  }
  const allIdx = Array.from({ length: total }, (_, j) => j).sort((x, y) => userAt[x] - userAt[y]);
  const allAt = new Float64Array(total);
  const allCum = new Float64Array(total + 1);
  const allMin = new Float64Array(total + 1).fill(NaN);
  const allMax = new Float64Array(total + 1).fill(NaN);
  for (let q = 0; q < total; q++) {
    const r = userRating[allIdx[q]];
    allAt[q] = userAt[allIdx[q]];
    allCum[q + 1] = allCum[q] + r;
    allMin[q + 1] = q ? Math.min(allMin[q], r) : r;
    allMax[q + 1] = q ? Math.max(allMax[q], r) : r;
  }
  return {
    itemIds, itemIndex, userIds, userIndex,
    itemStart, itemAt, itemUser, itemRating, itemCum: rowCum(itemStart, itemRating),
    userStart, userAt, userItem, userRating,
    historyLen: Int32Array.from(historyLen),
    cutoff,
    allAt, allCum, allMin, allMax,
  };
}

/** Prefix sums per row with one extra slot per row: cum[k + i] is the sum of the row of item i before position k. */
function rowCum(start: Int32Array, values: Float64Array): Float64Array {
  const n = start.length - 1;
  const cum = new Float64Array(values.length + n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      cum[k + i] = s;
      s += values[k];
    }
    cum[start[i + 1] + i] = s;
  }
  return cum;
}

/** Ratings of item i strictly before t: count and sum. */
export function itemAsOf(log: RatingLog, i: number, t: number): { count: number; sum: number } {
  const a = log.itemStart[i];
  const k = lowerBound(log.itemAt, a, log.itemStart[i + 1], t);
  return { count: k - a, sum: log.itemCum[k + i] - log.itemCum[a + i] };
}

/** Number of ratings of item i in [from, to). */
export function itemCountBetween(log: RatingLog, i: number, from: number, to: number): number {
  const a = log.itemStart[i];
  const b = log.itemStart[i + 1];
  return lowerBound(log.itemAt, a, b, to) - lowerBound(log.itemAt, a, b, from);
}

/** Time of item i's first rating (Infinity for an index out of range). */
export function itemFirstAt(log: RatingLog, i: number): number {
  return log.itemStart[i + 1] > log.itemStart[i] ? log.itemAt[log.itemStart[i]] : Infinity;
}

/** Mean of all ratings strictly before t (`fallback` when there are none). */
export function globalMeanAsOf(log: RatingLog, t: number, fallback = 3.5): number {
  const k = lowerBound(log.allAt, 0, log.allAt.length, t);
  return k > 0 ? log.allCum[k] / k : fallback;
}

/** The rating scale seen before t: lowest and highest rating so far ([1, 5] before any). */
export function scaleAsOf(log: RatingLog, t: number): { min: number; max: number } {
  const k = lowerBound(log.allAt, 0, log.allAt.length, t);
  return k > 0 ? { min: log.allMin[k], max: log.allMax[k] } : { min: 1, max: 5 };
}

/** How many of user v's ratings fall strictly before t (user rows are time-sorted). */
export function userCountAsOf(log: RatingLog, v: number, t: number): number {
  const a = log.userStart[v];
  return lowerBound(log.userAt, a, log.userStart[v + 1], t) - a;
}
