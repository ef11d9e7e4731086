/**
 * The typed API of the batch worker (served with rpc.ts: `serve<BatchApi>` in
 * batch.worker.ts, `connect<BatchApi>` in batch-client.ts). Plain data only.
 *
 *   run(BatchRequest) -> BatchOutcome, progress: BatchProgress; cancel stops after the current user.
 */
import type { BatchProgress as SessionsProgress } from '../core/env/batch';
import type { RunDescription, RunDescriptionInput } from '../core/run/description';
import type { EndReason } from '../core/types';
import type { MeanCI } from '../core/metrics/summary';
import type { DatasetPayload, WorldStage } from './dataset';
import type { Method } from './rpc';

/**
 * What to run: the run description (its users normally a population of N), once per chosen
 * recommender with the description's recommender replaced. Its catalog is a built-in one,
 * or an imported dataset that comes with the request (`dataset`).
 */
export interface BatchRequest {
  run: RunDescriptionInput | RunDescription;
  /**
   * The imported dataset the description's catalog names (MovieLens: catalog and users),
   * within DATASET_LIMITS; the worker fits the response model on it (dataset.ts).
   */
  dataset?: DatasetPayload;
  /** Recommender names, e.g. ['popular', 'content+follow']. */
  recommenders: string[];
  /** Also return each session's decisions as canonical JSON (comparing entry points). */
  canonical?: boolean;
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
  /** `canonicalTrajectory` of the session, when the request asked for it. */
  canonical?: string;
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

/** Progress of a batch: users done; `stage` while the world is prepared (before any session). */
export type BatchProgress = SessionsProgress & { stage?: WorldStage };

/** The batch worker's API. */
export type BatchApi = { run: Method<BatchRequest, BatchOutcome, BatchProgress> };

/** Options of a batch run, in-process or through the worker (same shape). */
export interface BatchRunOptions {
  onProgress?: (p: BatchProgress) => void;
  signal?: { readonly aborted: boolean };
}
