/**
 * The typed API of the training worker (served with src/worker/rpc.ts). Plain data only.
 *
 *   start(TrainStart) -> TrainChunk     a fresh trainer (the episode-0 evaluation)
 *   run({episodes})   -> TrainChunk     train that many more episodes; progress per point
 */
import type { CurvePoint } from '../../core/rl/train';
import type { Objective } from '../../core/rl/objective';
import type { Method } from '../../worker/rpc';

export interface TrainStart {
  seed: number;
  objective: Objective;
  /** Held-out users evaluated at each curve point (fewer is faster). */
  evalUsers: number;
  /** Episodes between curve points. */
  evalEvery: number;
  /** Starting weights (a saved or imported policy); zeros when absent. */
  theta?: number[];
}

/** A curve point with the policy's offline NDCG@10 (the personas' held-out 20%). */
export type TrainPoint = CurvePoint & { ndcg: number };

/** A baseline on the NDCG-versus-retention chart (same held-out users, same seeds). */
export interface BaselinePoint {
  name: string;
  ndcg: number;
  retention: number;
}

export interface TrainChunk {
  episode: number;
  /** New curve points since the last call. */
  points: TrainPoint[];
  theta: number[];
  /** `start` only: popular, random and linucb on the same chart. */
  baselines?: BaselinePoint[];
}

export type TrainApi = {
  start: Method<TrainStart, TrainChunk>;
  run: Method<{ episodes: number }, TrainChunk, TrainPoint>;
};
