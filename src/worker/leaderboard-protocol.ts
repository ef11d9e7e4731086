/**
 * The typed API of the leaderboard worker (served with rpc.ts in leaderboard.worker.ts):
 *
 *   run(LeaderboardRequest)   -> LeaderboardResult, progress: LeaderboardProgress
 *   judge(LeaderboardRequest) -> JudgedOutcome,     progress: JudgeProgress
 */
import type { JudgeBatchSummary } from '../core/eval/judge-batch';
import type { LeaderboardProgress, LeaderboardResult } from '../core/eval/leaderboard';
import type { RunDescription, RunDescriptionInput } from '../core/run/description';
import type { DatasetPayload } from './dataset';
import type { Method } from './rpc';

/** What to run: the fixed benchmark (BENCHMARK) unless a smaller one is asked for. */
export interface LeaderboardRequest {
  /** Base recommender names (default: all registered). */
  bases?: string[];
  /** Overrides of BENCHMARK's users / seed / listSize / maxTurns (tests, quick looks). */
  users?: number;
  seed?: number;
  listSize?: number;
  maxTurns?: number;
  /**
   * The benchmark's settings as a run description (population size, seed, list size,
   * turns); its fields override the ones above. Recommender, user edits and context
   * overrides do not apply: the benchmark runs every base on its own population.
   */
  run?: RunDescriptionInput | RunDescription;
  /**
   * The imported dataset `run.catalog` names (MovieLens: catalog and users, within
   * DATASET_LIMITS): the benchmark runs on it, its users in place of the personas, with the
   * response model every entry point fits (dataset.ts).
   */
  dataset?: DatasetPayload;
  /** Also return each session's decisions as canonical JSON, by recommender (comparing entry points). */
  canonical?: boolean;
}

/** A leaderboard result, with the sessions' canonical decisions when the request asked for them. */
export type LeaderboardRunResult = LeaderboardResult & { canonical?: Record<string, string[]> };

/** The benchmark's sessions judged by the rule-based judge; the passing ones as JSONL. */
export interface JudgedOutcome {
  judge: string;
  rows: JudgeBatchSummary[];
  jsonl: string;
}

/** Progress of judging: recommenders done of total. */
export interface JudgeProgress {
  done: number;
  total: number;
  recommender: string;
}

/** The leaderboard worker's API. */
export type LeaderboardApi = {
  run: Method<LeaderboardRequest, LeaderboardRunResult, LeaderboardProgress>;
  judge: Method<LeaderboardRequest, JudgedOutcome, JudgeProgress>;
};

export type { LeaderboardProgress, LeaderboardResult };
