/**
 * Builds the recommender for a run: the registered base recommender, wrapped by the
 * instruction-following recommender when `follow` is on (its stored name is then
 * "<base>+follow", e.g. "content+follow").
 */
import { createRecommender, FOLLOW_SUFFIX } from '../../core/recommenders/agentic';
import type { Recommender } from '../../core/types';

/** A fresh, not yet fitted recommender: `name` is a registered base name. */
export function makeRecommender(name: string, follow: boolean): Recommender {
  return createRecommender(follow ? `${name}${FOLLOW_SUFFIX}` : name);
}
