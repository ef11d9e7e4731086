/**
 * The numeric side of the LLM user's mindset. The model states its satisfaction and its
 * interest in the item; time, boredom, evolving interests and per-topic fatigue follow from
 * what it did, so charts and metrics read the same `Mindset` shape as for the rule-based user.
 */
import type { ItemDecision, Item, MindsetNoteCode, Mindset, ReasonCode, ReflectionReason, UserProfile } from '../../types';

/** Seconds a glance at a skipped item costs; a comment costs extra typing time. */
export const SKIP_COST_SEC = 3;
export const COMMENT_COST_SEC = 15;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The mindset at the start of a session. */
export function initialMindset(user: UserProfile): Mindset {
  return { satisfaction: 0.6, timeLeftSec: user.traits.timeBudgetSec, boredom: 0.1, interests: { ...user.interests }, fatigue: {} };
}

/** Seconds an item took out of the session. */
export function timeSpent(actions: readonly string[], watchSec: number): number {
  let t = actions.includes('watch') || actions.includes('click') ? Math.max(watchSec, SKIP_COST_SEC) : SKIP_COST_SEC;
  if (actions.includes('comment')) t += COMMENT_COST_SEC;
  return t;
}

/** The mindset after an item (a new object; the previous one is not changed). */
export function nextMindset(
  m: Mindset,
  item: Item,
  d: { actions: readonly string[]; watchSec: number; interest: number; satisfaction: number },
  fatigueSensitivity: number,
): Mindset {
  const fatigue: Record<string, number> = {};
  for (const [t, v] of Object.entries(m.fatigue)) if (t !== item.topic && v * 0.9 >= 0.01) fatigue[t] = v * 0.9;
  fatigue[item.topic] = clamp01((m.fatigue[item.topic] ?? 0) + 0.08 + 0.2 * fatigueSensitivity);
  const prev = m.interests[item.topic] ?? 0;
  return {
    satisfaction: clamp01(d.satisfaction),
    timeLeftSec: m.timeLeftSec - timeSpent(d.actions, d.watchSec),
    boredom: clamp01(0.7 * m.boredom + 0.3 * (1 - d.interest)),
    interests: { ...m.interests, [item.topic]: clamp01(0.8 * prev + 0.2 * d.interest) },
    fatigue,
  };
}

/** Reason codes for an LLM decision, from its interest score, the mindset and the reflection. */
export function reasonCodes(interest: number, m: Mindset, item: Item, leaveReasons: readonly ReflectionReason[]): ReasonCode[] {
  const out: ReasonCode[] = [
    interest >= 0.7 ? 'strong_interest' : interest >= 0.4 ? 'related_interest' : interest >= 0.2 ? 'weak_interest' : 'unrelated',
  ];
  if ((m.fatigue[item.topic] ?? 0) >= 0.6) out.push('fatigue');
  if (leaveReasons.includes('bored')) out.push('bored');
  if (leaveReasons.includes('time_up')) out.push('time_up');
  if (leaveReasons.length && !leaveReasons.includes('satisfied') && !leaveReasons.includes('time_up')) out.push('dissatisfied');
  return out;
}

/** The mindset-note code shown under a decision. */
export function mindsetNote(d: Pick<ItemDecision, 'actions' | 'interest'>, m: Mindset): MindsetNoteCode {
  if (d.actions.includes('leave')) return 'about_to_leave';
  if (m.timeLeftSec < 60) return 'running_out_of_time';
  if (m.boredom >= 0.6) return 'getting_bored';
  if (d.interest >= 0.7) return m.satisfaction >= 0.6 ? 'top_interest_expect_more' : 'open_to_more';
  if (d.interest < 0.3) return 'not_interested_less_likely';
  if (m.satisfaction >= 0.7) return 'satisfied';
  return 'neutral';
}
