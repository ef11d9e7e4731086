/**
 * Runs a leaderboard request in-process (the worker calls this; tests and the view's
 * fallback can too): loads the built-in catalog and personas, then `runLeaderboard`.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { BENCHMARK, runLeaderboard, type LeaderboardProgress, type LeaderboardResult } from '../core/eval/leaderboard';
import { recommenders } from '../core/recommenders/registry';
import { simulators } from '../core/simulator/registry';
import type { LeaderboardRequest } from './leaderboard-protocol';

/** Run the benchmark of `request`; rejects with an AbortError when `signal` is set between stages. */
export async function runLeaderboardRequest(
  request: LeaderboardRequest,
  opts: { onProgress?: (p: LeaderboardProgress) => void; signal?: { readonly aborted: boolean } } = {},
): Promise<LeaderboardResult> {
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(BENCHMARK.catalogId), loadBuiltinPersonas()]);
  const bases = request.bases?.length ? request.bases : recommenders.names();
  const settings: Record<string, number> = {};
  for (const k of ['users', 'seed', 'listSize', 'maxTurns'] as const) if (request[k] !== undefined) settings[k] = request[k]!;
  return runLeaderboard(
    { catalog, personas, bases, simulator: simulators.get(BENCHMARK.simulator).create(), settings, signal: opts.signal },
    opts.onProgress,
  );
}
