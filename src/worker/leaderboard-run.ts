/**
 * Runs a leaderboard request in-process (the worker calls this; tests and the view's
 * fallback can too): loads the built-in catalog and personas, then `runLeaderboard`.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { runJudgeBatch } from '../core/eval/judge-batch';
import { BENCHMARK, benchmarkRun, runLeaderboard, type LeaderboardProgress } from '../core/eval/leaderboard';
import { recommenders } from '../core/recommenders/registry';
import { simulators } from '../core/simulator/registry';
import { canonicalTrajectory } from '../core/run/canonical';
import { parseRunDescription } from '../core/run/description';
import type { JudgedOutcome, LeaderboardRequest, LeaderboardRunResult } from './leaderboard-protocol';

/** Run the benchmark of `request`; rejects with an AbortError when `signal` is set between stages. */
export async function runLeaderboardRequest(
  request: LeaderboardRequest,
  opts: { onProgress?: (p: LeaderboardProgress) => void; signal?: { readonly aborted: boolean } } = {},
): Promise<LeaderboardRunResult> {
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(BENCHMARK.catalogId), loadBuiltinPersonas()]);
  const bases = request.bases?.length ? request.bases : recommenders.names();
  const settings: Record<string, number> = {};
  for (const k of ['users', 'seed', 'listSize', 'maxTurns'] as const) if (request[k] !== undefined) settings[k] = request[k]!;
  if (request.run) {
    const d = parseRunDescription(request.run);
    if (d.users.kind === 'population') settings.users = d.users.size;
    Object.assign(settings, { seed: d.seed, listSize: d.listSize, maxTurns: d.turns });
  }
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
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(BENCHMARK.catalogId), loadBuiltinPersonas()]);
  const bases = request.bases?.length ? request.bases : recommenders.names();
  const seed = request.seed ?? BENCHMARK.seed;
  const r = await runJudgeBatch({
    world: { catalog, users: personas, personas },
    run: benchmarkRun({
      catalogId: BENCHMARK.catalogId,
      users: request.users ?? BENCHMARK.users,
      seed,
      listSize: request.listSize ?? BENCHMARK.listSize,
      maxTurns: request.maxTurns ?? BENCHMARK.maxTurns,
      instructionsEnabled: true,
    }),
    simulator: simulators.get(BENCHMARK.simulator).create(),
    recommenders: bases.flatMap((b) => [b, `${b}+follow`]),
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  if (opts.signal?.aborted) throw Object.assign(new Error('Judging cancelled'), { name: 'AbortError' });
  return { judge: r.judge, rows: r.rows, jsonl: r.jsonl };
}
