/**
 * Seeded k-means on dense rows: k-means++ start (Arthur & Vassilvitskii 2007), Lloyd
 * iterations, and an optional balanced assignment (each cluster holds at most
 * ceil(n / k) points, filled greedily by distance), which spreads codes more evenly.
 * `kmeansSteps` is the same fit as a generator that pauses between chunks of rows (the
 * page's semantic-ID fit yields there); `kmeans` runs it straight through.
 */
import type { Rng } from '../types';
import { chunkRows, runSteps, type Steps } from './steps';

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
function* seedCentroids(data: ArrayLike<number>, n: number, dim: number, k: number, rng: Rng, chunk: number, at: (f: number) => number): Steps<Float64Array> {
  const c = new Float64Array(k * dim);
  const best = new Float64Array(n).fill(Infinity);
  let pick = rng.int(n);
  for (let j = 0; j < k; j++) {
    for (let d = 0; d < dim; d++) c[j * dim + d] = data[pick * dim + d];
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % chunk === 0) yield at((j + i / n) / k);
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

type Assign = (data: ArrayLike<number>, n: number, dim: number, c: Float64Array, k: number, out: Int32Array, chunk: number, at: (f: number) => number) => Steps<boolean>;

function* assignNearest(data: ArrayLike<number>, n: number, dim: number, c: Float64Array, k: number, out: Int32Array, chunk: number, at: (f: number) => number): Steps<boolean> {
  let changed = false;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % chunk === 0) yield at(i / n);
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

/**
 * Pairs (point i, centre j) numbered p = i * k + j, in the order (distance, i, j): `p` orders
 * (i, j) as the tuple does, so the order is (distance, p). Sorted in runs, then merged, with a
 * pause between chunks; the order is a strict total one (each p once, distances finite), so
 * it is the order a single sort of the tuples gave, whatever the algorithm.
 */
function* sortPairs(dist: Float64Array, chunk: number, at: (f: number) => number): Steps<Uint32Array> {
  const m = dist.length;
  const cmp = (a: number, b: number) => dist[a] - dist[b] || a - b;
  let src = new Uint32Array(m);
  for (let p = 0; p < m; p++) src[p] = p;
  const run = Math.max(64, chunk * 16);
  const passes = 1 + Math.max(0, Math.ceil(Math.log2(Math.ceil(m / run))));
  for (let lo = 0; lo < m; lo += run) {
    src.subarray(lo, Math.min(m, lo + run)).sort(cmp);
    yield at(Math.min(lo + run, m) / m / passes);
  }
  let dst = new Uint32Array(m);
  let pass = 1;
  for (let width = run; width < m; width *= 2, pass++) {
    let since = 0;
    for (let lo = 0; lo < m; lo += 2 * width) {
      const mid = Math.min(m, lo + width);
      const hi = Math.min(m, lo + 2 * width);
      let a = lo;
      let b = mid;
      for (let o = lo; o < hi; o++) {
        if (a < mid && (b >= hi || cmp(src[a], src[b]) <= 0)) dst[o] = src[a++];
        else dst[o] = src[b++];
        if (++since === run) {
          since = 0;
          yield at((pass + o / m) / passes);
        }
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

function* assignBalanced(data: ArrayLike<number>, n: number, dim: number, c: Float64Array, k: number, out: Int32Array, chunk: number, at: (f: number) => number): Steps<boolean> {
  const cap = Math.ceil(n / k);
  // Distances first (half the work), then the pairs in order (a quarter), then the greedy fill.
  const dist = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % chunk === 0) yield at((0.5 * i) / n);
    for (let j = 0; j < k; j++) dist[i * k + j] = dist2(data, i, c, j, dim);
  }
  const order = yield* sortPairs(dist, chunk, (f) => at(0.5 + 0.25 * f));
  const size = new Int32Array(k);
  const next = new Int32Array(n).fill(-1);
  const every = chunk * k;
  for (let q = 0; q < order.length; q++) {
    if (q > 0 && q % every === 0) yield at(0.75 + (0.25 * q) / order.length);
    const p = order[q];
    const i = Math.floor(p / k);
    const j = p - i * k;
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
  return runSteps(kmeansSteps(data, n, dim, k, rng, opts));
}

/**
 * `kmeans` as steps: yields the fraction done (0..1; the Lloyd rounds count against
 * `maxIter`, so it jumps to 1 when they converge early) between chunks of `chunkRows` rows.
 */
export function* kmeansSteps(data: ArrayLike<number>, n: number, dim: number, k: number, rng: Rng, opts: KMeansOptions & { chunkRows?: number } = {}): Steps<KMeansResult> {
  if (n === 0) return { centroids: new Float64Array(0), assign: new Int32Array(0), k: 0 };
  const chunk = chunkRows(opts);
  const kk = Math.max(1, Math.min(k, n));
  const maxIter = opts.maxIter ?? 50;
  // Seeding counts as one Lloyd round.
  const rounds = maxIter + 1;
  const c = yield* seedCentroids(data, n, dim, kk, rng, chunk, (f) => f / rounds);
  const assign = new Int32Array(n).fill(-1);
  const step: Assign = opts.balanced ? assignBalanced : assignNearest;
  for (let it = 0; it < maxIter; it++) {
    const at = (f: number) => (1 + it + f) / rounds;
    if (!(yield* step(data, n, dim, c, kk, assign, chunk, (f) => at(0.9 * f))) && it > 0) break;
    const sum = new Float64Array(kk * dim);
    const count = new Int32Array(kk);
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % chunk === 0) yield at(0.9 + (0.1 * i) / n);
      const j = assign[i];
      count[j]++;
      for (let d = 0; d < dim; d++) sum[j * dim + d] += data[i * dim + d];
    }
    // Empty clusters keep their centre (it may win points back next round).
    for (let j = 0; j < kk; j++) if (count[j] > 0) for (let d = 0; d < dim; d++) c[j * dim + d] = sum[j * dim + d] / count[j];
  }
  return { centroids: c, assign, k: kk };
}
