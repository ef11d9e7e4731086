/**
 * Per-session rewards and counts (types.ts `SessionMetrics`), computed from the turns
 * of a trajectory. The environment fills `Trajectory.metrics` with these at the end of
 * a session; the CLI, the batch view and the leaderboard read them.
 */
import type { ActionType, EndReason, ItemDecision, SessionMetrics, Turn } from '../types';
import { ACTION_TYPES } from '../types';
import { llmFallbackStats } from '../llm/fallback-share';

/**
 * Seconds a user spends on an item they do not watch (a glance at the thumbnail or the
 * headline before skipping). Used for the session clock and `sessionSec`.
 */
export const GLANCE_SEC = 2;

/** Seconds one decision took on the session clock: the watch time, at least a glance. */
export function itemSeconds(d: Pick<ItemDecision, 'watchSec'>): number {
  const w = Number.isFinite(d.watchSec) ? d.watchSec : 0;
  return Math.max(w, GLANCE_SEC);
}

/** A count of zero for every action name (all seven keys present, in the paper's order). */
export function emptyActionCounts(): Record<ActionType, number> {
  const counts = {} as Record<ActionType, number>;
  for (const a of ACTION_TYPES) counts[a] = 0;
  return counts;
}

/** The retention signal for the session, from the simulator's return model. */
export interface ReturnEstimate {
  /** Probability in [0, 1] that the user comes back for another session. */
  returnProbability: number;
  /** Expected hours until the next session. */
  returnAfterHours: number;
}

/**
 * Metrics of one session.
 *
 * - `watchSec`: total seconds watched (sum of `watchSec` over all decisions);
 * - `itemsViewed`: items the user went through (one per decision, skipped ones included;
 *   items after the one the user left on were never seen and do not count);
 * - `actions`: how many times each action was taken (a decision ['watch', 'like'] counts
 *   one watch and one like);
 * - `turns`: lists shown; `instructions`: reflections that carried an instruction;
 * - `sessionSec`: the session clock, watch time plus `GLANCE_SEC` per unwatched item;
 * - `returnProbability` / `returnAfterHours`: from `retention` (0 when not given).
 */
export function sessionMetrics(turns: readonly Turn[], endReason: EndReason, retention?: ReturnEstimate): SessionMetrics {
  const actions = emptyActionCounts();
  let watchSec = 0;
  let itemsViewed = 0;
  let sessionSec = 0;
  let instructions = 0;
  for (const turn of turns) {
    for (const d of turn.decisions) {
      itemsViewed++;
      if (Number.isFinite(d.watchSec)) watchSec += d.watchSec;
      sessionSec += itemSeconds(d);
      for (const a of d.actions) if (a in actions) actions[a]++;
    }
    if (turn.reflection?.instruction) instructions++;
  }
  return {
    watchSec,
    itemsViewed,
    actions,
    turns: turns.length,
    instructions,
    endReason,
    sessionSec,
    returnProbability: retention?.returnProbability ?? 0,
    returnAfterHours: retention?.returnAfterHours ?? 0,
    ...llmFallbackMetric(turns),
  };
}

/** `{ llmFallback }` for sessions of an LLM simulator, `{}` otherwise (rule-based metrics stay unchanged). */
function llmFallbackMetric(turns: readonly Turn[]): Pick<SessionMetrics, 'llmFallback'> {
  const stats = llmFallbackStats(turns.flatMap((t) => t.decisions));
  return stats ? { llmFallback: stats } : {};
}
