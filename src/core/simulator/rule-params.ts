/**
 * Tunable constants of the rule-based user simulator, in one place so that the docs,
 * the UI and experiments can show or override them. Every field has a default; the
 * factory takes a partial override (`createRuleBasedSimulator({ params: {...} })`).
 */

export interface RuleParams {
  /** Satisfaction at the start of a session (before memory adjusts it). */
  startSatisfaction: number;
  /** The user leaves (and reflects) when satisfaction falls below this. */
  leaveThreshold: number;
  /** The user also leaves when boredom rises above this. */
  boredomLimit: number;
  /** Interest at or above which a topic is a "strong" interest. */
  strongInterest: number;
  /** Interest at or above which a topic is a (moderate) interest. */
  moderateInterest: number;
  /** Interest at or above which a topic is a weak interest; below it the topic is "unrelated". */
  weakInterest: number;
  /** Score around which the user engages rather than skips. */
  engageThreshold: number;
  /** Softness of the engage/skip decision (logistic temperature). */
  engageTemperature: number;
  /** Per-exposure fatigue growth, multiplied by the user's fatigueSensitivity. */
  fatigueGrowth: number;
  /** Fatigue multiplier per item on which the topic was not shown (recovery). */
  fatigueDecay: number;
  /** Learning rate of interest weights from engagement. */
  interestLearningRate: number;
  /** Seconds a skip costs (a glance and a swipe). */
  skipCostSec: number;
  /** Seconds of overhead per watched item (scrolling). */
  itemOverheadSec: number;
  /** Most instructions one session may carry. */
  maxInstructions: number;
  /** Items after a recommender's reply during which the user does not leave for dissatisfaction. */
  replyGraceItems: number;
  /** Half-life of memory importance, in hours (interaction-wise memory decay). */
  memoryHalfLifeHours: number;
  /** Score noise (half-width of a triangular distribution). */
  noise: number;
  /** Items younger than this (days) are "fresh" (a small bump). */
  freshDays: number;
  /** Items older than this (days) are "stale" (a small penalty; not for movies). */
  staleDays: number;
}

/** Defaults, tuned so that the paper's Table 2 pattern appears for a fishing + UFC fan. */
export const DEFAULT_RULE_PARAMS: Readonly<RuleParams> = Object.freeze({
  startSatisfaction: 0.7,
  leaveThreshold: 0.3,
  boredomLimit: 0.92,
  strongInterest: 0.7,
  moderateInterest: 0.35,
  weakInterest: 0.12,
  engageThreshold: 0.36,
  engageTemperature: 0.05,
  fatigueGrowth: 0.45,
  fatigueDecay: 0.9,
  interestLearningRate: 0.12,
  skipCostSec: 2,
  itemOverheadSec: 1,
  maxInstructions: 3,
  replyGraceItems: 2,
  memoryHalfLifeHours: 96,
  noise: 0.06,
  freshDays: 2,
  staleDays: 21,
});

/** Merge a partial override (ignores unknown keys and non-finite numbers). */
export function resolveParams(override?: Partial<RuleParams> | Record<string, unknown>): RuleParams {
  const out: RuleParams = { ...DEFAULT_RULE_PARAMS };
  if (!override) return out;
  for (const key of Object.keys(out) as (keyof RuleParams)[]) {
    const v = (override as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  return out;
}
