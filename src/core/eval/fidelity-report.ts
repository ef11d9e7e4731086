/**
 * Reporting helpers of the fidelity protocol: calibration (overall and per-user like
 * rates, reliability bins), ROC points for charts, and the average of per-seed reports.
 */
import { orderByScore, pearson } from './fidelity-metrics';

/** Calibration of the simulated likes against the real >= 4 share on the taste items. */
export interface CalibrationReport {
  simulatedLikeRate: number;
  realLikeRate: number;
  /** Across users with at least 3 rated held-out movies: Pearson r and mean |sim - real|. */
  perUserCorrelation: number;
  perUserMae: number;
  /** One point per such user: simulated rate, real rate, items. */
  perUser: { simulated: number; real: number; n: number }[];
  /** Reliability: items binned by predicted rating (half-star bins). */
  bins: { from: number; to: number; n: number; predicted: number; realMean: number; realLikeShare: number }[];
}

interface CalRow { user: number; label: boolean; pred: boolean; rating: number; truth: number }

export function calibrationReport(rows: CalRow[]): CalibrationReport {
  let sim = 0;
  let real = 0;
  const per = new Map<number, { s: number; r: number; n: number }>();
  const bins = new Map<number, { n: number; p: number; t: number; l: number }>();
  for (const r of rows) {
    sim += r.pred ? 1 : 0;
    real += r.label ? 1 : 0;
    const e = per.get(r.user) ?? { s: 0, r: 0, n: 0 };
    e.s += r.pred ? 1 : 0;
    e.r += r.label ? 1 : 0;
    e.n++;
    per.set(r.user, e);
    if (Number.isFinite(r.rating)) {
      const k = Math.floor(r.rating * 2) / 2;
      const b = bins.get(k) ?? { n: 0, p: 0, t: 0, l: 0 };
      b.n++;
      b.p += r.rating;
      b.t += r.truth;
      b.l += r.label ? 1 : 0;
      bins.set(k, b);
    }
  }
  const perUser = [...per.values()].filter((e) => e.n >= 3).map((e) => ({ simulated: e.s / e.n, real: e.r / e.n, n: e.n }));
  let mae = 0;
  for (const p of perUser) mae += Math.abs(p.simulated - p.real);
  const n = Math.max(1, rows.length);
  return {
    simulatedLikeRate: sim / n,
    realLikeRate: real / n,
    perUserCorrelation: pearson(perUser.map((p) => p.simulated), perUser.map((p) => p.real)),
    perUserMae: perUser.length ? mae / perUser.length : 0,
    perUser,
    bins: [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([k, b]) => ({ from: k, to: k + 0.5, n: b.n, predicted: b.p / b.n, realMean: b.t / b.n, realLikeShare: b.l / b.n })),
  };
}

/** ROC curve as at most ~`max` [false positive rate, true positive rate] points, from (0,0) to (1,1). */
export function rocPoints(scores: ArrayLike<number>, labels: ArrayLike<boolean>, max = 60): [number, number][] {
  const order = orderByScore(scores);
  let P = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) P++;
  const N = labels.length - P;
  const pts: [number, number][] = [[0, 0]];
  if (!P || !N) return [[0, 0], [1, 1]];
  let tp = 0;
  let fp = 0;
  const step = Math.max(1, Math.floor(order.length / max));
  // A point only at the end of a run of tied scores (a tie is one step of the curve, drawn
  // as the diagonal between its ends), and once at least `step` items have passed since
  // the last point. Counting from the last point rather than by index matters for scores
  // with long runs of ties (counts of ratings): an index-based rule skips nearly every run
  // end and draws a much too straight curve.
  let since = 0;
  for (let q = order.length - 1; q >= 0; q--) {
    if (labels[order[q]]) tp++;
    else fp++;
    since++;
    const tie = q > 0 && scores[order[q - 1]] === scores[order[q]];
    if (!tie && (since >= step || q === 0)) {
      pts.push([fp / N, tp / P]);
      since = 0;
    }
  }
  if (pts[pts.length - 1][0] !== 1 || pts[pts.length - 1][1] !== 1) pts.push([1, 1]);
  return pts;
}

/**
 * Mean over seeds of every number in a report; a `ci95` pair becomes the envelope (lowest
 * lower bound, highest upper bound); arrays of points and strings come from the first seed.
 */
export function averageReports<T>(reports: T[]): T {
  const avg = (xs: unknown[], key: string): unknown => {
    const first = xs[0];
    if (typeof first === 'number') return xs.reduce((s: number, x) => s + (x as number), 0) / xs.length;
    if (Array.isArray(first)) {
      if (key === 'ci95') return [Math.min(...xs.map((x) => (x as number[])[0])), Math.max(...xs.map((x) => (x as number[])[1]))];
      return first;
    }
    if (first && typeof first === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(first)) out[k] = avg(xs.map((x) => (x as Record<string, unknown>)[k]), k);
      return out;
    }
    return first;
  };
  return avg(reports, '') as T;
}
