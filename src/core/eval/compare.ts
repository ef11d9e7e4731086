/**
 * Traditional versus agentic: the same seeded users against each base recommender with
 * and without the instruction-following wrapper. Reports watch time, turns, items viewed,
 * retention (the simulator's return probability) and instructions, as means with 95%
 * confidence intervals, plus the simulated user's own verdict on each instruction: did
 * satisfaction recover on the next list, and did the session go on.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { runBatch } from '../env/batch';
import { meanCI, type MeanCI } from '../metrics/summary';
import { createRecommender } from '../recommenders/agentic';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, Trajectory, UserProfile } from '../types';

export interface CompareConfig {
  catalog: Catalog;
  users: UserProfile[];
  /** Training users for `fit` (default: `users`). */
  trainingUsers?: UserProfile[];
  contextFor: (u: UserProfile) => Context;
  simulator: UserSimulator;
  /** Base recommender names; each runs plain and with "+follow". */
  bases: string[];
  seed: number;
  listSize: number;
  maxTurns: number;
  onProgress?: (done: number, total: number, recommender: string) => void;
}

/** The user's verdict on instructions (share of instructions followed by a recovery). */
export interface InstructionVerdict {
  instructions: number;
  /** Satisfaction at the end of the next list above the satisfaction when instructing. */
  recovered: number;
  /** The user went through at least 3 items of the next list, or did not leave on it. */
  wentOn: number;
}

export interface CompareRow {
  recommender: string;
  base: string;
  follows: boolean;
  sessions: number;
  watchSec: MeanCI;
  turns: MeanCI;
  itemsViewed: MeanCI;
  retention: MeanCI;
  instructions: MeanCI;
  verdict: InstructionVerdict;
}

export interface CompareResult {
  users: number;
  seed: number;
  rows: CompareRow[];
}

/** The user's verdict over the instructions in a set of trajectories. */
export function instructionVerdict(trajectories: Trajectory[]): InstructionVerdict {
  const v: InstructionVerdict = { instructions: 0, recovered: 0, wentOn: 0 };
  for (const t of trajectories) {
    for (let i = 0; i < t.turns.length; i++) {
      const turn = t.turns[i];
      if (!turn.reflection?.instruction) continue;
      v.instructions++;
      const next = t.turns[i + 1];
      if (!next || next.decisions.length === 0) continue;
      const at = turn.decisions[turn.decisions.length - 1]?.mindset.satisfaction ?? 0;
      const after = next.decisions[next.decisions.length - 1].mindset.satisfaction;
      if (after > at) v.recovered++;
      const leftOnNext = next.decisions.some((d) => d.actions.includes('leave'));
      if (next.decisions.length >= 3 || !leftOnNext) v.wentOn++;
    }
  }
  return v;
}

/** Run the comparison. Every recommender meets the same users with the same session seeds. */
export async function runCompare(cfg: CompareConfig): Promise<CompareResult> {
  const names = cfg.bases.flatMap((b) => [b, `${b}+follow`]);
  const index = buildCatalogIndex(cfg.catalog);
  const rows: CompareRow[] = [];
  let done = 0;
  for (const name of names) {
    const rec = createRecommender(name);
    const res = await runBatch({
      catalog: cfg.catalog,
      index,
      users: cfg.users,
      training: { catalog: cfg.catalog, users: cfg.trainingUsers ?? cfg.users },
      contextFor: cfg.contextFor,
      simulator: cfg.simulator,
      recommenders: [rec],
      seed: cfg.seed,
      listSize: cfg.listSize,
      maxTurns: cfg.maxTurns,
      instructionsEnabled: true,
      keepTrajectories: true,
    });
    const run = res.runs[0];
    const m = run.metrics;
    rows.push({
      recommender: name,
      base: name.replace(/\+follow$/, ''),
      follows: name.endsWith('+follow'),
      sessions: m.length,
      watchSec: meanCI(m.map((x) => x.watchSec)),
      turns: meanCI(m.map((x) => x.turns)),
      itemsViewed: meanCI(m.map((x) => x.itemsViewed)),
      retention: meanCI(m.map((x) => x.returnProbability)),
      instructions: meanCI(m.map((x) => x.instructions)),
      verdict: instructionVerdict(run.trajectories),
    });
    cfg.onProgress?.(++done, names.length, name);
  }
  return { users: cfg.users.length, seed: cfg.seed, rows };
}
