/**
 * Measures of the fidelity protocol (fidelity-protocol.ts): AUC (Mann-Whitney, ties count
 * half, optional per-item weights so a bootstrap needs no re-sort), confusion-based rates,
 * RMSE/MAE, Pearson correlation, and the paired bootstrap across users of an AUC margin.
 */
import type { Rng } from '../types';

/** Confusion-based rates of boolean predictions; 0 where undefined. */
export interface Rates {
  accuracy: number;
  balancedAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

const div = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Rates of `pred` against `label`. */
export function rates(pred: ArrayLike<boolean>, label: ArrayLike<boolean>): Rates {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < pred.length; i++) {
    if (label[i]) pred[i] ? tp++ : fn++;
    else pred[i] ? fp++ : tn++;
  }
  const precision = div(tp, tp + fp);
  const recall = div(tp, tp + fn);
  const P = tp + fn;
  const N = tn + fp;
  // With one class absent, balanced accuracy is the rate on the class present.
  const balancedAccuracy = P && N ? (recall + tn / N) / 2 : P ? recall : div(tn, N);
  return {
    accuracy: div(tp + tn, pred.length),
    balancedAccuracy,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Indices sorted by score, ascending (stable). */
export function orderByScore(scores: ArrayLike<number>): Int32Array {
  return Int32Array.from(Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b));
}

/**
 * AUC of `scores` for `labels` with per-item weights (1 when omitted), given the ascending
 * order of the scores; ties count half. 0.5 when a class has no weight.
 */
export function aucSorted(order: Int32Array, scores: ArrayLike<number>, labels: ArrayLike<boolean>, weight?: ArrayLike<number>): number {
  let negBelow = 0;
  let sum = 0;
  let P = 0;
  let N = 0;
  let q = 0;
  const n = order.length;
  while (q < n) {
    const s = scores[order[q]];
    let pos = 0;
    let neg = 0;
    let r = q;
    while (r < n && scores[order[r]] === s) {
      const i = order[r];
      const w = weight ? weight[i] : 1;
      if (labels[i]) pos += w;
      else neg += w;
      r++;
    }
    sum += pos * (negBelow + neg / 2);
    negBelow += neg;
    P += pos;
    N += neg;
    q = r;
  }
  return P > 0 && N > 0 ? sum / (P * N) : 0.5;
}

/** AUC of scores for labels. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  return aucSorted(orderByScore(scores), scores, labels);
}

/** Root mean squared and mean absolute error. */
export function errors(pred: ArrayLike<number>, truth: ArrayLike<number>): { rmse: number; mae: number } {
  let se = 0;
  let ae = 0;
  for (let i = 0; i < pred.length; i++) {
    const e = pred[i] - truth[i];
    se += e * e;
    ae += Math.abs(e);
  }
  const n = Math.max(1, pred.length);
  return { rmse: Math.sqrt(se / n), mae: ae / n };
}

/** Pearson correlation; 0 when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n < 2) return 0;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) (ma += a[i]), (mb += b[i]);
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma;
    const y = b[i] - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * Paired bootstrap across users of AUC(a) - AUC(b) on the same items: each replicate draws
 * users with replacement (an item weighs as many times as its user was drawn). Returns
 * the 2.5% and 97.5% quantiles.
 */
export function bootstrapAucMargin(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  userOf: Int32Array,
  users: number,
  reps: number,
  rng: Rng,
): [number, number] {
  const oa = orderByScore(a);
  const ob = orderByScore(b);
  const draws = new Float64Array(users);
  const w = new Float64Array(labels.length);
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    draws.fill(0);
    for (let k = 0; k < users; k++) draws[rng.int(users)]++;
    for (let i = 0; i < w.length; i++) w[i] = draws[userOf[i]];
    out.push(aucSorted(oa, a, labels, w) - aucSorted(ob, b, labels, w));
  }
  out.sort((x, y) => x - y);
  const at = (q: number) => out[Math.min(out.length - 1, Math.max(0, Math.floor(q * out.length)))];
  return reps > 0 ? [at(0.025), at(0.975)] : [NaN, NaN];
}
