/**
 * The LLM user simulator for headless runs: the project's LLM simulator talking to any
 * OpenAI-compatible endpoint (Ollama, LM Studio, llama.cpp server, vLLM, a hosted API),
 * with the rule-based simulator as the per-item fallback. The API key is read from an
 * environment variable named on the command line, never passed as an argument (command
 * lines are visible to other users of the machine).
 */
import { createLlmSimulator, type LlmUserSimulator } from '../core/simulator/llm';
import { simulators } from '../core/simulator/registry';
import { OpenAiCompatibleEngine } from '../llm/openai-engine';
import { UsageError, type SimulateOptions } from './simulate-args';

/** Build the 'llm' simulator from the CLI options; a missing option is a UsageError. */
export function createCliLlmSimulator(o: SimulateOptions, env: NodeJS.ProcessEnv = process.env): LlmUserSimulator {
  if (!o.llmUrl || !o.llmModel) {
    throw new UsageError('--simulator llm needs --llm-url (e.g. http://127.0.0.1:11434/v1) and --llm-model');
  }
  let apiKey: string | undefined;
  if (o.llmKeyEnv) {
    apiKey = env[o.llmKeyEnv];
    if (!apiKey) throw new UsageError(`--llm-key-env ${o.llmKeyEnv}: that environment variable is not set`);
  }
  const engine = new OpenAiCompatibleEngine({ baseUrl: o.llmUrl, model: o.llmModel, apiKey, timeoutMs: o.llmTimeoutSec * 1000 });
  return createLlmSimulator({ engine, fallback: simulators.get('rule-based').create(), model: o.llmModel });
}
