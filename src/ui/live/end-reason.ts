/**
 * End reasons in words for people (the stored codes, e.g. `turn_limit`, are for files
 * and filters), and the note shown when an instruction came on the last allowed turn.
 */
import type { EndReason, Trajectory } from '../../core/types';

const TEXT: Record<EndReason, string> = {
  left_silent: 'the user left without saying what they wanted',
  time_up: 'the user ran out of time and left content',
  turn_limit: 'the turn limit was reached',
  no_instructions: 'instructions are off, so the session ends after one list',
  catalog_exhausted: 'the recommender had nothing new to show',
  stopped: 'the session was stopped',
  error: 'an error stopped the session',
};

/** "the turn limit was reached" for `turn_limit`; unknown codes are shown with spaces. */
export function endReasonText(reason: string): string {
  return TEXT[reason as EndReason] ?? reason.replace(/_/g, ' ');
}

/**
 * When the user's last words went unanswered because the run ended at the turn limit:
 * the instruction, so the feed can say the recommender would have answered it next.
 */
export function unansweredInstruction(t: Trajectory): string | null {
  if (t.endReason !== 'turn_limit') return null;
  const last = t.turns[t.turns.length - 1];
  return last?.reflection?.instruction?.text ?? null;
}
