/**
 * What storage keeps about an LLM run (SessionMeta.promptTemplates and .model), from any
 * simulator: empty for simulators that are not the LLM one.
 */
import type { UserSimulator } from '../simulator';
import type { LlmUserSimulator } from './llm-simulator';

/** True for the LLM simulator. */
export function isLlmSimulator(sim: UserSimulator): sim is LlmUserSimulator {
  return sim.name === 'llm' && typeof (sim as Partial<LlmUserSimulator>).templates === 'object';
}

/** `{ promptTemplates, model }` to spread into a stored session's meta (never the API key). */
export function llmSessionMeta(sim: UserSimulator): { promptTemplates?: Record<string, string>; model?: string } {
  if (!isLlmSimulator(sim)) return {};
  return { promptTemplates: { system: sim.templates.system, item: sim.templates.item }, model: sim.engine.id };
}
