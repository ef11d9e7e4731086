/**
 * Traditional versus agentic: the same seeded users against each base recommender with
 * and without the instruction-following wrapper. Reports watch time, turns, items viewed,
 * retention (the simulator's return probability) and instructions, as means with 95%
 * confidence intervals, plus the simulated user's own verdict on each instruction: did
 * satisfaction recover on the next list, and did the session go on.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { runBatch } from '../env/batch';
import { meanCI, NON_NEGATIVE, PROBABILITY, type MeanCI } from '../metrics/summary';
import { buildRun, type RunWorld } from '../run/build-run';
import type { RunDescription } from '../run/description';
import type { UserSimulator } from '../simulator/simulator';
import type { Trajectory } from '../types';

/**
 * A comparison is one run description run once per recommender: `buildRun` picks the
 * users, the training data, the fitting stream and the seeds exactly as for any run.
 */
export interface CompareConfig {
  /** What the description's references resolve to (catalog, known users, personas). */
  world: RunWorld;
  /** The run every recommender gets; its recommender is replaced by each base, plain and "+follow". */
  run: RunDescription;
  /** Base recommender names; each runs plain and with "+follow". */
  bases: string[];
  /** The simulator, when the caller supplies one (default: the description's, from the registry). */
  simulator?: UserSimulator;
  onProgress?: (done: number, total: number, recommender: string) => void;
  /** Every session, as it ends (e.g. to compare entry points' decisions). */
  onTrajectory?: (t: Trajectory, recommender: string) => void;
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
  const world = { ...cfg.world, index: cfg.world.index ?? buildCatalogIndex(cfg.world.catalog) };
  const rows: CompareRow[] = [];
  let users = 0;
  let done = 0;
  for (const name of names) {
    const follows = name.endsWith('+follow');
    const desc: RunDescription = { ...cfg.run, recommender: { ...cfg.run.recommender, name: follows ? name.slice(0, -'+follow'.length) : name, follow: follows, params: {} } };
    const built = buildRun(desc, world, { simulator: cfg.simulator });
    users = built.users.length;
    const res = await runBatch({
      ...built.batchConfig(),
      keepTrajectories: true,
      onTrajectory: cfg.onTrajectory ? (t) => cfg.onTrajectory!(t, name) : undefined,
    });
    const run = res.runs[0];
    const m = run.metrics;
    rows.push({
      recommender: name,
      base: name.replace(/\+follow$/, ''),
      follows: name.endsWith('+follow'),
      sessions: m.length,
      watchSec: meanCI(m.map((x) => x.watchSec), 0.95, NON_NEGATIVE),
      turns: meanCI(m.map((x) => x.turns), 0.95, NON_NEGATIVE),
      itemsViewed: meanCI(m.map((x) => x.itemsViewed), 0.95, NON_NEGATIVE),
      retention: meanCI(m.map((x) => x.returnProbability), 0.95, PROBABILITY),
      instructions: meanCI(m.map((x) => x.instructions), 0.95, NON_NEGATIVE),
      verdict: instructionVerdict(run.trajectories),
    });
    cfg.onProgress?.(++done, names.length, name);
  }
  return { users, seed: cfg.run.seed, rows };
}
