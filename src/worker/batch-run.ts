/**
 * The batch itself, callable in-process (tests, CLI-like use) or from the worker:
 * loads the built-in catalog and personas, samples N users, runs `runBatch` with the
 * rule-based simulator and reduces the trajectories to rows and per-recommender
 * summaries (means with 95% CIs).
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { runBatch } from '../core/env/batch';
import { meanCI } from '../core/metrics/summary';
import { createRecommender } from '../core/recommenders/agentic';
import { createRng } from '../core/rng';
import { simulators } from '../core/simulator/registry';
import type { EndReason, SessionMetrics } from '../core/types';
import { defaultContext } from '../core/users/context';
import { samplePopulation } from '../core/users/population';
import type { BatchOutcome, BatchRequest, BatchRunOptions, BatchSessionRow, BatchSummaryRow } from './protocol';

/** Let the event loop run (a worker's cancel message, a page's paint) every `everyMs`. */
function yielder(everyMs: number): () => Promise<void> | void {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    return new Promise((r) => setTimeout(r, 0));
  };
}

function row(recommender: string, userId: string, m: SessionMetrics): BatchSessionRow {
  return {
    recommender,
    userId,
    watchSec: m.watchSec,
    turns: m.turns,
    itemsViewed: m.itemsViewed,
    instructions: m.instructions,
    returnProbability: m.returnProbability,
    endReason: m.endReason,
  };
}

/** Per-recommender summary of rows (in the order recommenders first appear). */
export function summarize(rows: BatchSessionRow[], errors: Record<string, number> = {}): BatchSummaryRow[] {
  const by = new Map<string, BatchSessionRow[]>();
  for (const r of rows) {
    const list = by.get(r.recommender) ?? [];
    list.push(r);
    by.set(r.recommender, list);
  }
  return [...by].map(([recommender, rs]) => {
    const endReasons: Partial<Record<EndReason, number>> = {};
    for (const r of rs) endReasons[r.endReason] = (endReasons[r.endReason] ?? 0) + 1;
    return {
      recommender,
      sessions: rs.length,
      watchSec: meanCI(rs.map((r) => r.watchSec)),
      turns: meanCI(rs.map((r) => r.turns)),
      itemsViewed: meanCI(rs.map((r) => r.itemsViewed)),
      returnProbability: meanCI(rs.map((r) => r.returnProbability)),
      endReasons,
      errors: errors[recommender] ?? 0,
    };
  });
}

/** Run a batch request in this thread. Same interface as the worker client's `run`. */
export async function runBatchRequest(req: BatchRequest, opts: BatchRunOptions = {}): Promise<BatchOutcome> {
  const t0 = performance.now();
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(req.catalogId || undefined), loadBuiltinPersonas()]);
  const users = samplePopulation(personas, req.users, createRng(req.seed).fork('population'));
  const simulator = simulators.get('rule-based').create({ snapshots: 'scalars' });
  const recs = req.recommenders.map((name) => createRecommender(name));
  const rows: BatchSessionRow[] = [];
  const pause = yielder(30);
  const result = await runBatch({
    catalog,
    users,
    contextFor: defaultContext,
    simulator,
    recommenders: recs,
    seed: req.seed,
    listSize: req.listSize,
    maxTurns: req.maxTurns,
    instructionsEnabled: req.instructionsEnabled,
    sessionsPerUser: req.sessionsPerUser ?? 1,
    startedAt: catalog.now,
    signal: opts.signal,
    keepTrajectories: false,
    onTrajectory: (t, where) => {
      rows.push(row(req.recommenders[req.recommenders.indexOf(where.recommender)] ?? where.recommender, t.userId, t.metrics));
    },
    onProgress: (p) => {
      opts.onProgress?.(p);
      return pause();
    },
  });
  const errors: Record<string, number> = {};
  for (const r of result.runs) errors[r.recommender] = r.errors.length;
  return { request: req, rows, summary: summarize(rows, errors), stopped: result.stopped, elapsedMs: performance.now() - t0 };
}
