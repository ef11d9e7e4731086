/**
 * The batch itself, callable in-process (tests, CLI-like use) or from the worker: resolves
 * the catalog (a built-in one with the personas, or the imported dataset the request carries,
 * with its response model: dataset.ts), turns the request's run description into one run per
 * chosen recommender with `buildRun` (the same users, training data, fitting stream and
 * seeds as every other entry point), runs them and reduces the trajectories to rows and
 * per-recommender summaries (means with 95% CIs).
 */
import { buildCatalogIndex } from '../core/catalog/catalog-index';
import { runBatch } from '../core/env/batch';
import { meanCI, NON_NEGATIVE, PROBABILITY } from '../core/metrics/summary';
import { buildRun } from '../core/run/build-run';
import { canonicalTrajectory } from '../core/run/canonical';
import { parseRunDescription } from '../core/run/description';
import type { EndReason, SessionMetrics } from '../core/types';
import { resolveRunWorld, type WorldStage } from './dataset';
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

/** Whether `signal` is aborted, after a turn of the event loop (a worker reads a cancel message only then). */
async function cancelledNow(signal: BatchRunOptions['signal']): Promise<boolean> {
  if (!signal) return false;
  await new Promise((r) => setTimeout(r, 0));
  return signal.aborted;
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
      watchSec: meanCI(rs.map((r) => r.watchSec), 0.95, NON_NEGATIVE),
      turns: meanCI(rs.map((r) => r.turns), 0.95, NON_NEGATIVE),
      itemsViewed: meanCI(rs.map((r) => r.itemsViewed), 0.95, NON_NEGATIVE),
      returnProbability: meanCI(rs.map((r) => r.returnProbability), 0.95, PROBABILITY),
      endReasons,
      errors: errors[recommender] ?? 0,
    };
  });
}

/** Run a batch request in this thread. Same interface as the worker client's `run`. */
export async function runBatchRequest(req: BatchRequest, opts: BatchRunOptions = {}): Promise<BatchOutcome> {
  const t0 = performance.now();
  if (!req.recommenders.length) throw new Error('Choose at least one recommender.');
  // Validate every recommender's description before any work (a bad name fails at once).
  const runs = req.recommenders.map((name) => parseRunDescription({ ...req.run, recommender: { name, follow: name.endsWith('+follow'), planner: req.run.recommender?.planner ?? 'rules' } }));
  const first = runs[0];
  const total = runs.length * (first.users.kind === 'population' ? first.users.size : 1);
  const stage = (st: WorldStage) => opts.onProgress?.({ done: 0, total, recommender: '', userId: '', sessions: 0, stage: st });
  const resolved = await resolveRunWorld(first.catalog, req.dataset, stage);
  const stoppedEarly = (): BatchOutcome => ({ request: req, rows: [], summary: [], stopped: true, elapsedMs: performance.now() - t0 });
  // The response-model fit held this thread: a cancel posted meanwhile is read only on the
  // next task, so take one and look (it went on to fit recommenders and run users).
  if (await cancelledNow(opts.signal)) return stoppedEarly();
  const catalog = resolved.catalog;
  const world = { ...resolved, index: buildCatalogIndex(catalog) };
  const rows: BatchSessionRow[] = [];
  const errors: Record<string, number> = {};
  const pause = yielder(30);
  let stopped = false;
  let doneBefore = 0;
  let sessionsBefore = 0;
  for (let r = 0; r < runs.length && !stopped; r++) {
    // Each recommender's fit (in buildRun) can take seconds on a large dataset: not after a cancel.
    if (r > 0 && (await cancelledNow(opts.signal))) {
      stopped = true;
      break;
    }
    const name = req.recommenders[r];
    const built = buildRun(runs[r], world, { simulatorOptions: { snapshots: 'scalars' } });
    const total = built.users.length * runs.length;
    let sessions = 0;
    let done = 0;
    const result = await runBatch({
      ...built.batchConfig(),
      startedAt: catalog.now,
      signal: opts.signal,
      keepTrajectories: false,
      onTrajectory: (t) => {
        sessions++;
        rows.push({ ...row(name, t.userId, t.metrics), ...(req.canonical ? { canonical: canonicalTrajectory(t) } : {}) });
      },
      onProgress: (p) => {
        done = p.done;
        opts.onProgress?.({ ...p, recommender: name, done: doneBefore + p.done, total, sessions: sessionsBefore + p.sessions });
        return pause();
      },
    });
    doneBefore += done;
    sessionsBefore += sessions;
    errors[name] = result.runs[0]?.errors.length ?? 0;
    stopped = result.stopped;
  }
  return { request: req, rows, summary: summarize(rows, errors), stopped, elapsedMs: performance.now() - t0 };
}
