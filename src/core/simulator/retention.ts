/**
 * The retention signal (paper §3: maximise session length, minimise the interval between
 * sessions): whether and when the user comes back, from how the last sessions went.
 *
 * Each session gets a quality in [0, 1] from its final satisfaction, its length, how much was
 * watched and how it ended (leaving content when time ran out is good; leaving silently
 * after reflecting is bad). The last three sessions are blended (most recent weighs most),
 * and the blended quality maps to a return probability and hours until the next session.
 */
import type { EndReason, SessionSummary } from '../types';

/** What `returnModel` predicts. */
export interface ReturnPrediction {
  /** Probability the user opens the app again, in [0.02, 0.98]. */
  returnProbability: number;
  /** Expected hours until the next session (shorter after good sessions), in [2, 72]. */
  returnAfterHours: number;
}

/** Contribution of how a session ended. */
const END_BONUS: Record<EndReason, number> = {
  time_up: 0.15,
  turn_limit: 0.05,
  no_instructions: 0,
  catalog_exhausted: -0.05,
  stopped: 0,
  left_silent: -0.2,
  error: -0.1,
};

/** Quality of one session in [0, 1]. */
export function sessionQuality(s: SessionSummary): number {
  const lengthScore = 1 - Math.exp(-Math.max(0, s.durationSec) / 600);
  const watchShare = s.durationSec > 0 ? Math.min(1, s.watchSec / s.durationSec) : 0;
  const q = 0.5 * s.finalSatisfaction + 0.25 * lengthScore + 0.15 * watchShare + (END_BONUS[s.endReason] ?? 0) + 0.05;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/** Return probability and interval from the user's session-wise memory (oldest first). */
export function returnModel(sessions: readonly SessionSummary[]): ReturnPrediction {
  if (sessions.length === 0) return { returnProbability: 0.5, returnAfterHours: 24 };
  const weights = [0.6, 0.3, 0.1];
  let q = 0;
  let wsum = 0;
  for (let k = 0; k < Math.min(3, sessions.length); k++) {
    const w = weights[k];
    q += w * sessionQuality(sessions[sessions.length - 1 - k]);
    wsum += w;
  }
  q /= wsum;
  const returnProbability = Math.min(0.98, Math.max(0.02, 0.15 + 0.8 * q));
  const returnAfterHours = Math.min(72, Math.max(2, 2 + 70 * Math.pow(1 - q, 1.5)));
  return {
    returnProbability: Math.round(returnProbability * 1000) / 1000,
    returnAfterHours: Math.round(returnAfterHours * 10) / 10,
  };
}
