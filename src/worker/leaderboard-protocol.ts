/**
 * The typed boundary between the page and the leaderboard worker (same style as the
 * batch worker's protocol.ts): one discriminated union per direction, plain data.
 *
 *   page -> worker:  start | judge | cancel
 *   worker -> page:  progress | result | judged | error
 */
import type { JudgeBatchSummary } from '../core/eval/judge-batch';
import type { LeaderboardProgress, LeaderboardResult } from '../core/eval/leaderboard';

/** What to run: the fixed benchmark (BENCHMARK) unless a smaller one is asked for. */
export interface LeaderboardRequest {
  /** Base recommender names (default: all registered). */
  bases?: string[];
  /** Overrides of BENCHMARK's users / seed / listSize / maxTurns (tests, quick looks). */
  users?: number;
  seed?: number;
  listSize?: number;
  maxTurns?: number;
}

/** The benchmark's sessions judged by the rule-based judge; the passing ones as JSONL. */
export interface JudgedOutcome {
  judge: string;
  rows: JudgeBatchSummary[];
  jsonl: string;
}

/** Page -> worker. `judge` runs the benchmark's sessions and judges them (no leaderboard). */
export type ToLeaderboardWorker =
  | { type: 'start'; id: number; request: LeaderboardRequest }
  | { type: 'judge'; id: number; request: LeaderboardRequest }
  | { type: 'cancel'; id: number };

/** Worker -> page. `cancelled` marks the error of a run stopped by `cancel`. */
export type FromLeaderboardWorker =
  | { type: 'progress'; id: number; progress: LeaderboardProgress }
  | { type: 'result'; id: number; result: LeaderboardResult; elapsedMs: number }
  | { type: 'judged'; id: number; outcome: JudgedOutcome }
  | { type: 'judge-progress'; id: number; done: number; total: number; recommender: string }
  | { type: 'error'; id: number; message: string; cancelled: boolean };

export type { LeaderboardProgress, LeaderboardResult };
