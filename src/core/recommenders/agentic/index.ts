/**
 * Resolving recommender names, including instruction following: "content" is the
 * traditional content-based recommender, "content+follow" wraps it with the
 * instruction-following recommender (rule-based planner unless one is given).
 */
import { recommenders } from '../registry';
import type { Recommender } from '../../types';
import { InstructionFollowingRecommender, type InstructionFollowingOptions } from './instruction-following';
import { createExternalRecommender, isExternalName } from '../remote/external';

/** Suffix that marks an instruction-following wrapper in stored names, URLs and the CLI. */
export const FOLLOW_SUFFIX = '+follow';

/** Split "content+follow" into its base name and the follow flag. */
export function parseRecommenderName(name: string): { base: string; follow: boolean } {
  return name.endsWith(FOLLOW_SUFFIX) ? { base: name.slice(0, -FOLLOW_SUFFIX.length), follow: true } : { base: name, follow: false };
}

/** True when `name` is a registered base name, with or without the follow suffix. */
export function isKnownRecommender(name: string): boolean {
  const { base } = parseRecommenderName(name);
  // External names (http:..., module:...) are resolved by remote/external.ts.
  return recommenders.has(base) || isExternalName(base);
}

/** Create a recommender (unfitted) from a name like "item-knn" or "item-knn+follow". */
export function createRecommender(
  name: string,
  options?: Record<string, unknown>,
  follow?: InstructionFollowingOptions,
): Recommender {
  const { base, follow: wrap } = parseRecommenderName(name);
  const rec = createExternalRecommender(base, options) ?? recommenders.get(base).create(options);
  return wrap ? new InstructionFollowingRecommender(rec, follow) : rec;
}

export { InstructionFollowingRecommender, withInstructionFollowing } from './instruction-following';
export { rulePlanner, rulePlan } from './rule-planner';
export { createLlmPlanner } from './llm-planner';
export { summarizePlan } from './plan';
