/**
 * The leaderboard: every base recommender, plain and with instruction following, over one
 * fixed, stated benchmark (catalog, seeded users, settings). It composes the evaluation
 * protocols that already exist rather than re-implementing them:
 *   - `runCompare` for watch time, turns, items viewed, retention and the user's verdict,
 *   - `runInstructionSuite` for instruction compliance (the 64-case suite),
 *   - `offlineScore` for NDCG@10 / Recall@10 on held-out interactions,
 * plus intra-list diversity and catalogue coverage of each recommender's first list.
 * Pure and deterministic: the same config gives the same rows.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { firstObservation } from '../env/observation';
import { coverage, intraListDiversity } from '../metrics/offline';
import { createRecommender } from '../recommenders/agentic';
import { createRng } from '../rng';
import { parseRunDescription, type RunDescription } from '../run/description';
import type { AbortLike, UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, Item, Trajectory, UserProfile } from '../types';
import { defaultContext } from '../users/context';
import { personasThenPopulation } from '../users/population';
import { runCompare, type CompareRow } from './compare';
import { buildInstructionSuite, runInstructionSuite } from './instruction-suite';
import { offlineScore, quadrant } from './ndcg-retention';
import { fitRng } from '../env/fit-rng';

/** The fixed benchmark of the leaderboard (shown with the table; the CLI uses the same figures by default). */
export const BENCHMARK = {
  catalogId: 'shortvideo',
  /** Personas first, then seeded `samplePopulation` variants (as `npm run evaluate`). */
  users: 200,
  seed: 42,
  listSize: 6,
  maxTurns: 8,
  simulator: 'rule-based',
  instructionsEnabled: true,
  /** Cut-off of the offline metrics (NDCG@n, Recall@n). */
  offlineN: 10,
} as const;

/** One sentence describing a benchmark, for the view and exported tables. */
export function describeBenchmark(b: BenchmarkSettings = BENCHMARK): string {
  const who = b.dataset ? `the dataset's first ${b.users} users (its response model judging movies)` : `${b.users} seeded users (personas, then population variants)`;
  return (
    `Catalog "${b.catalogId}", ${who}, seed ${b.seed}, ` +
    `lists of ${b.listSize}, at most ${b.maxTurns} turns, ${b.simulator} simulator, instructions ${b.instructionsEnabled ? 'on' : 'off'}; ` +
    `instruction compliance on the 64-case suite; NDCG@${b.offlineN} and Recall@${b.offlineN} on the ${b.dataset ? "users'" : "personas'"} last 20% of history.`
  );
}

/** The settings of a benchmark (BENCHMARK, or a smaller one for tests). */
export interface BenchmarkSettings {
  catalogId: string;
  users: number;
  seed: number;
  listSize: number;
  maxTurns: number;
  simulator: string;
  instructionsEnabled: boolean;
  offlineN: number;
  /** An imported dataset (its users stand in for the personas); absent for the built-in benchmark. */
  dataset?: boolean;
}

export interface LeaderboardConfig {
  catalog: Catalog;
  /** The built-in personas (the instruction suite's users, offline training/held-out data). */
  personas: UserProfile[];
  /** Base recommender names; each runs plain and with "+follow". */
  bases: string[];
  simulator: UserSimulator;
  /** Settings (default BENCHMARK); `users`, `seed`, `listSize`, `maxTurns` are used. */
  settings?: Partial<BenchmarkSettings>;
  /** Checked between stages; a cancelled run rejects with an Error named 'AbortError'. */
  signal?: AbortLike;
  /** Every session of the sessions stage, as it ends (e.g. to compare entry points' decisions). */
  onTrajectory?: (t: Trajectory, recommender: string) => void;
}

/**
 * The run description of the benchmark's sessions (each recommender replaces its
 * recommender): a population of `users` on the benchmark's catalog, seed, list size and
 * turns, the benchmark's simulator, instructions on.
 */
export function benchmarkRun(s: Pick<BenchmarkSettings, 'catalogId' | 'users' | 'seed' | 'listSize' | 'maxTurns' | 'instructionsEnabled'>): RunDescription {
  return parseRunDescription({
    catalog: s.catalogId,
    users: { kind: 'population', size: s.users },
    seed: s.seed,
    listSize: s.listSize,
    turns: s.maxTurns,
    instructions: s.instructionsEnabled,
  });
}

/** Where a run is: the stage, steps done over all stages, and the recommender at hand. */
export interface LeaderboardProgress {
  /** 'response-model': an imported dataset's response model is being fitted (before the stages). */
  stage: 'response-model' | 'sessions' | 'instructions' | 'offline' | 'lists';
  done: number;
  total: number;
  recommender: string;
}

/** A compare row (watch time, turns, items, retention, instructions with CIs) plus the leaderboard's columns. */
export interface LeaderboardRow extends Omit<CompareRow, 'verdict'> {
  /** Share of the suite's cases passed. */
  compliance: number;
  compliancePassed: number;
  complianceCases: number;
  ndcg: number;
  recall: number;
  offlineUsers: number;
  /** Share of instructions after which satisfaction recovered on the next list (null: no instructions). */
  verdict: number | null;
  verdictInstructions: number;
  /** Mean intra-list diversity of the first list of each user (1 - mean pairwise topic/tag similarity). */
  diversity: number;
  /** Share of the catalog's items in at least one user's first list. */
  coverage: number;
  /** The paper's quadrant relative to the medians of this table. */
  quadrant: 'exploitation' | 'repetitive' | 'exploration' | 'weak';
}

export interface LeaderboardResult {
  benchmark: BenchmarkSettings;
  /** `describeBenchmark(benchmark)`. */
  description: string;
  bases: string[];
  rows: LeaderboardRow[];
  medians: { ndcg: number; retention: number };
}


/** Median (upper middle for even counts, as the CLI's ndcg-retention protocol). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}

function abortError(): Error {
  const e = new Error('Leaderboard run cancelled');
  e.name = 'AbortError';
  return e;
}

/**
 * Each user's first list (turn 0, no instruction) from a freshly fitted recommender:
 * mean intra-list diversity and catalogue coverage. Cheap next to the sessions.
 */
async function firstLists(name: string, cfg: LeaderboardConfig, users: UserProfile[], s: BenchmarkSettings, contextFor: (u: UserProfile) => Context) {
  const index = buildCatalogIndex(cfg.catalog);
  const rec = createRecommender(name);
  rec.fit?.({ catalog: cfg.catalog, users: cfg.personas }, fitRng(s.seed, name));
  const lists: string[][] = [];
  let ild = 0;
  for (const u of users) {
    const slate = await rec.recommend(
      firstObservation(u, contextFor(u)),
      s.listSize,
      createRng(s.seed).fork(`first:${u.id}`),
    );
    lists.push(slate.itemIds);
    ild += intraListDiversity(slate.itemIds.map((id) => index.byId.get(id)).filter((i): i is Item => i !== undefined));
  }
  return { diversity: users.length ? ild / users.length : 0, coverage: coverage(lists, cfg.catalog.items.length) };
}

/** Run the benchmark. `onProgress` is called after each recommender of each stage. */
export async function runLeaderboard(cfg: LeaderboardConfig, onProgress?: (p: LeaderboardProgress) => void): Promise<LeaderboardResult> {
  const s: BenchmarkSettings = { ...BENCHMARK, ...cfg.settings };
  // Each user's default context (the benchmark's run description has no overrides).
  const contextFor = defaultContext;
  const names = cfg.bases.flatMap((b) => [b, `${b}+follow`]);
  const total = names.length * 4;
  let done = 0;
  const step = (stage: LeaderboardProgress['stage'], recommender: string) => onProgress?.({ stage, done: ++done, total, recommender });
  const check = () => {
    if (cfg.signal?.aborted) throw abortError();
  };
  const users = personasThenPopulation(cfg.personas, s.users, s.seed);

  check();
  // The sessions: the benchmark's run description through buildRun, as every entry point.
  const cmp = await runCompare({
    world: { catalog: cfg.catalog, users: cfg.personas, personas: cfg.personas },
    run: benchmarkRun(s),
    simulator: cfg.simulator,
    bases: cfg.bases,
    onProgress: (_d, _t, name) => step('sessions', name),
    onTrajectory: cfg.onTrajectory,
  });

  const cases = buildInstructionSuite(cfg.catalog, cfg.personas);
  const suite = new Map<string, { compliance: number; passed: number; cases: number }>();
  for (const name of names) {
    check();
    const rec = createRecommender(name);
    rec.fit?.({ catalog: cfg.catalog, users: cfg.personas }, fitRng(s.seed, name));
    const r = await runInstructionSuite(rec, cases, cfg.catalog, cfg.personas, s.seed);
    suite.set(name, { compliance: r.compliance, passed: r.passed, cases: r.cases });
    step('instructions', name);
  }

  const offline = new Map<string, { ndcg: number; recall: number; users: number }>();
  for (const name of names) {
    check();
    offline.set(name, await offlineScore(name, cfg.catalog, cfg.personas, contextFor, s.offlineN, s.seed));
    step('offline', name);
  }

  const listStats = new Map<string, { diversity: number; coverage: number }>();
  for (const name of names) {
    check();
    listStats.set(name, await firstLists(name, cfg, users, s, contextFor));
    step('lists', name);
  }

  const partial = cmp.rows.map((r) => {
    const q = suite.get(r.recommender)!;
    const o = offline.get(r.recommender)!;
    const l = listStats.get(r.recommender)!;
    return {
      recommender: r.recommender,
      base: r.base,
      follows: r.follows,
      sessions: r.sessions,
      watchSec: r.watchSec,
      turns: r.turns,
      itemsViewed: r.itemsViewed,
      retention: r.retention,
      instructions: r.instructions,
      compliance: q.compliance,
      compliancePassed: q.passed,
      complianceCases: q.cases,
      ndcg: o.ndcg,
      recall: o.recall,
      offlineUsers: o.users,
      verdict: r.verdict.instructions ? r.verdict.recovered / r.verdict.instructions : null,
      verdictInstructions: r.verdict.instructions,
      diversity: l.diversity,
      coverage: l.coverage,
    };
  });
  const medians = { ndcg: median(partial.map((r) => r.ndcg)), retention: median(partial.map((r) => r.retention.mean)) };
  const rows: LeaderboardRow[] = partial.map((r) => ({ ...r, quadrant: quadrant(r.ndcg, r.retention.mean, medians.ndcg, medians.retention) }));
  return { benchmark: s, description: describeBenchmark(s), bases: [...cfg.bases], rows, medians };
}
