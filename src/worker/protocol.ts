/**
 * The typed boundary between the page and the batch worker: one discriminated union
 * per direction. Messages are plain data (structured-clone safe).
 *
 *   page -> worker:  start | cancel
 *   worker -> page:  progress | result | error
 */
import type { BatchProgress } from '../core/env/batch';
import type { EndReason } from '../core/types';
import type { MeanCI } from '../core/metrics/summary';

/** What to run: N users x the chosen recommenders, with the rule-based simulator. */
export interface BatchRequest {
  /** Built-in catalog id (default 'shortvideo'). */
  catalogId: string;
  /** Number of simulated users (seeded variants of the built-in personas). */
  users: number;
  /** Recommender names, e.g. ['popular', 'content+follow']. */
  recommenders: string[];
  seed: number;
  maxTurns: number;
  listSize: number;
  instructionsEnabled: boolean;
  /** Sessions per user (default 1). */
  sessionsPerUser?: number;
}

/** One finished session, reduced to what the results table and charts need. */
export interface BatchSessionRow {
  recommender: string;
  userId: string;
  watchSec: number;
  turns: number;
  itemsViewed: number;
  instructions: number;
  returnProbability: number;
  endReason: EndReason;
}

/** Per-recommender means with 95% confidence intervals. */
export interface BatchSummaryRow {
  recommender: string;
  sessions: number;
  watchSec: MeanCI;
  turns: MeanCI;
  itemsViewed: MeanCI;
  returnProbability: MeanCI;
  /** How sessions ended: end reason -> count. */
  endReasons: Partial<Record<EndReason, number>>;
  errors: number;
}

/** The result of a batch. */
export interface BatchOutcome {
  request: BatchRequest;
  rows: BatchSessionRow[];
  summary: BatchSummaryRow[];
  /** True when cancelled before the end (rows hold what finished). */
  stopped: boolean;
  /** Wall time in the worker, ms. */
  elapsedMs: number;
}

export type { BatchProgress };

/** Page -> worker. */
export type ToWorker = { type: 'start'; id: number; request: BatchRequest } | { type: 'cancel'; id: number };

/** Worker -> page. */
export type FromWorker =
  | { type: 'progress'; id: number; progress: BatchProgress }
  | { type: 'result'; id: number; outcome: BatchOutcome }
  | { type: 'error'; id: number; message: string };

/** Options of a batch run, in-process or through the worker (same shape). */
export interface BatchRunOptions {
  onProgress?: (p: BatchProgress) => void;
  signal?: { readonly aborted: boolean };
}
