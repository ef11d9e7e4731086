/** The series of the Fidelity view's charts, from a report (plain data for XYChart.svelte). */
import type { FidelityReport, SplitReport } from '../../core/eval/fidelity-protocol';

export interface Series {
  name: string;
  points: [number, number][];
  kind: 'line' | 'dots';
  cls: 'a' | 'b';
}

/** The first seed's split (charts show one seed's points; tables show means over seeds). */
export function firstSeed(r: FidelityReport, split: 'test' | 'tuning'): SplitReport | null {
  return r.perSeed[0]?.[split] ?? null;
}

/** ROC of the simulator and of the best baseline at one ratio. */
export function rocSeries(s: SplitReport, ratio: string): Series[] {
  const e = s.byRatio[ratio];
  if (!e?.roc) return [];
  return [
    { name: 'simulator', points: e.roc.simulator, kind: 'line', cls: 'a' },
    { name: `best baseline (${e.margin.over})`, points: e.roc.best, kind: 'line', cls: 'b' },
  ];
}

/** Reliability: predicted rating per half-star bin against the real mean rating. */
export function reliabilitySeries(s: SplitReport): Series[] {
  return [{ name: 'real mean rating per predicted-rating bin', points: s.calibration.bins.map((b) => [b.predicted, b.realMean] as [number, number]), kind: 'line', cls: 'a' }];
}

/** Per user: simulated like rate against the real >= 4 share. */
export function perUserSeries(s: SplitReport): Series[] {
  return [{ name: 'one user', points: s.calibration.perUser.map((p) => [p.real, p.simulated] as [number, number]), kind: 'dots', cls: 'a' }];
}
