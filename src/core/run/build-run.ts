/**
 * THE function that turns a run description into a run. Every entry point (Live, Compare,
 * Batch worker, leaderboard worker, the evaluation protocols, `npm run simulate`) resolves
 * the description's catalog and users to data, then calls `buildRun`, so they all:
 *   - pick the users the one way (one named user with its edits; or the personas first,
 *     then seeded population variants; a dataset: its first N users),
 *   - train on the same data (every known user of the world, never the sampled variants),
 *   - fit with the one fitting stream (`fitRng(seed, base name)`),
 *   - seed each user's sessions the one way (`userSeed(seed, user)`),
 *   - use the same context (the user's default with the description's overrides).
 * Pure: no I/O; the simulator of 'llm' and 'human' runs and the LLM planner come in as
 * options (they need an engine or a person).
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import type { BatchConfig } from '../env/batch';
import { userSeed } from '../env/batch';
import { fitRng } from '../env/fit-rng';
import type { RunConfig } from '../env/session-driver';
import { createRecommender } from '../recommenders/agentic';
import type { Planner } from '../recommenders/agentic/rule-planner';
import { isExternalName } from '../recommenders/remote/external';
import { simulators } from '../simulator/registry';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, Recommender, TrainingData, UserProfile } from '../types';
import { defaultContext } from '../users/context';
import { personasThenPopulation } from '../users/population';
import { recommenderNameOf, type RunDescription } from './description';
import { withFirstList } from './first-list';
import { applyContextOverrides, applyEdits } from './persona-edits';

/** The data a description's references resolve to (the entry point loads it). */
export interface RunWorld {
  catalog: Catalog;
  index?: CatalogIndex;
  /**
   * Every known user: the personas and imported users (the app), the personas (built-in
   * catalogs in the CLI and workers), or a dataset's users. A one-user run names one of
   * them; trainable recommenders learn from all of them.
   */
  users: readonly UserProfile[];
  /** Base of population variants (the built-in personas). Absent for a dataset: a population of N is its first N users. */
  personas?: readonly UserProfile[];
}

export interface BuildOptions {
  /** The simulator when the entry point supplies it; required for 'llm' and 'human'. */
  simulator?: UserSimulator;
  /** Factory options of the registered simulator that change what is recorded, never decisions (e.g. `{ snapshots: 'scalars' }`). */
  simulatorOptions?: Record<string, unknown>;
  /** The planner of the instruction-following recommender; required when the description's planner is 'llm'. */
  planner?: Planner;
  /** Skip `fit` (e.g. the recommender is fitted elsewhere); default false. */
  skipFit?: boolean;
  /**
   * Deadlines of an HTTP or module recommender's calls (`timeoutMs` per call, `fitTimeoutMs`
   * for fit; the CLI's --call-timeout / --fit-timeout): how long to wait, never what is
   * decided, so they are not part of the description. Ignored for built-ins.
   */
  remoteDeadlines?: { timeoutMs?: number; fitTimeoutMs?: number };
}

/** A run ready to go: hand `configFor(user)` to `runSession`, or `batchConfig()` to `runBatch`. */
export interface BuiltRun {
  description: RunDescription;
  catalog: Catalog;
  index: CatalogIndex;
  /** The users of the run, in order. */
  users: UserProfile[];
  /** What the recommender was fitted on. */
  training: TrainingData;
  /** Fitted (unless `skipFit`). */
  recommender: Recommender;
  simulator: UserSimulator;
  contextFor(user: UserProfile): Context;
  /** Seed of the user's first session. */
  seedFor(user: UserProfile): number;
  /** The first session of `user` (the Live view's run). */
  configFor(user: UserProfile): RunConfig;
  /** Every user's sessions, in order (the CLI, Batch, the leaderboard's sessions). */
  batchConfig(): BatchConfig;
}

/** A run that cannot be built from the description and the data (names the field). */
export class BuildRunError extends Error {
  override readonly name = 'BuildRunError';
}

/** The users of the run: the named one (edited), or the population. */
export function runUsers(d: Pick<RunDescription, 'users' | 'seed'>, world: Pick<RunWorld, 'users' | 'personas'>): UserProfile[] {
  if (d.users.kind === 'user') {
    const id = d.users.id;
    const base = world.users.find((u) => u.id === id);
    if (!base) {
      const known = world.users.slice(0, 5).map((u) => u.id).join(', ');
      throw new BuildRunError(`users.id: no user "${id}" in this catalog's users (${world.users.length}; e.g. ${known})`);
    }
    return [applyEdits(base, d.users.edits)];
  }
  const n = d.users.size;
  if (world.personas?.length) return personasThenPopulation(world.personas, n, d.seed);
  if (n > world.users.length) throw new BuildRunError(`users.size: ${n} users asked, the data has only ${world.users.length}`);
  return world.users.slice(0, n);
}

function makeSimulator(d: RunDescription, opts: BuildOptions): UserSimulator {
  if (opts.simulator) return opts.simulator;
  if (!simulators.has(d.simulator.name)) {
    throw new BuildRunError(`simulator.name: "${d.simulator.name}" needs an engine or a person that this entry point did not supply`);
  }
  return simulators.get(d.simulator.name).create({ ...d.simulator.params, ...opts.simulatorOptions });
}

function makeRecommender(d: RunDescription, catalog: Catalog, opts: BuildOptions): Recommender {
  if (d.recommender.follow && d.recommender.planner === 'llm' && !opts.planner) {
    throw new BuildRunError('recommender.planner: "llm" needs a chat engine; connect one, or choose the rule-based planner');
  }
  const params = opts.remoteDeadlines && isExternalName(d.recommender.name) ? { ...d.recommender.params, ...opts.remoteDeadlines } : d.recommender.params;
  const rec = createRecommender(recommenderNameOf(d), params, opts.planner ? { planner: opts.planner } : undefined);
  if (!d.firstList) return rec;
  const known = new Set(catalog.items.map((i) => i.id));
  const missing = d.firstList.filter((id) => !known.has(id));
  if (missing.length) throw new BuildRunError(`firstList: ${missing.length} item(s) not in catalog "${catalog.id}": ${missing.slice(0, 3).join(', ')}`);
  return withFirstList(rec, d.firstList);
}

/** Turn a validated description and its resolved data into a run (fits the recommender). */
export function buildRun(d: RunDescription, world: RunWorld, opts: BuildOptions = {}): BuiltRun {
  const catalog = world.catalog;
  const index = world.index ?? buildCatalogIndex(catalog);
  const users = runUsers(d, world);
  const training: TrainingData = { catalog, users: [...world.users] };
  const recommender = makeRecommender(d, catalog, opts);
  if (!opts.skipFit) recommender.fit?.(training, fitRng(d.seed, recommender.name));
  const simulator = makeSimulator(d, opts);
  const contextFor = (u: UserProfile) => applyContextOverrides(defaultContext(u), d.context);
  const seedFor = (u: UserProfile) => userSeed(d.seed, u);
  const base = {
    catalog,
    index,
    simulator,
    recommender,
    listSize: d.listSize,
    maxTurns: d.turns,
    instructionsEnabled: d.instructions,
    reward: d.reward,
  };
  return {
    description: d,
    catalog,
    index,
    users,
    training,
    recommender,
    simulator,
    contextFor,
    seedFor,
    configFor: (user) => ({ ...base, user, context: contextFor(user), seed: seedFor(user) }),
    batchConfig: () => ({
      ...base,
      users,
      contextFor,
      recommenders: [recommender],
      training: false,
      seed: d.seed,
      sessionsPerUser: d.sessions,
    }),
  };
}
