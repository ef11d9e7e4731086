/**
 * Step rewards of the environment. A reward is computed from the per-item decisions of
 * one step (one list); the trajectory's return is their sum. All are finite and >= 0.
 */
import type { ItemDecision } from '../types';

/** The reward functions the environment offers, under short stable names. */
export type RewardName = 'watch' | 'clicks' | 'likes' | 'engagement';

/** Every reward name (default first). */
export const REWARD_NAMES: readonly RewardName[] = ['watch', 'clicks', 'likes', 'engagement'];

/** Weights of the composite `engagement` reward, per action (watching counts per minute). */
export const ENGAGEMENT_WEIGHTS = { watchMinute: 1, click: 0.5, like: 1, comment: 2, share: 3 } as const;

export interface RewardInfo {
  name: RewardName;
  label: string;
  /** Unit of the reward value. */
  unit: string;
  description: string;
  fn: (decisions: readonly ItemDecision[]) => number;
}

function count(decisions: readonly ItemDecision[], action: ItemDecision['actions'][number]): number {
  let n = 0;
  for (const d of decisions) for (const a of d.actions) if (a === action) n++;
  return n;
}

function watchSeconds(decisions: readonly ItemDecision[]): number {
  let s = 0;
  for (const d of decisions) if (Number.isFinite(d.watchSec) && d.watchSec > 0) s += d.watchSec;
  return s;
}

/** The reward table (the UI lists it; `rewardOf` evaluates it). */
export const REWARDS: Record<RewardName, RewardInfo> = {
  watch: {
    name: 'watch',
    label: 'Watch time',
    unit: 'seconds',
    description: 'Seconds watched in the list (the paper\'s "total time spent").',
    fn: watchSeconds,
  },
  clicks: {
    name: 'clicks',
    label: 'Clicks',
    unit: 'clicks',
    description: 'Number of click actions in the list.',
    fn: (ds) => count(ds, 'click'),
  },
  likes: {
    name: 'likes',
    label: 'Likes',
    unit: 'likes',
    description: 'Number of like actions in the list.',
    fn: (ds) => count(ds, 'like'),
  },
  engagement: {
    name: 'engagement',
    label: 'Engagement (composite)',
    unit: 'points',
    description: 'Minutes watched + 0.5 per click + 1 per like + 2 per comment + 3 per share.',
    fn: (ds) =>
      (watchSeconds(ds) / 60) * ENGAGEMENT_WEIGHTS.watchMinute +
      count(ds, 'click') * ENGAGEMENT_WEIGHTS.click +
      count(ds, 'like') * ENGAGEMENT_WEIGHTS.like +
      count(ds, 'comment') * ENGAGEMENT_WEIGHTS.comment +
      count(ds, 'share') * ENGAGEMENT_WEIGHTS.share,
  },
};

/** True when `name` is a known reward name. */
export function isRewardName(name: string): name is RewardName {
  return (REWARD_NAMES as readonly string[]).includes(name);
}

/** The reward of one step's decisions under `name`. */
export function rewardOf(name: RewardName, decisions: readonly ItemDecision[]): number {
  return REWARDS[name].fn(decisions);
}
