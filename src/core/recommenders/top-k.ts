/**
 * Partial top-k selection over a dense score array, without sorting the catalog.
 * A size-k min-heap keeps the best k seen so far: O(n log k) time, O(k) memory.
 *
 * Ties are broken by catalog position (lower first) so results are deterministic.
 */

/** Marks for `selectSlate`: 0 = free, 1 = in the user's history (soft), 2 = shown this session (hard). */
export const MARK_FREE = 0;
export const MARK_HISTORY = 1;
export const MARK_SHOWN = 2;

/** True when (sa, ia) ranks below (sb, ib): lower score, or same score and a later position. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

/**
 * Indices of the `k` highest scores among positions whose `marks[i] === want`,
 * best first. NaN scores count as -Infinity. Returns fewer than k when fewer qualify.
 */
export function topKMasked(scores: ArrayLike<number>, k: number, marks: Uint8Array, want: number): number[] {
  if (k <= 0) return [];
  const heapIdx: number[] = [];
  const heapScore: number[] = [];
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    if (marks[i] !== want) continue;
    let s = scores[i];
    if (s !== s) s = -Infinity; // NaN guard
    if (heapIdx.length < k) {
      // sift up
      let c = heapIdx.length;
      heapIdx.push(i);
      heapScore.push(s);
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(heapScore[c], heapIdx[c], heapScore[p], heapIdx[p])) break;
        swap(heapIdx, heapScore, c, p);
        c = p;
      }
    } else if (worse(heapScore[0], heapIdx[0], s, i)) {
      heapIdx[0] = i;
      heapScore[0] = s;
      siftDown(heapIdx, heapScore, 0);
    }
  }
  // Pop into best-first order.
  const out = new Array<number>(heapIdx.length);
  for (let j = heapIdx.length - 1; j >= 0; j--) {
    out[j] = heapIdx[0];
    const lastI = heapIdx.pop() as number;
    const lastS = heapScore.pop() as number;
    if (heapIdx.length > 0) {
      heapIdx[0] = lastI;
      heapScore[0] = lastS;
      siftDown(heapIdx, heapScore, 0);
    }
  }
  return out;
}

/** Plain top-k over all positions (no marks), best first. */
export function topK(scores: ArrayLike<number>, k: number): number[] {
  return topKMasked(scores, k, new Uint8Array(scores.length), MARK_FREE);
}

function swap(idx: number[], sc: number[], a: number, b: number): void {
  const ti = idx[a];
  idx[a] = idx[b];
  idx[b] = ti;
  const ts = sc[a];
  sc[a] = sc[b];
  sc[b] = ts;
}

function siftDown(idx: number[], sc: number[], start: number): void {
  const n = idx.length;
  let c = start;
  for (;;) {
    const l = 2 * c + 1;
    if (l >= n) return;
    const r = l + 1;
    let m = l;
    if (r < n && worse(sc[r], idx[r], sc[l], idx[l])) m = r;
    if (!worse(sc[m], idx[m], sc[c], idx[c])) return;
    swap(idx, sc, c, m);
    c = m;
  }
}
