/**
 * buildRatingLog in typed arrays (no object per rating, no comparator sort) gives exactly
 * the log of the first implementation, kept here as the reference: the same arrays, bit
 * for bit, on seeded profiles full of ties (equal times within and across users, a user
 * rating one movie twice at the same second), unrated entries and users without ratings.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { buildRatingLog, globalMeanAsOf, itemAsOf, stableOrderBy, type RatingLog } from '../../../src/core/simulator/rating-log';
import type { Interaction, UserProfile } from '../../../src/core/types';

// The first implementation (commit 4077fff), verbatim but for its name.
function referenceRatingLog(users: readonly UserProfile[]): RatingLog {
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
    itemStart, itemAt, itemUser, itemRating, itemCum: referenceRowCum(itemStart, itemRating),
    userStart, userAt, userItem, userRating,
    historyLen: Int32Array.from(historyLen),
    cutoff,
    allAt, allCum, allMin, allMax,
  };
}


function referenceRowCum(start: Int32Array, values: Float64Array): Float64Array {
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

function profile(id: string, history: Interaction[], heldOut: Interaction[]): UserProfile {
  return { id, name: id, age: null, gender: '', location: '', occupation: '', bio: '', groups: [], interests: {}, traits: { timeBudgetSec: 600, curiosity: 0.5, activity: 0.5, conformity: 0.5, fatigueSensitivity: 0.5, instructionPropensity: 0.5 }, history, heldOut, source: 'movielens' };
}

/** Seeded users: coarse times (many ties), half-star ratings, some entries without a rating. */
function users(seed: number, n: number): UserProfile[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, u) => {
    const len = rng.int(30);
    const rows: Interaction[] = Array.from({ length: len }, () => {
      const x: Interaction = { itemId: `ml-${1 + rng.int(40)}`, action: 'watch', at: 1000 * (1 + rng.int(25)) };
      if (rng.next() < 0.9) x.rating = 0.5 * (1 + rng.int(10));
      return x;
    }).sort((a, b) => a.at - b.at);
    const cut = Math.floor(len * 0.8);
    return profile(`u${u}`, rows.slice(0, cut), rows.slice(cut));
  });
}

const arrays = (log: RatingLog) => Object.fromEntries(Object.entries(log).map(([k, v]) => [k, v instanceof Map ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));

describe('buildRatingLog', () => {
  it('equals the reference implementation exactly on seeded data with ties', () => {
    for (const seed of [1, 2, 3]) {
      const us = users(seed, 60);
      expect(arrays(buildRatingLog(us))).toEqual(arrays(referenceRatingLog(us)));
    }
  });

  it('orders ties by user and row, and answers as-of questions by hand', () => {
    // Two users rate m1 at the same time; u2 rates m1 twice at one second (kept: a log, not a dedupe).
    const log = buildRatingLog([
      profile('u1', [{ itemId: 'm1', action: 'like', at: 20, rating: 4 }, { itemId: 'm2', action: 'skip', at: 30, rating: 2 }], [{ itemId: 'm3', action: 'like', at: 50, rating: 5 }]),
      profile('u2', [{ itemId: 'm1', action: 'watch', at: 20, rating: 3 }, { itemId: 'm1', action: 'skip', at: 20, rating: 1 }, { itemId: 'x', action: 'click', at: 25 }], []),
      profile('u3', [], []),
    ]);
    expect(log.itemIds).toEqual(['m1', 'm2', 'm3']);
    expect(Array.from(log.itemUser.subarray(0, 3))).toEqual([0, 1, 1]);
    expect(Array.from(log.itemRating.subarray(0, 3))).toEqual([4, 3, 1]);
    expect(Array.from(log.historyLen)).toEqual([2, 2, 0]);
    expect(Array.from(log.cutoff)).toEqual([30, 20, -Infinity]);
    expect(itemAsOf(log, 0, 21)).toEqual({ count: 3, sum: 8 });
    expect(itemAsOf(log, 0, 20)).toEqual({ count: 0, sum: 0 });
    expect(globalMeanAsOf(log, 31)).toBe(10 / 4);
    expect(Array.from(log.allMin)).toEqual([NaN, 4, 3, 1, 1, 1]);
  });

  it('refuses a duplicate user id', () => {
    expect(() => buildRatingLog([profile('a', [], []), profile('a', [], [])])).toThrow(/duplicate user id "a"/);
  });
});

describe('stableOrderBy', () => {
  it('sorts by value, ties in index order, NaN last', () => {
    expect(Array.from(stableOrderBy(Float64Array.from([3, 1, 3, -0, 0, NaN, 1, -Infinity])))).toEqual([7, 3, 4, 1, 6, 0, 2, 5]);
  });
});
