/**
 * The targets a simulated user has to reach before its figures can be trusted (issue 8,
 * docs/evaluation.md), checked against one split of a fidelity report. Each target says
 * what it asks, the measured value and whether it is met; a figure the run could not
 * measure (an LLM run has no ratings) is "not measured", never "met". The targets are fixed
 * here, not fitted: the CLI's JSON and the Fidelity view read the same list.
 */
import type { SplitReport } from './fidelity-protocol';

/** One target: what it asks, what was measured, and whether it holds. */
export interface FidelityGoal {
  /** Stable name (JSON). */
  id: 'auc' | 'balancedAccuracy' | 'tasteAuc' | 'rmse' | 'likeRate' | 'perUserCorrelation' | 'margin';
  /** What is asked, in words. */
  target: string;
  /** The measured value, in words (the worst ratio where there are several). */
  value: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

const f3 = (x: number): string => x.toFixed(3);
const finite = (...xs: number[]): boolean => xs.every(Number.isFinite);

/** Every target against one split (its worst ratio where the target holds at each ratio). */
export function fidelityGoals(s: SplitReport): FidelityGoal[] {
  const ratios = Object.entries(s.byRatio).sort((a, b) => Number(a[0]) - Number(b[0]));
  // The lowest value over the ratios; one ratio without a figure (NaN) leaves the target "not measured".
  const worst = (pick: (e: SplitReport['byRatio'][string]) => number): { x: number; at: string } => {
    let low = { x: Infinity, at: '' };
    for (const [r, e] of ratios) {
      const x = pick(e);
      if (!Number.isFinite(x)) return { x: NaN, at: `1:${r}` };
      if (x < low.x) low = { x, at: `1:${r}` };
    }
    return low;
  };
  const on = ratios.map(([r]) => `1:${r}`).join(', ');
  const auc = worst((e) => e.auc);
  const ba = worst((e) => e.balancedAccuracy);
  const margin = worst((e) => Math.min(e.margin.auc - 0.05, e.margin.ci95[0]));
  const mWorst = ratios.find(([r]) => `1:${r}` === margin.at)?.[1].margin;
  const c = s.calibration;
  const gap = Math.abs(c.simulatedLikeRate - c.realLikeRate);
  const goal = (id: FidelityGoal['id'], target: string, value: string, ok: boolean, measured: boolean): FidelityGoal => ({ id, target, value: measured ? value : 'not measured', met: measured ? ok : null });
  return [
    goal('auc', `liked vs unseen: AUC ≥ 0.92 (${on})`, `${f3(auc.x)} (${auc.at})`, auc.x >= 0.92, ratios.length > 0 && finite(auc.x)),
    goal('balancedAccuracy', `liked vs unseen: balanced accuracy ≥ 0.85 (${on})`, `${f3(ba.x)} (${ba.at})`, ba.x >= 0.85, ratios.length > 0 && finite(ba.x)),
    goal('margin', 'margin over the best baseline ≥ +0.05 AUC, 95% interval above zero', mWorst ? `${mWorst.auc >= 0 ? '+' : ''}${f3(mWorst.auc)} [${f3(mWorst.ci95[0])}, ${f3(mWorst.ci95[1])}] over ${mWorst.over} (${margin.at})` : '', margin.x >= 0 && (mWorst?.ci95[0] ?? 0) > 0, !!mWorst && finite(mWorst.auc, mWorst.ci95[0])),
    goal('tasteAuc', 'taste (liked vs disliked): AUC ≥ 0.75', f3(s.taste.auc), s.taste.auc >= 0.75, finite(s.taste.auc)),
    goal('rmse', 'rating RMSE below the user mean + item mean', `${f3(s.rating.rmse)} vs ${f3(s.rating.baselineRmse)}`, s.rating.rmse < s.rating.baselineRmse, finite(s.rating.rmse, s.rating.baselineRmse)),
    goal('likeRate', 'like rate within 0.05 of the real ≥ 4 share', `${f3(c.simulatedLikeRate)} vs ${f3(c.realLikeRate)} (gap ${f3(gap)})`, gap <= 0.05, finite(gap)),
    goal('perUserCorrelation', 'per-user like rate: correlation ≥ 0.6 with the real share', f3(c.perUserCorrelation), c.perUserCorrelation >= 0.6, finite(c.perUserCorrelation)),
  ];
}
