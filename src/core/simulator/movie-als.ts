/**
 * Explicit-rating matrix factorisation with biases, fitted by alternating least squares
 * (r ~ mu + b_u + b_i + p_u . q_i, ridge on everything) on the ratings of a `RatingLog`
 * strictly before a checkpoint time. The response model (movie-response.ts) fits one per
 * checkpoint and folds each user in on their own pre-cut-off ratings, so no factor ever
 * saw a rating from after a user's cut-off.
 *
 * Why explicit ALS and not the implicit BPR of the `mf-bpr` recommender: the simulator
 * must not flatter its own kind (DESIGN.md). This model predicts *rating values* from
 * rated pairs only, with biases; BPR learns a ranking of rated over unrated items.
 */
import { normal } from '../rng';
import type { Rng } from '../types';
import { lowerBound, type RatingLog } from './rating-log';

/** Item side of a fitted factorisation (the user side is folded in per user). */
export interface ItemFactors {
  /** Checkpoint: only ratings strictly before it were used. */
  at: number;
  k: number;
  mu: number;
  /** Per item index of the log: bias and k factors (zeros for items unrated before `at`). */
  bias: Float64Array;
  factors: Float64Array;
}

export interface AlsOptions {
  k: number;
  lambda: number;
  iterations: number;
}

/**
 * Solve (A) x = b in place for a symmetric positive definite n x n matrix A (row-major),
 * by Cholesky; A is overwritten by its factor, b by x.
 */
export function solveSpd(A: Float64Array, b: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j];
    for (let k = 0; k < j; k++) d -= A[j * n + k] * A[j * n + k];
    d = Math.sqrt(Math.max(d, 1e-12));
    A[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= A[i * n + k] * A[j * n + k];
      A[i * n + j] = s / d;
    }
  }
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= A[i * n + k] * b[k];
    b[i] = s / A[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= A[k * n + i] * b[k];
    b[i] = s / A[i * n + i];
  }
}

/**
 * One ridge solve for a row: x = argmin sum_j (y_j - [1, F_j] . x)^2 + lambda |x|^2,
 * with F_j the k factors of the other side. Writes bias to out[0], factors to out[1..k].
 */
function solveRow(idx: Int32Array, y: Float64Array, m: number, F: Float64Array, k: number, lambda: number, A: Float64Array, out: Float64Array): void {
  const n = k + 1;
  A.fill(0);
  out.fill(0);
  for (let q = 0; q < m; q++) {
    const o = idx[q] * k;
    const yq = y[q];
    A[0] += 1;
    out[0] += yq;
    for (let a = 0; a < k; a++) {
      const fa = F[o + a];
      A[(a + 1) * n] += fa;
      out[a + 1] += fa * yq;
      for (let c = 0; c <= a; c++) A[(a + 1) * n + c + 1] += fa * F[o + c];
    }
  }
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < a; c++) A[c * n + a] = A[a * n + c];
    A[a * n + a] += lambda;
  }
  solveSpd(A, out, n);
}

/** Fit biased ALS on the log's ratings strictly before `at`. Seeded; O(iterations x R x k^2). */
export function fitItemFactors(log: RatingLog, at: number, opts: AlsOptions, rng: Rng): ItemFactors {
  const { k, lambda, iterations } = opts;
  const nU = log.userIds.length;
  const nI = log.itemIds.length;
  // Visible prefix of each row.
  const uEnd = new Int32Array(nU);
  const iEnd = new Int32Array(nI);
  let sum = 0;
  let cnt = 0;
  for (let u = 0; u < nU; u++) uEnd[u] = lowerBound(log.userAt, log.userStart[u], log.userStart[u + 1], at);
  for (let i = 0; i < nI; i++) {
    iEnd[i] = lowerBound(log.itemAt, log.itemStart[i], log.itemStart[i + 1], at);
    for (let q = log.itemStart[i]; q < iEnd[i]; q++) {
      sum += log.itemRating[q];
      cnt++;
    }
  }
  const mu = cnt ? sum / cnt : 3.5;
  const P = new Float64Array(nU * k);
  const Q = new Float64Array(nI * k);
  const bu = new Float64Array(nU);
  const bi = new Float64Array(nI);
  for (let x = 0; x < Q.length; x++) Q[x] = normal(rng, 0, 0.1);
  for (let x = 0; x < P.length; x++) P[x] = normal(rng, 0, 0.1);
  let maxRow = 1;
  for (let u = 0; u < nU; u++) maxRow = Math.max(maxRow, uEnd[u] - log.userStart[u]);
  for (let i = 0; i < nI; i++) maxRow = Math.max(maxRow, iEnd[i] - log.itemStart[i]);
  const idx = new Int32Array(maxRow);
  const y = new Float64Array(maxRow);
  const A = new Float64Array((k + 1) * (k + 1));
  const out = new Float64Array(k + 1);
  for (let it = 0; it < iterations; it++) {
    for (let u = 0; u < nU; u++) {
      const a = log.userStart[u];
      const m = uEnd[u] - a;
      if (m === 0) continue;
      for (let q = 0; q < m; q++) {
        const i = log.userItem[a + q];
        idx[q] = i;
        y[q] = log.userRating[a + q] - mu - bi[i];
      }
      solveRow(idx, y, m, Q, k, lambda, A, out);
      bu[u] = out[0];
      for (let c = 0; c < k; c++) P[u * k + c] = out[c + 1];
    }
    for (let i = 0; i < nI; i++) {
      const a = log.itemStart[i];
      const m = iEnd[i] - a;
      if (m === 0) continue;
      for (let q = 0; q < m; q++) {
        const u = log.itemUser[a + q];
        idx[q] = u;
        y[q] = log.itemRating[a + q] - mu - bu[u];
      }
      solveRow(idx, y, m, P, k, lambda, A, out);
      bi[i] = out[0];
      for (let c = 0; c < k; c++) Q[i * k + c] = out[c + 1];
    }
  }
  for (let i = 0; i < nI; i++) {
    if (iEnd[i] > log.itemStart[i]) continue;
    bi[i] = 0;
    Q.fill(0, i * k, i * k + k);
  }
  return { at, k, mu, bias: bi, factors: Q };
}
