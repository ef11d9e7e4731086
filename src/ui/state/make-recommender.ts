/**
 * The planner of the Live view's instruction-following recommender. `buildRun` makes the
 * recommender from the run description; the page only supplies what the core cannot: the
 * LLM planner, built on the engine of the LLM panel. Without an engine the rule-based
 * planner plans, and the settings panel says so (planner-note).
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import { createLlmPlanner, rulePlanner } from '../../core/recommenders/agentic';
import type { Planner } from '../../core/recommenders/agentic/rule-planner';
import type { RunDescription } from '../../core/run/description';

/** The planner to pass to `buildRun`: undefined unless the description asks for the LLM planner. */
export function plannerFor(d: Pick<RunDescription, 'recommender'>, engine: ChatEngine | null): Planner | undefined {
  if (!d.recommender.follow || d.recommender.planner !== 'llm') return undefined;
  return engine ? createLlmPlanner(engine) : rulePlanner;
}

/** The chat engine behind an LLM simulator (the LLM panel's), if there is one. */
export function engineOf(sim: unknown): ChatEngine | null {
  const engine = (sim as { engine?: ChatEngine } | null)?.engine;
  return engine && typeof engine.chat === 'function' ? engine : null;
}
