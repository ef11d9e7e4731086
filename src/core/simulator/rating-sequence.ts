/**
 * Where each rating sits in its rater's own sequence, so the response model
 * (movie-response.ts) can ask "what did people watch right before and after the movies I
 * just watched?": MovieLens users rate in sessions, and a movie rated a few places away
 * from one of mine in someone else's sequence is a far stronger hint than a movie they
 * rated years apart from it (a plain co-occurrence count cannot tell the two apart).
 *
 * `userPosition(log)[z]` is the index, in the user rows of the log, of the rating at item
 * row index z (the same (user, item) pair). Built once in O(R) with typed arrays.
 */
import type { RatingLog } from './rating-log';

/** For each item-row index z, the user-row index q of the same rating (-1 if unmatched). */
export function userPosition(log: RatingLog): Int32Array {
  const R = log.itemUser.length;
  const pos = new Int32Array(R).fill(-1);
  const nItems = log.itemIds.length;
  // Each item row's indices ordered by user (two counting passes, O(R)): filling them while
  // walking users in order pairs the k-th rating of item i by ascending user with the k-th
  // occurrence of i in the user rows (one rating per (user, item) pair: the importer keeps
  // the latest).
  const nUsers = log.userIds.length;
  const itemOf = new Int32Array(R);
  for (let i = 0; i < nItems; i++) itemOf.fill(i, log.itemStart[i], log.itemStart[i + 1]);
  const userFrom = new Int32Array(nUsers + 1);
  for (let z = 0; z < R; z++) userFrom[log.itemUser[z] + 1]++;
  for (let u = 0; u < nUsers; u++) userFrom[u + 1] += userFrom[u];
  const byUserAll = new Int32Array(R);
  for (let z = 0; z < R; z++) byUserAll[userFrom[log.itemUser[z]]++] = z;
  const fill = Int32Array.from(log.itemStart.subarray(0, nItems));
  const byUser = new Int32Array(R);
  for (let k = 0; k < R; k++) {
    const z = byUserAll[k];
    byUser[fill[itemOf[z]]++] = z;
  }
  const cursor = Int32Array.from({ length: nItems }, (_, i) => log.itemStart[i]);
  for (let u = 0; u < log.userIds.length; u++) {
    for (let q = log.userStart[u]; q < log.userStart[u + 1]; q++) {
      const i = log.userItem[q];
      const c = cursor[i];
      if (c >= log.itemStart[i + 1]) continue;
      const z = byUser[c];
      if (log.itemUser[z] !== u) continue;
      cursor[i] = c + 1;
      pos[z] = q;
    }
  }
  return pos;
}
