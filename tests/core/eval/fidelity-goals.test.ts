/**
 * The fidelity targets (src/core/eval/fidelity-goals.ts): each is met or not by its own
 * figure, a target that must hold at every ratio reads the worst one, and a figure the run
 * did not measure is "not measured", never met.
 */
import { describe, expect, it } from 'vitest';
import { fidelityGoals } from '../../../src/core/eval/fidelity-goals';
import type { EngageReport, SplitReport } from '../../../src/core/eval/fidelity-protocol';

const b = (auc: number) => ({ auc, balancedAccuracy: auc - 0.05, accuracy: auc - 0.05 });
function engage(auc: number, ba: number, margin: number, lo: number): EngageReport {
  return { items: 100, positives: 50, auc, balancedAccuracy: ba, accuracy: ba, precision: 0.8, recall: 0.8, f1: 0.8, baselines: { popularity: b(auc - margin) }, margin: { auc: margin, ci95: [lo, margin + 0.02], over: 'popularity' } } as EngageReport;
}
function split(over: Partial<SplitReport> = {}): SplitReport {
  return {
    users: 300,
    byRatio: { '1': engage(0.894, 0.813, 0.125, 0.105), '3': engage(0.895, 0.814, 0.126, 0.111), '9': engage(0.893, 0.812, 0.126, 0.111) },
    taste: { items: 500, auc: 0.761, balancedAccuracy: 0.69, accuracy: 0.69, baselines: { userItemMean: b(0.74) }, margin: { auc: 0.021, ci95: [0.007, 0.037], over: 'userItemMean' } },
    rating: { rmse: 0.898, mae: 0.68, baselineRmse: 0.941, baselineMae: 0.7 },
    calibration: { simulatedLikeRate: 0.545, realLikeRate: 0.541, perUserCorrelation: 0.685, perUserMae: 0.19, perUser: [], bins: [] },
    ...over,
  };
}
const met = (s: SplitReport) => Object.fromEntries(fidelityGoals(s).map((g) => [g.id, g.met]));

describe('fidelityGoals', () => {
  it('reads the figures of docs/evaluation.md as they are: AUC and balanced accuracy not met, the rest met', () => {
    expect(met(split())).toEqual({ auc: false, balancedAccuracy: false, margin: true, tasteAuc: true, rmse: true, likeRate: true, perUserCorrelation: true });
    const g = fidelityGoals(split());
    expect(g.find((x) => x.id === 'auc')!.value).toBe('0.893 (1:9)');
    expect(g.find((x) => x.id === 'balancedAccuracy')!.target).toContain('1:1, 1:3, 1:9');
    expect(g.find((x) => x.id === 'margin')!.value).toMatch(/^\+0\.125 \[0\.105, 0\.145\] over popularity \(1:1\)$/);
  });

  it('meets each target at its threshold, from its own figure', () => {
    const all = { '1': engage(0.93, 0.86, 0.2, 0.1), '3': engage(0.92, 0.85, 0.2, 0.1), '9': engage(0.95, 0.9, 0.2, 0.1) };
    expect(met(split({ byRatio: all }))).toMatchObject({ auc: true, balancedAccuracy: true });
    // One ratio below is enough to miss: the worst ratio is the one that counts.
    expect(met(split({ byRatio: { ...all, '9': engage(0.919, 0.9, 0.2, 0.1) } })).auc).toBe(false);
    expect(met(split({ byRatio: { ...all, '3': engage(0.95, 0.849, 0.2, 0.1) } })).balancedAccuracy).toBe(false);
    expect(met(split({ taste: { ...split().taste, auc: 0.749 } })).tasteAuc).toBe(false);
    expect(met(split({ rating: { ...split().rating, rmse: 0.95 } })).rmse).toBe(false);
    expect(met(split({ calibration: { ...split().calibration, simulatedLikeRate: 0.6 } })).likeRate).toBe(false);
    expect(met(split({ calibration: { ...split().calibration, perUserCorrelation: 0.59 } })).perUserCorrelation).toBe(false);
  });

  it('a margin under +0.05, or an interval touching zero, is not met', () => {
    expect(met(split({ byRatio: { '1': engage(0.9, 0.8, 0.04, 0.02) } })).margin).toBe(false);
    expect(met(split({ byRatio: { '1': engage(0.9, 0.8, 0.08, 0) } })).margin).toBe(false);
    expect(met(split({ byRatio: { '1': engage(0.9, 0.8, 0.08, 0.01) } })).margin).toBe(true);
  });

  it('a figure the run did not measure (an LLM run has no ratings) is "not measured", not met', () => {
    const g = fidelityGoals(split({ rating: { rmse: NaN, mae: NaN, baselineRmse: 0.94, baselineMae: 0.7 } }));
    const r = g.find((x) => x.id === 'rmse')!;
    expect(r.met).toBeNull();
    expect(r.value).toBe('not measured');
    expect(fidelityGoals(split({ byRatio: { '1': engage(NaN, NaN, NaN, NaN) } })).filter((x) => x.met === null).map((x) => x.id)).toEqual(['auc', 'balancedAccuracy', 'margin']);
    // One ratio of several without a figure, first or last: still "not measured", never judged on the others.
    const cases: Record<string, EngageReport>[] = [
      { '1': engage(NaN, NaN, NaN, NaN), '3': engage(0.95, 0.9, 0.1, 0.05) },
      { '1': engage(0.95, 0.9, 0.1, 0.05), '9': engage(NaN, NaN, NaN, NaN) },
    ];
    for (const byRatio of cases) {
      expect(fidelityGoals(split({ byRatio })).filter((x) => x.met === null).map((x) => x.id)).toEqual(['auc', 'balancedAccuracy', 'margin']);
    }
  });
});
