/**
 * From the LLM settings to a ready `UserSimulator` named 'llm'. The engine code is imported
 * dynamically, so none of it is in the app shell.
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import { createLlmSimulator, type LlmUserSimulator } from '../../core/simulator/llm/llm-simulator';
import type { LlmSettings } from './settings-store';
import type { LoadProgress } from '../../llm/webllm/progress';

export interface CreateOptions {
  /** An engine already loaded (the panel keeps the WebLLM model loaded between runs). */
  engine?: ChatEngine;
  /** Progress while a WebLLM model loads (when no engine is given). */
  onProgress?: (p: LoadProgress) => void;
}

/** Build the engine the settings describe (for WebLLM this downloads/loads the model). */
export async function createEngineFromSettings(settings: LlmSettings, opts: CreateOptions = {}): Promise<ChatEngine> {
  if (opts.engine) return opts.engine;
  if (settings.engine === 'openai') {
    const { OpenAiCompatibleEngine } = await import('../../llm/openai-engine');
    const o = settings.openai;
    if (!o.baseUrl.trim() || !o.model.trim()) throw new Error('Set the endpoint base URL and the model name.');
    return new OpenAiCompatibleEngine({
      baseUrl: o.baseUrl,
      model: o.model.trim(),
      apiKey: o.apiKey || undefined,
      timeoutMs: Math.max(1, o.timeoutSec) * 1000,
      useJsonSchema: o.useJsonSchema,
    });
  }
  if (settings.engine === 'transformers') {
    const { TjsWorker } = await import('../../llm/transformers/client');
    const t = settings.transformers;
    return (await new TjsWorker().loadChat({ model: t.model, modelBase: t.modelBase || null })).engine;
  }
  const { loadWebLlmModel } = await import('../../llm/webllm/load');
  const loaded = await loadWebLlmModel({ modelId: settings.webllm.modelId, selfHostedBase: settings.webllm.selfHostedBase || null, onProgress: opts.onProgress });
  return loaded.engine;
}

/**
 * The LLM user simulator for these settings, with the rule-based simulator as the
 * per-item fallback. Its `templates` are the ones to store with each session.
 */
export async function createLlmSimulatorFromSettings(settings: LlmSettings, opts: CreateOptions = {}): Promise<LlmUserSimulator> {
  const [engine, { simulators }, { perCatalogRepresentation }] = await Promise.all([
    createEngineFromSettings(settings, opts),
    import('../../core/simulator/registry'),
    import('../../core/simulator/llm/representation-for'),
  ]);
  // Semantic-ID codes are fitted on each session's catalog (not known here).
  return perCatalogRepresentation(settings.representation ?? 'text', (representation) =>
    createLlmSimulator({
      engine,
      fallback: simulators.get('rule-based').create(),
      templates: settings.templates,
      temperature: settings.temperature,
      maxRetries: settings.maxRetries,
      representation,
    }),
  );
}
