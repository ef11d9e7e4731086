/**
 * What a recommender may see: the visible profile (no traits, no held-out data), the
 * history as interactions, and the implicit signals of the last list. Kept apart from
 * the environment so the contract checker can test the same rules.
 */
import type { Context, ImplicitSignals, Interaction, Item, ItemDecision, Observation, UserProfile } from '../types';

/** The visible part of a profile (types.ts `Observation.profile`): copied, never the live object. */
export function visibleProfile(user: UserProfile): Observation['profile'] {
  return {
    id: user.id,
    name: user.name,
    age: user.age,
    gender: user.gender,
    location: user.location,
    occupation: user.occupation,
    interests: { ...user.interests },
    groups: [...user.groups],
  };
}

/** A watch shorter than this share of the item's duration, with nothing else, is a "short watch". */
export const SHORT_WATCH_SHARE = 0.3;
/** A watch of at least this share of the item's duration counts as engaged. */
export const ENGAGED_WATCH_SHARE = 0.5;

const ACTIVE = new Set(['click', 'like', 'comment', 'share']);

/**
 * Implicit feedback of one list:
 * - `skips`: items skipped; `left`: the user left on one of them;
 * - `engaged`: items clicked, liked, commented, shared, or watched for at least half;
 * - `shortWatches`: items watched for less than 30% with no other action;
 * - `topicEngagement`: per topic, +1 per engaged item, -1 per skip, -0.5 per short watch.
 */
export function implicitSignals(decisions: readonly ItemDecision[], byId: ReadonlyMap<string, Item>): ImplicitSignals {
  const out: ImplicitSignals = { skips: 0, shortWatches: 0, engaged: 0, left: false, topicEngagement: {} };
  for (const d of decisions) {
    const item = byId.get(d.itemId);
    const duration = item && item.durationSec > 0 ? item.durationSec : 0;
    const share = duration > 0 ? d.watchSec / duration : 0;
    const active = d.actions.some((a) => ACTIVE.has(a));
    let delta = 0;
    if (d.actions.includes('leave')) out.left = true;
    if (active || (d.watchSec > 0 && share >= ENGAGED_WATCH_SHARE)) {
      out.engaged++;
      delta = 1;
    } else if (d.actions.includes('skip')) {
      out.skips++;
      delta = -1;
    } else if (d.watchSec > 0 && share < SHORT_WATCH_SHARE) {
      out.shortWatches++;
      delta = -0.5;
    }
    if (item && delta !== 0) out.topicEngagement[item.topic] = (out.topicEngagement[item.topic] ?? 0) + delta;
  }
  return out;
}

/**
 * The history entries of one decision: one interaction per action, in order, all at
 * `at` (epoch ms). A decision ['watch', 'like'] gives a watch (with its seconds) and a like.
 */
export function interactionsOf(d: ItemDecision, at: number): Interaction[] {
  return d.actions.map((action) =>
    action === 'watch' ? { itemId: d.itemId, action, at, watchSec: d.watchSec } : { itemId: d.itemId, action, at },
  );
}

/** What a recommender sees before a user's first list (offline scoring, protocols' initial lists). */
export function firstObservation(user: UserProfile, context: Context): Observation {
  return { userId: user.id, profile: visibleProfile(user), context, history: user.history, turn: 0, shown: [], instruction: null };
}
