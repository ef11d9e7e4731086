/**
 * The fidelity worker's API (typed RPC, rpc.ts): run the fidelity protocol
 * (src/core/eval/fidelity-protocol.ts) on an imported MovieLens dataset in the background.
 */
import type { FidelityReport } from '../core/eval/fidelity-protocol';
import type { Catalog, UserProfile } from '../core/types';
import type { Method } from './rpc';

export interface FidelityRequest {
  catalog: Catalog;
  users: UserProfile[];
  seed: number;
  seeds: number;
  /** Cap on qualifying users (seeded sample); undefined = all. */
  maxUsers?: number;
  bootstrap: number;
}

export interface FidelityProgress {
  stage: string;
  done: number;
  total: number;
}

export type FidelityApi = { run: Method<FidelityRequest, FidelityReport, FidelityProgress> };
