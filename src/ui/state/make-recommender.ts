/**
 * Builds the recommender for a run: the registered base recommender, wrapped by the
 * instruction-following recommender when `follow` is on (its stored name is then
 * "<base>+follow", e.g. "content+follow"). With a chat engine, the wrapper plans with the
 * LLM planner (which falls back to the rule-based plan on any bad reply).
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import { createLlmPlanner, createRecommender, FOLLOW_SUFFIX } from '../../core/recommenders/agentic';
import type { Recommender } from '../../core/types';

/** A fresh, not yet fitted recommender: `name` is a registered base name. */
export function makeRecommender(name: string, follow: boolean, plannerEngine?: ChatEngine | null): Recommender {
  if (!follow) return createRecommender(name);
  return createRecommender(`${name}${FOLLOW_SUFFIX}`, undefined, plannerEngine ? { planner: createLlmPlanner(plannerEngine) } : undefined);
}

/** The chat engine behind an LLM simulator (the LLM panel's), if there is one. */
export function engineOf(sim: unknown): ChatEngine | null {
  const engine = (sim as { engine?: ChatEngine } | null)?.engine;
  return engine && typeof engine.chat === 'function' ? engine : null;
}
