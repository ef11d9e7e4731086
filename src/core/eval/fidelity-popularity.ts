/**
 * Where the simulator is weak, by how well known a movie was: the liked-vs-unseen AUC of the
 * positives in each band of "ratings before the cut-off" against *all* the negatives, for
 * the simulator and for every ranking baseline. A positive that many people had rated is easy
 * (popularity alone finds it); one with a single earlier rating is where taste has to do
 * the work. Nothing here is fitted. Every ranking baseline is scored per band, so averages
 * over seeds compare the simulator with one named baseline, never a mix of each seed's best.
 */
import { auc } from './fidelity-metrics';

/** Bands of the positive's number of ratings before the cut-off (inclusive). */
export const POPULARITY_BANDS: readonly { key: string; from: number; to: number }[] = [
  { key: '1', from: 1, to: 1 },
  { key: '2-5', from: 2, to: 5 },
  { key: '6-20', from: 6, to: 20 },
  { key: '21-50', from: 21, to: 50 },
  { key: '51+', from: 51, to: Infinity },
];

/** One band: its positives, and the AUC of each scorer on them against every negative (NaN: no positive). */
export interface PopularityBand {
  positives: number;
  simulator: number;
  /** Baseline name -> its AUC in this band. */
  baselines: Record<string, number>;
}

/**
 * The AUC per band (keyed by band, in order), for the simulator and for each baseline in
 * `baselines` (name -> score per row). `counts[r]` is the item's number of ratings before
 * its user's cut-off; negatives are kept whole in every band.
 */
export function aucByPopularity(
  scores: readonly number[],
  baselines: Readonly<Record<string, readonly number[]>>,
  labels: readonly boolean[],
  counts: readonly number[],
): Record<string, PopularityBand> {
  const neg: number[] = [];
  labels.forEach((l, r) => {
    if (!l) neg.push(r);
  });
  const out: Record<string, PopularityBand> = {};
  for (const b of POPULARITY_BANDS) {
    const pos = labels.flatMap((l, r) => (l && counts[r] >= b.from && counts[r] <= b.to ? [r] : []));
    const rows = [...pos, ...neg];
    const lab = rows.map((_, k) => k < pos.length);
    const score = (xs: readonly number[]) => (pos.length && neg.length ? auc(rows.map((r) => xs[r]), lab) : NaN);
    const base: Record<string, number> = {};
    for (const [name, xs] of Object.entries(baselines)) base[name] = score(xs);
    out[b.key] = { positives: pos.length, simulator: score(scores), baselines: base };
  }
  return out;
}

/**
 * The baseline the bands are shown against: of those scored per band, the one with the
 * highest AUC over all positives on the split shown (`ratioBaselines`, averaged over seeds
 * when the report is). Null when the bands carry no baseline.
 */
export function bandBaseline(bands: Record<string, PopularityBand>, ratioBaselines: Record<string, { auc: number }>): string | null {
  const names = Object.keys(Object.values(bands)[0]?.baselines ?? {});
  let best: string | null = null;
  for (const n of names) if (best === null || (ratioBaselines[n]?.auc ?? -1) > (ratioBaselines[best]?.auc ?? -1)) best = n;
  return best;
}
