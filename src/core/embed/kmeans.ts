/**
 * Seeded k-means on dense rows: k-means++ start (Arthur & Vassilvitskii 2007), Lloyd
 * iterations, and an optional balanced assignment (each cluster holds at most
 * ceil(n / k) points, filled greedily by distance), which spreads codes more evenly.
 */
import type { Rng } from '../types';

export interface KMeansOptions {
  /** Cap cluster sizes at ceil(n / k). Default false. */
  balanced?: boolean;
  /** Lloyd iterations at most. Default 50. */
  maxIter?: number;
}

export interface KMeansResult {
  /** k x dim, row-major. */
  centroids: Float64Array;
  /** Cluster of each point. */
  assign: Int32Array;
  /** Clusters actually used (k may exceed the distinct points). */
  k: number;
}

function dist2(data: ArrayLike<number>, i: number, c: Float64Array, j: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const x = data[i * dim + d] - c[j * dim + d];
    s += x * x;
  }
  return s;
}

/** k-means++ seeding: the first centre uniformly, each next one with probability proportional to D^2. */
function seedCentroids(data: ArrayLike<number>, n: number, dim: number, k: number, rng: Rng): Float64Array {
  const c = new Float64Array(k * dim);
  const best = new Float64Array(n).fill(Infinity);
  let pick = rng.int(n);
  for (let j = 0; j < k; j++) {
    for (let d = 0; d < dim; d++) c[j * dim + d] = data[pick * dim + d];
    let total = 0;
    for (let i = 0; i < n; i++) {
      best[i] = Math.min(best[i], dist2(data, i, c, j, dim));
      total += best[i];
    }
    if (j + 1 === k) break;
    if (total <= 0) {
      // Fewer distinct points than k: the remaining centres repeat (they stay empty).
      pick = rng.int(n);
      continue;
    }
    let r = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= best[i];
      if (r < 0) {
        pick = i;
        break;
      }
    }
  }
  return c;
}

function assignNearest(data: ArrayLike<number>, n: number, dim: number, c: Float64Array, k: number, out: Int32Array): boolean {
  let changed = false;
  for (let i = 0; i < n; i++) {
    let bj = 0;
    let bd = Infinity;
    for (let j = 0; j < k; j++) {
      const d = dist2(data, i, c, j, dim);
      if (d < bd) {
        bd = d;
        bj = j;
      }
    }
    if (out[i] !== bj) changed = true;
    out[i] = bj;
  }
  return changed;
}

function assignBalanced(data: ArrayLike<number>, n: number, dim: number, c: Float64Array, k: number, out: Int32Array): boolean {
  const cap = Math.ceil(n / k);
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) pairs.push([dist2(data, i, c, j, dim), i, j]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const size = new Int32Array(k);
  const next = new Int32Array(n).fill(-1);
  for (const [, i, j] of pairs) {
    if (next[i] >= 0 || size[j] >= cap) continue;
    next[i] = j;
    size[j]++;
  }
  let changed = false;
  for (let i = 0; i < n; i++) {
    if (out[i] !== next[i]) changed = true;
    out[i] = next[i];
  }
  return changed;
}

/** Cluster `n` rows of `dim` values into at most `k` clusters. Deterministic for a given rng. */
export function kmeans(data: ArrayLike<number>, n: number, dim: number, k: number, rng: Rng, opts: KMeansOptions = {}): KMeansResult {
  if (n === 0) return { centroids: new Float64Array(0), assign: new Int32Array(0), k: 0 };
  const kk = Math.max(1, Math.min(k, n));
  const c = seedCentroids(data, n, dim, kk, rng);
  const assign = new Int32Array(n).fill(-1);
  const step = opts.balanced ? assignBalanced : assignNearest;
  const maxIter = opts.maxIter ?? 50;
  for (let it = 0; it < maxIter; it++) {
    if (!step(data, n, dim, c, kk, assign) && it > 0) break;
    const sum = new Float64Array(kk * dim);
    const count = new Int32Array(kk);
    for (let i = 0; i < n; i++) {
      const j = assign[i];
      count[j]++;
      for (let d = 0; d < dim; d++) sum[j * dim + d] += data[i * dim + d];
    }
    // Empty clusters keep their centre (it may win points back next round).
    for (let j = 0; j < kk; j++) if (count[j] > 0) for (let d = 0; d < dim; d++) c[j * dim + d] = sum[j * dim + d] / count[j];
  }
  return { centroids: c, assign, k: kk };
}
