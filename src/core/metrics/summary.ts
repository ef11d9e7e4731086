/**
 * Run-level summaries: the mean of a per-session figure with a 95% confidence interval.
 *
 * The interval uses Student's t distribution (mean ± t(0.975, n-1) · s / √n), which
 * matters for the small runs people make in the playground (5 or 10 sessions): the
 * normal 1.96 would give intervals that are too narrow there.
 */
import { mean as d3mean, deviation } from 'd3-array';

/** A mean with its 95% confidence interval. */
export interface MeanCI {
  mean: number;
  /** Lower bound of the 95% interval (equals `mean` when n = 1; NaN when n = 0). */
  lo: number;
  /** Upper bound of the 95% interval. */
  hi: number;
  /** Number of finite values that went in. */
  n: number;
}

/** The values a figure can take: watch seconds and counts are never negative, a probability is in [0, 1]. */
export const NON_NEGATIVE: readonly [number, number] = [0, Infinity];
export const PROBABILITY: readonly [number, number] = [0, 1];

/**
 * Mean and 95% confidence interval of `values` (non-finite values are ignored).
 * n = 0 gives NaN everywhere (JSON turns it into null); n = 1 gives a zero-width interval.
 * `range` clips the bounds to the values the figure can take (a t interval of a few
 * sessions' return probabilities read [-0.41, 1.54]); the mean is not moved.
 */
export function meanCI(values: readonly number[], confidence = 0.95, range: readonly [number, number] = [-Infinity, Infinity]): MeanCI {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const m = d3mean(xs) as number;
  if (n === 1) return { mean: m, lo: m, hi: m, n };
  const sd = deviation(xs) as number;
  const half = tCritical(confidence, n - 1) * (sd / Math.sqrt(n));
  return { mean: m, lo: Math.max(range[0], m - half), hi: Math.min(range[1], m + half), n };
}

const tMemo = new Map<string, number>();
/**
 * t(1 - (1 - confidence) / 2, df), memoised: the quantile is a bisection over the
 * incomplete beta, and callers such as the Creator lab's early-stop rule ask for the same
 * df after every batch. Bounded: a run asks for few distinct (confidence, df) pairs.
 */
function tCritical(confidence: number, df: number): number {
  const key = `${confidence}:${df}`;
  let t = tMemo.get(key);
  if (t === undefined) {
    t = tQuantile(1 - (1 - confidence) / 2, df);
    if (tMemo.size >= 10_000) tMemo.clear();
    tMemo.set(key, t);
  }
  return t;
}

// ---------------------------------------------------------------------------
// Student's t distribution, from the regularised incomplete beta function
// (continued fraction, as in Numerical Recipes §6.4). Exact to ~1e-10, no tables.
// ---------------------------------------------------------------------------

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** CDF of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Quantile (inverse CDF) of Student's t, p in (0, 1), by bisection on the CDF. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`tQuantile: need 0 < p < 1 and df > 0 (got p=${p}, df=${df})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
