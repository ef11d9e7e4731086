/**
 * Fitting the response model (movie-response.ts): checkpoint factors on the ratings before
 * each checkpoint, a class-balanced logistic regression for engagement (with boosted trees
 * on top, response-trees.ts, fitted in the protocol), and decision
 * thresholds for balanced accuracy. The fidelity protocol fits the weights and thresholds
 * on a tuning split of users and reports on the others (src/core/eval/fidelity-protocol.ts);
 * `DEFAULT_RESPONSE_WEIGHTS` are the ones such a fit gave on ml-latest-small's tuning
 * split, used where no fit was run (the playground's sessions). They were fitted with the
 * protocol's own code on that tuning split (`--seeds 1`, the `weights` field of the JSON).
 */
import type { LinearModel } from './linear-model';
import type { Catalog, Rng, UserProfile } from '../types';
import { fitItemFactors, solveSpd, type AlsOptions, type ItemFactors } from './movie-als';
import { createRng } from '../rng';
import { DEFAULT_FOLD_IN, ENGAGE_FEATURES, MovieResponseModel, attachResponseModel, itemContent, type FoldInOptions, type ResponseWeights } from './movie-response';
import { buildRatingLog, type RatingLog } from './rating-log';
import { DEFAULT_RESPONSE_WEIGHTS } from './response-weights-default';

/** Options of the whole model fit. */
export interface ResponseModelOptions {
  als?: Partial<AlsOptions>;
  /** Checkpoints at these quantiles of the users' cut-offs; default 0.1, 0.35, 0.6, 0.85. */
  checkpointQuantiles?: number[];
  foldIn?: Partial<FoldInOptions>;
  weights?: ResponseWeights;
  /** Called after the rating log and after each checkpoint's factors (done of total steps), for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_ALS: AlsOptions = Object.freeze({ k: 12, lambda: 6, iterations: 8 });

/** Weights fitted on the tuning half of ml-latest-small (seed 42); see response-weights-default.ts. */
export { DEFAULT_RESPONSE_WEIGHTS };

/** Checkpoint times: quantiles of the cut-offs of users with a history. */
export function checkpointTimes(log: RatingLog, quantiles: number[]): number[] {
  const cuts = Array.from(log.cutoff).filter(Number.isFinite).sort((a, b) => a - b);
  if (!cuts.length) return [];
  const out = new Set<number>();
  for (const q of quantiles) out.add(cuts[Math.min(cuts.length - 1, Math.max(0, Math.floor(q * cuts.length)))]);
  return [...out].sort((a, b) => a - b);
}

/** Build the log, the checkpoint factors and the model (with the given or default weights). */
export function buildResponseModel(catalog: Catalog, users: readonly UserProfile[], rng: Rng, opts: ResponseModelOptions = {}): MovieResponseModel {
  const log = buildRatingLog(users);
  const als = { ...DEFAULT_ALS, ...opts.als };
  const times = checkpointTimes(log, opts.checkpointQuantiles ?? [0.1, 0.35, 0.6, 0.85]);
  opts.onProgress?.(1, times.length + 1);
  const cps: ItemFactors[] = times.map((t, n) => {
    const f = fitItemFactors(log, t, als, rng.fork(`als:${n}`));
    opts.onProgress?.(n + 2, times.length + 1);
    return f;
  });
  return new MovieResponseModel(log, itemContent(log, catalog), cps, opts.weights ?? DEFAULT_RESPONSE_WEIGHTS, { ...DEFAULT_FOLD_IN, ...opts.foldIn });
}

/**
 * Class-balanced L2 logistic regression by Newton's method on standardised features.
 * Returns the standardisation and the weights (intercept first).
 */
export function fitLogistic(X: number[][], y: number[], l2 = 1, iterations = 25): LinearModel {
  const n = X.length;
  const p = n ? X[0].length : ENGAGE_FEATURES.length;
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const x of X) for (let j = 0; j < p; j++) mean[j] += x[j] / Math.max(1, n);
  for (const x of X) for (let j = 0; j < p; j++) sd[j] += (x[j] - mean[j]) ** 2 / Math.max(1, n);
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  let pos = 0;
  for (const v of y) pos += v;
  const wPos = pos > 0 ? n / (2 * pos) : 1;
  const wNeg = n - pos > 0 ? n / (2 * (n - pos)) : 1;
  const d = p + 1;
  const w = new Float64Array(d);
  const z = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const H = new Float64Array(d * d);
    const g = new Float64Array(d);
    for (let r = 0; r < n; r++) {
      z[0] = 1;
      for (let j = 0; j < p; j++) z[j + 1] = (X[r][j] - mean[j]) / sd[j];
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j] * z[j];
      const pr = 1 / (1 + Math.exp(-s));
      const cw = y[r] ? wPos : wNeg;
      const e = cw * (pr - y[r]);
      const h = cw * pr * (1 - pr);
      for (let a = 0; a < d; a++) {
        g[a] += e * z[a];
        for (let b = 0; b <= a; b++) H[a * d + b] += h * z[a] * z[b];
      }
    }
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) H[b * d + a] = H[a * d + b];
      if (a > 0) {
        H[a * d + a] += l2;
        g[a] += l2 * w[a];
      }
      H[a * d + a] += 1e-9;
    }
    solveSpd(H, g, d);
    let step = 0;
    for (let a = 0; a < d; a++) {
      w[a] -= g[a];
      step = Math.max(step, Math.abs(g[a]));
    }
    if (step < 1e-7) break;
  }
  return { mean, sd, w: Array.from(w) };
}

/**
 * Ridge regression on standardised features (the intercept is not penalised). Returns the
 * standardisation and the weights (intercept first).
 */
export function fitRidge(X: number[][], y: number[], l2: number): LinearModel {
  const n = X.length;
  const p = n ? X[0].length : 0;
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (const x of X) for (let j = 0; j < p; j++) mean[j] += x[j] / Math.max(1, n);
  for (const x of X) for (let j = 0; j < p; j++) sd[j] += (x[j] - mean[j]) ** 2 / Math.max(1, n);
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const d = p + 1;
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const z = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    z[0] = 1;
    for (let j = 0; j < p; j++) z[j + 1] = (X[r][j] - mean[j]) / sd[j];
    for (let a = 0; a < d; a++) {
      b[a] += z[a] * y[r];
      for (let c = 0; c <= a; c++) A[a * d + c] += z[a] * z[c];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let c = 0; c < a; c++) A[c * d + a] = A[a * d + c];
    A[a * d + a] += a > 0 ? l2 : 1e-9;
  }
  solveSpd(A, b, d);
  return { mean, sd, w: Array.from(b) };
}

/**
 * The threshold on `scores` (predict positive when score >= threshold) with the best
 * balanced accuracy on these labels; midpoints between distinct scores.
 */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let P = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) P++;
  const N = labels.length - P;
  if (P === 0 || N === 0) return Infinity;
  let tp = 0;
  let fp = 0;
  let best = 0.5;
  let thr = Infinity;
  for (let q = 0; q < idx.length; q++) {
    if (labels[idx[q]]) tp++;
    else fp++;
    const s = scores[idx[q]];
    const next = q + 1 < idx.length ? scores[idx[q + 1]] : -Infinity;
    if (next === s) continue;
    const ba = (tp / P + 1 - fp / N) / 2;
    if (ba > best) {
      best = ba;
      thr = Number.isFinite(next) ? (s + next) / 2 : s;
    }
  }
  return thr;
}

/**
 * Fit a response model on a MovieLens import (default weights; ALS seeded by `seed`) and
 * attach it to the catalog, so rule-based sessions over it judge movies with the model.
 * Returns the model. Entry points that import a dataset call this (the CLI's loaders).
 */
export function attachFittedResponseModel(catalog: Catalog, users: readonly UserProfile[], seed = 0): MovieResponseModel {
  const model = buildResponseModel(catalog, users, createRng(seed).fork('response-model'));
  attachResponseModel(catalog, model);
  return model;
}
