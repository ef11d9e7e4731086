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

/** What summarising needs to know about a prepared experiment (plain data: crosses worker boundaries). */
export interface ExperimentMeta {
  seed: number;
  requested: number;
  stopWidth: number;
  users: number;
  strategies: { label: string; audienceSize: number }[];
}

/** The meta of a prepared experiment. */
export function experimentMeta(prep: PreparedExperiment): ExperimentMeta {
  const exp = prep.experiment;
  return {
    seed: exp.run.seed,
    requested: exp.replicates,
    stopWidth: exp.stopWidth,
    users: prep.pop.n,
    strategies: prep.strategies.map((ps, s) => ({ label: ps.strategy.label || String.fromCharCode(65 + s), audienceSize: ps.audienceSize })),
  };
}

/** Summarise the replicates of each strategy into the result. */
export function assembleResult(meta: ExperimentMeta, perStrategy: ReplicateResult[][], stoppedEarly: boolean, trace?: Trace): ExperimentResult {
  const strategies = meta.strategies.map((ms, s) => summarizeStrategy(ms.label, ms.audienceSize, perStrategy[s]));
  const out: ExperimentResult = {
    seed: meta.seed,
    replicates: perStrategy[0].length,
    requested: meta.requested,
    stoppedEarly,
    audienceSize: meta.strategies[0].audienceSize,
    users: meta.users,
    horizons: strategies[0].horizons,
    strategies,
  };
  if (perStrategy.length > 1) out.difference = difference(perStrategy[0], perStrategy[1]);
  if (trace) out.trace = trace;
  return out;
}

/**
 * Where to stop, given the first replicates of each strategy (in replicate order): the first
 * batch boundary below `requested` where the rule holds, `requested` when all are in, or null
 * (keep going). Depends only on results, so a pool of workers stops where `runExperiment` does.
 */
export function stopPoint(perStrategy: readonly ReplicateResult[][], requested: number, width: number): number | null {
  const have = Math.min(...perStrategy.map((r) => r.length));
  for (let n = STOP_BATCH; n < requested && n <= have; n += STOP_BATCH) {
    if (narrowEnough(perStrategy.map((r) => r.slice(0, n)), width)) return n;
  }
  return have >= requested ? requested : null;
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
  return assembleResult(experimentMeta(prep), per, stopped, trace);
}
