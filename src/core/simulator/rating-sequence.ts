/**
 * Where each rating sits in its rater's own sequence, so the response model
 * (movie-response.ts) can ask "what did people watch right before and after the movies I
 * just watched?": MovieLens users rate in sessions, and a movie rated a few places away
 * from one of mine in someone else's sequence is a far stronger hint than a movie they
 * rated years apart from it (a plain co-occurrence count cannot tell the two apart).
 *
 * `userPosition(log)[z]` is the index, in the user rows of the log, of the rating at item
 * row index z (the same (user, item) pair). Built once in O(R log d) with typed arrays.
 */
import type { RatingLog } from './rating-log';

/** For each item-row index z, the user-row index q of the same rating (-1 if unmatched). */
export function userPosition(log: RatingLog): Int32Array {
  const R = log.itemUser.length;
  const pos = new Int32Array(R).fill(-1);
  const nItems = log.itemIds.length;
  // Each item row's indices ordered by user: filling them while walking users in order
  // pairs the k-th rating of item i by ascending user with the k-th occurrence of i in
  // the user rows (one rating per (user, item) pair: the importer keeps the latest).
  const byUser = new Int32Array(R);
  for (let i = 0; i < nItems; i++) {
    const a = log.itemStart[i];
    const b = log.itemStart[i + 1];
    const seg = Array.from({ length: b - a }, (_, k) => a + k).sort((x, y) => log.itemUser[x] - log.itemUser[y] || x - y);
    for (let k = 0; k < seg.length; k++) byUser[a + k] = seg[k];
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
