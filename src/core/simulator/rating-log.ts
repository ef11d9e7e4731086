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

const rated = (x: { rating?: number }): boolean => x.rating !== undefined && Number.isFinite(x.rating);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indices 0..n-1 ordered by `values` ascending, ties in index order (a stable sort), with
 * no comparator calls: a least-significant-digit radix sort (16-bit digits) on the bits of
 * each double, made order-preserving (sign bit flipped for positives, all bits for
 * negatives; -0 counts as 0; NaN sorts last). Digits every key shares (the high bits of
 * timestamps) are skipped, so ratings' times take two or three passes. O(n).
 */
export function stableOrderBy(values: Float64Array): Int32Array {
  const n = values.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  const H = LITTLE_ENDIAN ? 1 : 0;
  const L = 1 - H;
  for (let j = 0; j < n; j++) {
    const v = values[j];
    if (v !== v) {
      hi[j] = 0xffffffff;
      lo[j] = 0xffffffff;
      continue;
    }
    f[0] = v === 0 ? 0 : v;
    const h = w[H];
    if (h & 0x80000000) {
      hi[j] = ~h >>> 0;
      lo[j] = ~w[L] >>> 0;
    } else {
      hi[j] = (h | 0x80000000) >>> 0;
      lo[j] = w[L];
    }
  }
  let src = new Int32Array(n);
  for (let j = 0; j < n; j++) src[j] = j;
  let dst = new Int32Array(n);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = pass % 2 ? 16 : 0;
    count.fill(0);
    for (let j = 0; j < n; j++) count[((key[j] >>> shift) & 0xffff) + 1]++;
    if (n === 0 || count[((key[0] >>> shift) & 0xffff) + 1] === n) continue; // every key shares this digit
    for (let d = 0; d < 65536; d++) count[d + 1] += count[d];
    for (let q = 0; q < n; q++) {
      const j = src[q];
      dst[count[(key[j] >>> shift) & 0xffff]++] = j;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Build the log from profiles whose `history` and `heldOut` carry ratings (MovieLens
 * imports). Entries without a rating are ignored. O(R log D) for R ratings at D distinct
 * times, in typed arrays only: no object per rating (ml-25m has 25 million), and no
 * comparator sort (one stable order by time, then a counting sort by item).
 */
export function buildRatingLog(users: readonly UserProfile[]): RatingLog {
  const itemIds: string[] = [];
  const itemIndex = new Map<string, number>();
  const userIds: string[] = [];
  const userIndex = new Map<string, number>();
  const nU = users.length;
  let total = 0;
  for (const p of users) {
    for (const x of p.history) if (rated(x)) total++;
    for (const x of p.heldOut ?? []) if (rated(x)) total++;
  }
  const userStart = new Int32Array(nU + 1);
  const userAt = new Float64Array(total);
  const userItem = new Int32Array(total);
  const userRating = new Float64Array(total);
  const userOf = new Int32Array(total);
  const historyLen = new Int32Array(nU);
  const cutoff = new Float64Array(nU);
  let k = 0;
  const add = (x: { itemId: string; at: number; rating?: number }, u: number): void => {
    if (!rated(x)) return;
    let i = itemIndex.get(x.itemId);
    if (i === undefined) {
      i = itemIds.length;
      itemIds.push(x.itemId);
      itemIndex.set(x.itemId, i);
    }
    userAt[k] = x.at;
    userItem[k] = i;
    userRating[k] = x.rating as number;
    userOf[k] = u;
    k++;
  };
  for (let u = 0; u < nU; u++) {
    const p = users[u];
    if (userIndex.has(p.id)) throw new Error(`duplicate user id "${p.id}" in the rating log`);
    userIds.push(p.id);
    userIndex.set(p.id, u);
    userStart[u] = k;
    // History first then held-out, as the split made them (both oldest first).
    for (const x of p.history) add(x, u);
    historyLen[u] = k - userStart[u];
    cutoff[u] = historyLen[u] > 0 ? userAt[k - 1] : -Infinity;
    for (const x of p.heldOut ?? []) add(x, u);
  }
  userStart[nU] = k;
  const nI = itemIds.length;

  // One stable order by time over the user-major rows: ties keep row order, which is
  // (user, position in the user's row). Counting it out by item keeps that order, so each
  // item row is sorted by (time, user, position), and the global arrays by (time, row).
  const byTime = stableOrderBy(userAt);
  const itemStart = new Int32Array(nI + 1);
  for (let j = 0; j < total; j++) itemStart[userItem[j] + 1]++;
  for (let i = 0; i < nI; i++) itemStart[i + 1] += itemStart[i];
  const fill = itemStart.slice(0, nI);
  const itemAt = new Float64Array(total);
  const itemUser = new Int32Array(total);
  const itemRating = new Float64Array(total);
  const allAt = new Float64Array(total);
  const allCum = new Float64Array(total + 1);
  const allMin = new Float64Array(total + 1).fill(NaN);
  const allMax = new Float64Array(total + 1).fill(NaN);
  for (let q = 0; q < total; q++) {
    const j = byTime[q];
    const pos = fill[userItem[j]]++;
    const r = userRating[j];
    itemAt[pos] = userAt[j];
    itemUser[pos] = userOf[j];
    itemRating[pos] = r;
    allAt[q] = userAt[j];
    allCum[q + 1] = allCum[q] + r;
    allMin[q + 1] = q ? Math.min(allMin[q], r) : r;
    allMax[q + 1] = q ? Math.max(allMax[q], r) : r;
  }
  return {
    itemIds, itemIndex, userIds, userIndex,
    itemStart, itemAt, itemUser, itemRating, itemCum: rowCum(itemStart, itemRating),
    userStart, userAt, userItem, userRating,
    historyLen,
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
