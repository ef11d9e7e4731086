/**
 * The creator lab's worker API: a worker prepares an experiment once (cached by its
 * canonical JSON) and runs batches of replicates of it; the page's pool (creator-pool.ts)
 * hands out batches and applies the early-stop rule in replicate order.
 */
import type { Method } from './rpc';
import type { ExperimentMeta, NetworkSample, ReplicateResult, Trace } from '../core/creator';

export interface ReplicatesRequest {
  /** The experiment as plain data (validated in the worker). */
  experiment: unknown;
  /** Replicates [from, to) of every strategy. */
  from: number;
  to: number;
  /** Also return replicate 0's trace and a network sample of this size (first batch only). */
  network?: number;
}

export interface ReplicatesResponse {
  meta: ExperimentMeta;
  /** Per strategy, replicates from..to-1 in order. */
  results: ReplicateResult[][];
  trace?: Trace;
  network?: NetworkSample;
}

export type CreatorApi = {
  /** Progress: replicates finished in this call (all strategies counted). */
  replicates: Method<ReplicatesRequest, ReplicatesResponse, number>;
};
