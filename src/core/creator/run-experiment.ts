/**
 * Running an experiment's replicates in order, in batches of 10, stopping early when the
 * interval rule says the one-week views are pinned down (summary.ts `narrowEnough`). The
 * stopping point depends only on the replicates' results, never on timing, so a pool of
 * workers that computes the same replicates reaches the same answer (`assembleResult`).
 */
import type { Trace, ReplicateResult } from './replicate';
import { runReplicate } from './replicate';
import type { PreparedExperiment, HorizonKey } from './prepare';
import { difference, narrowEnough, summarizeStrategy, type Interval, type StrategySummary } from './summary';
import type { Metric } from './replicate';

/** Replicates are checked against the early-stop rule after every this many. */
export const STOP_BATCH = 10;

export interface ExperimentResult {
  seed: number;
  /** Replicates run per strategy. */
  replicates: number;
  requested: number;
  stoppedEarly: boolean;
  /** Users the first strategy's first post was seeded to. */
  audienceSize: number;
  users: number;
  /** The first strategy's fan chart (the CLI's headline). */
  horizons: StrategySummary['horizons'];
  strategies: StrategySummary[];
  /** Strategy B minus strategy A (paired), when there are two. */
  difference?: Record<HorizonKey, Record<Metric, Interval>>;
  /** Who saw the first strategy's first post when, in replicate 0 (for the network view). */
  trace?: Trace;
}

/** Progress callback: replicates done (over all strategies) out of the most that may run. */
export type Progress = (done: number, total: number) => void;

/** Summarise the first `n` replicates of each strategy into the result. */
export function assembleResult(prep: PreparedExperiment, perStrategy: ReplicateResult[][], stoppedEarly: boolean, trace?: Trace): ExperimentResult {
  const exp = prep.experiment;
  const strategies = prep.strategies.map((ps, s) => summarizeStrategy(ps.strategy.label || String.fromCharCode(65 + s), ps.audienceSize, perStrategy[s]));
  const out: ExperimentResult = {
    seed: exp.run.seed,
    replicates: perStrategy[0].length,
    requested: exp.replicates,
    stoppedEarly,
    audienceSize: prep.strategies[0].audienceSize,
    users: prep.pop.n,
    horizons: strategies[0].horizons,
    strategies,
  };
  if (perStrategy.length > 1) out.difference = difference(perStrategy[0], perStrategy[1]);
  if (trace) out.trace = trace;
  return out;
}

/** How many replicates to keep: the first batch boundary where the rule holds, else all. */
export function stopPoint(perStrategy: ReplicateResult[][], requested: number, width: number): number {
  for (let n = STOP_BATCH; n < requested; n += STOP_BATCH) {
    if (perStrategy.some((r) => r.length < n)) return Math.min(...perStrategy.map((r) => r.length));
    if (narrowEnough(perStrategy.map((r) => r.slice(0, n)), width)) return n;
  }
  return requested;
}

/** Run the experiment in this thread (the CLI, tests; the app uses a pool of workers). */
export function runExperiment(prep: PreparedExperiment, onProgress?: Progress): ExperimentResult {
  const exp = prep.experiment;
  const S = prep.strategies.length;
  const per: ReplicateResult[][] = prep.strategies.map(() => []);
  let trace: Trace | undefined;
  let stopped = false;
  for (let r = 0; r < exp.replicates; r++) {
    for (let s = 0; s < S; s++) {
      const res = runReplicate(prep, s, r, r === 0 && s === 0);
      if (res.trace) {
        trace = res.trace;
        delete res.trace;
      }
      per[s].push(res);
    }
    onProgress?.((r + 1) * S, exp.replicates * S);
    if ((r + 1) % STOP_BATCH === 0 && r + 1 < exp.replicates && narrowEnough(per, exp.stopWidth)) {
      stopped = true;
      break;
    }
  }
  return assembleResult(prep, per, stopped, trace);
}
