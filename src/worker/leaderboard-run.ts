/**
 * Runs a leaderboard request in-process (the worker calls this; tests and the view's
 * fallback can too): loads the benchmark's built-in catalog and personas, or the imported
 * dataset the request carries (its users in place of the personas, its response model
 * fitted as every entry point fits it: dataset.ts), then `runLeaderboard`.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { runJudgeBatch } from '../core/eval/judge-batch';
import { BENCHMARK, benchmarkRun, runLeaderboard, type BenchmarkSettings, type LeaderboardProgress } from '../core/eval/leaderboard';
import { recommenders } from '../core/recommenders/registry';
import { simulators } from '../core/simulator/registry';
import { canonicalTrajectory } from '../core/run/canonical';
import { parseRunDescription } from '../core/run/description';
import type { Catalog, UserProfile } from '../core/types';
import { resolveRunWorld } from './dataset';
import type { JudgedOutcome, LeaderboardRequest, LeaderboardRunResult } from './leaderboard-protocol';

/**
 * The benchmark's world: the built-in catalog and personas, or (when the request's run names
 * another catalog) the dataset it carries, whose users stand in for the personas: the first
 * N are the population (as Batch and the CLI), all of them the training data.
 */
async function benchmarkWorld(request: LeaderboardRequest, onFitting?: () => void): Promise<{ catalog: Catalog; personas: UserProfile[]; dataset: boolean }> {
  const catalogId = request.run?.catalog ?? BENCHMARK.catalogId;
  if (catalogId === BENCHMARK.catalogId && !request.dataset) {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(BENCHMARK.catalogId), loadBuiltinPersonas()]);
    return { catalog, personas, dataset: false };
  }
  const w = await resolveRunWorld(catalogId, request.dataset, () => onFitting?.());
  if (w.personas) throw new Error(`The leaderboard's benchmark runs on "${BENCHMARK.catalogId}" or an imported dataset; got "${catalogId}"`);
  return { catalog: w.catalog, personas: [...w.users], dataset: true };
}

/** The request's overrides of the benchmark's users / seed / list size / turns; its run description's win. */
function requestSettings(request: LeaderboardRequest): Partial<Pick<BenchmarkSettings, 'users' | 'seed' | 'listSize' | 'maxTurns'>> {
  const out: Partial<Pick<BenchmarkSettings, 'users' | 'seed' | 'listSize' | 'maxTurns'>> = {};
  for (const k of ['users', 'seed', 'listSize', 'maxTurns'] as const) if (request[k] !== undefined) out[k] = request[k]!;
  if (request.run) {
    const d = parseRunDescription(request.run);
    if (d.users.kind === 'population') out.users = d.users.size;
    Object.assign(out, { seed: d.seed, listSize: d.listSize, maxTurns: d.turns });
  }
  return out;
}

/** A population larger than a dataset's users is an error (as in Batch and the CLI), not variants of real users. */
function checkUsers(n: number, world: { personas: UserProfile[]; dataset: boolean }): void {
  if (world.dataset && n > world.personas.length) throw new Error(`users: ${n} users asked, the dataset has only ${world.personas.length}`);
}

/** Run the benchmark of `request`; rejects with an AbortError when `signal` is set between stages. */
export async function runLeaderboardRequest(
  request: LeaderboardRequest,
  opts: { onProgress?: (p: LeaderboardProgress) => void; signal?: { readonly aborted: boolean } } = {},
): Promise<LeaderboardRunResult> {
  const world = await benchmarkWorld(request, () => opts.onProgress?.({ stage: 'response-model', done: 0, total: 1, recommender: '' }));
  const { catalog, personas } = world;
  const bases = request.bases?.length ? request.bases : recommenders.names();
  const settings: Partial<BenchmarkSettings> = { ...(world.dataset ? { catalogId: catalog.id, dataset: true } : {}), ...requestSettings(request) };
  checkUsers(settings.users ?? BENCHMARK.users, world);
  const canonical: Record<string, string[]> = {};
  const result = await runLeaderboard(
    {
      catalog,
      personas,
      bases,
      simulator: simulators.get(BENCHMARK.simulator).create(),
      settings,
      signal: opts.signal,
      onTrajectory: request.canonical ? (t, name) => (canonical[name] ??= []).push(canonicalTrajectory(t)) : undefined,
    },
    opts.onProgress,
  );
  return request.canonical ? { ...result, canonical } : result;
}

/**
 * The benchmark's sessions (same users, seeds and settings), each judged by the rule-based
 * judge; the passing ones as JSONL for training.
 */
export async function runJudgeRequest(
  request: LeaderboardRequest,
  opts: { onProgress?: (done: number, total: number, recommender: string) => void; signal?: { readonly aborted: boolean } } = {},
): Promise<JudgedOutcome> {
  const world = await benchmarkWorld(request);
  const { catalog, personas } = world;
  const bases = request.bases?.length ? request.bases : recommenders.names();
  const s = { ...BENCHMARK, ...requestSettings(request) };
  checkUsers(s.users, world);
  const r = await runJudgeBatch({
    world: world.dataset ? { catalog, users: personas } : { catalog, users: personas, personas },
    run: benchmarkRun({ catalogId: catalog.id, users: s.users, seed: s.seed, listSize: s.listSize, maxTurns: s.maxTurns, instructionsEnabled: true }),
    simulator: simulators.get(BENCHMARK.simulator).create(),
    recommenders: bases.flatMap((b) => [b, `${b}+follow`]),
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  if (opts.signal?.aborted) throw Object.assign(new Error('Judging cancelled'), { name: 'AbortError' });
  return { judge: r.judge, rows: r.rows, jsonl: r.jsonl };
}
