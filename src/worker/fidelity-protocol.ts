/**
 * The fidelity worker's API (typed RPC, rpc.ts): run the fidelity protocol
 * (src/core/eval/fidelity-protocol.ts) on an imported MovieLens dataset in the background.
 */
import type { FidelityReport } from '../core/eval/fidelity-protocol';
import type { SessionStats } from '../core/eval/fidelity-sessions';
import type { Catalog, UserProfile } from '../core/types';
import type { ItemFactors } from '../core/simulator/movie-als';
import type { FoldInOptions, ItemContent, ResponseWeights } from '../core/simulator/movie-response';
import type { RatingLog } from '../core/simulator/rating-log';
import type { Method } from './rpc';

export interface FidelityRequest {
  catalog: Catalog;
  users: UserProfile[];
  seed: number;
  seeds: number;
  /** Cap on qualifying users (seeded sample); undefined = all. */
  maxUsers?: number;
  bootstrap: number;
  /**
   * Judge with an LLM behind an OpenAI-compatible endpoint instead of the rule-based
   * simulator and its response model (each user's history summarised in the prompt, as
   * the CLI's `--simulator llm`). Slow: the view caps the users.
   */
  llm?: FidelityLlm;
}

/** Users an LLM run judges when no cap is given (each judges about 100 movies, one call each). */
export const LLM_DEFAULT_USERS = 20;

/** An OpenAI-compatible endpoint for the LLM simulator. */
export interface FidelityLlm {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutSec: number;
}

export interface FidelityProgress {
  stage: string;
  done: number;
  total: number;
}

/** A fitted response model as plain data (rebuilt with `new MovieResponseModel(...)` on the page). */
export interface FittedModelParts {
  log: RatingLog;
  content: ItemContent;
  checkpoints: ItemFactors[];
  weights: ResponseWeights;
  foldIn: FoldInOptions;
}

/** Real users' MovieLens sessions under the fitted model, per recommender (as the CLI's `sessions.responseModel`). */
export interface FidelitySessions {
  users: number;
  stats: Record<string, SessionStats>;
}

/** What the view shows: the protocol's report and the sessions (absent when cancelled before them); for an LLM run, which model judged where (credentials hidden). */
export type FidelityViewReport = FidelityReport & { sessions?: FidelitySessions; llm?: { model: string; baseUrl: string } };

export type FidelityApi = {
  run: Method<FidelityRequest, FidelityViewReport, FidelityProgress>;
  /** Fit the response model (default weights) on a dataset, off the page's thread. */
  fit: Method<{ catalog: Catalog; users: UserProfile[]; seed: number }, FittedModelParts>;
};
