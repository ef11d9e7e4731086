/**
 * What the LLM panel's buttons do: probe the GPU, load or delete a model, connect to an
 * endpoint, hand a ready simulator to the live view. Engine code is imported dynamically.
 */
import type { UserSimulator } from '../../core/simulator/simulator';
import { MeteredEngine } from '../../llm/metered-engine';
import { credentialsMessage, hasCredentials } from '../../llm/redact';
import { createLlmSimulatorFromSettings } from './create-simulator';
import { validTimeoutSec } from './settings-store';
import type { LlmState } from './llm-state.svelte';

/** Probe WebGPU, list the models this adapter can run and their cache status. */
export async function detectGpu(state: LlmState): Promise<void> {
  state.phase = 'detecting';
  const [{ detectWebGpu }, { modelCatalogue, modelsForAdapter }, webllm] = await Promise.all([
    import('../../llm/webllm/webgpu'),
    import('../../llm/webllm/catalogue'),
    import('@mlc-ai/web-llm'),
  ]);
  const gpu = await detectWebGpu();
  state.gpu = gpu;
  state.models = modelsForAdapter(modelCatalogue(webllm.prebuiltAppConfig), gpu.shaderF16);
  if (!gpu.available) {
    state.say('no-webgpu', 'error', gpu.reason ?? 'No WebGPU.');
  } else {
    state.clear('no-webgpu');
    if (gpu.isFallbackAdapter) {
      state.say('cpu-fallback', 'warn', `WebGPU runs on a CPU fallback adapter (${gpu.description || gpu.architecture || 'software'}): models work but very slowly (minutes per item). A machine with a GPU, or the OpenAI-compatible engine, is far faster.`);
    }
    if (!gpu.shaderF16) state.say('no-f16', 'info', "This adapter has no 'shader-f16': offering the q4f32 builds (larger downloads).");
  }
  if (!state.models.some((m) => m.id === state.settings.webllm.modelId) && state.models.length) {
    state.settings.webllm.modelId = state.models[0].id;
  }
  // A connect or load started meanwhile owns the phase (reset here, its button came back mid-connect).
  if (state.phase === 'detecting') state.phase = state.engine ? 'ready' : 'idle';
  await refreshCache(state);
}

/** Which offered models are in the browser cache. */
export async function refreshCache(state: LlmState): Promise<void> {
  try {
    const { isModelCached } = await import('../../llm/webllm/load');
    const base = state.settings.webllm.selfHostedBase || null;
    const entries = await Promise.all(state.models.map(async (m) => [m.id, await isModelCached(m.id, base).catch(() => false)] as const));
    state.cached = Object.fromEntries(entries);
  } catch {
    state.cached = {};
  }
}

let loadCtrl: AbortController | null = null;

/** Cancel a model download/load in progress. */
export function cancelLoad(): void {
  loadCtrl?.abort();
}

/** Download (first time) and load the chosen WebLLM model. */
export async function loadModel(state: LlmState): Promise<void> {
  loadCtrl = new AbortController();
  const signal = loadCtrl.signal;
  const modelId = state.settings.webllm.modelId;
  const option = state.models.find((m) => m.id === modelId);
  // "X is loaded." / "Connected" go with the engine they name: the unload below ends it, whatever follows.
  state.clear('load-error', 'too-big', 'device', 'loaded', 'tjs-loaded', 'endpoint', 'retry');
  // A model folder with a password in its URL is refused, as the endpoint's is: it was fetched
  // with the password and echoed in error lines.
  const base = state.settings.webllm.selfHostedBase;
  if (hasCredentials(base)) {
    loadCtrl = null;
    state.say('load-error', 'error', credentialsMessage(base));
    return;
  }
  state.phase = 'loading';
  state.progress = null;
  try {
    await state.unload?.();
    state.unload = null;
    state.engine = null;
    const { loadWebLlmModel } = await import('../../llm/webllm/load');
    const loaded = await loadWebLlmModel({
      modelId,
      selfHostedBase: state.settings.webllm.selfHostedBase || null,
      vramMB: option?.vramMB,
      signal,
      onProgress: (p) => (state.progress = p),
      onRecover: (s, detail) => {
        if (s === 'recovering') state.say('device', 'warn', `${detail}`);
        else if (s === 'recovered') state.say('device', 'info', detail);
        else state.say('device', 'error', `The GPU device was lost and could not be recovered: ${detail} Reload the page or pick a smaller model.`);
      },
    });
    state.engine = new MeteredEngine(loaded.engine, (f) => state.record(f));
    state.engineKey = `webllm:${modelId}`;
    state.unload = loaded.unload;
    state.phase = 'ready';
    state.save();
    state.say('loaded', 'info', `${option?.label ?? modelId} is loaded.`);
    await refreshCache(state);
  } catch (e) {
    const kind = (e as { kind?: string }).kind;
    state.phase = kind === 'aborted' ? 'idle' : 'error';
    state.say(kind === 'too_big' ? 'too-big' : 'load-error', kind === 'aborted' ? 'warn' : 'error', e instanceof Error ? e.message : String(e));
    await refreshCache(state);
  } finally {
    loadCtrl = null;
  }
}

/** Delete a model from the browser cache. */
export async function deleteModel(state: LlmState, modelId: string): Promise<void> {
  try {
    if (state.engineKey === `webllm:${modelId}`) {
      await state.unload?.();
      state.unload = null;
      state.engine = null;
      state.engineKey = '';
      state.phase = 'idle';
      state.clear('loaded');
    }
    const { deleteCachedModel } = await import('../../llm/webllm/load');
    await deleteCachedModel(modelId, state.settings.webllm.selfHostedBase || null);
    state.say('deleted', 'info', `Deleted ${modelId} from this browser's cache.`);
  } catch (e) {
    state.say('load-error', 'error', `Could not delete ${modelId}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await refreshCache(state);
}

/** What an OpenAI-compatible engine is made with: any of it changed, the engine is another one. */
export function endpointFingerprint(o: LlmState['settings']['openai']): string {
  return JSON.stringify([o.baseUrl, o.model, o.apiKey, o.timeoutSec, o.useJsonSchema]);
}

/**
 * The endpoint's settings were edited after connecting: the engine made from the old ones is
 * let go (no simulator, the "Connected" line gone) and that is said. It stayed in use while
 * the panel showed the new URL, model or key and "Connected". Returns whether it was dropped.
 */
export function dropStaleEndpoint(state: LlmState): boolean {
  if (!state.engineKey.startsWith('openai:') || state.connectedEndpoint === null) return false;
  if (endpointFingerprint(state.settings.openai) === state.connectedEndpoint) return false;
  state.engine = null;
  state.engineKey = '';
  state.connectedEndpoint = null;
  if (state.phase === 'ready') state.phase = 'idle';
  state.clear('endpoint', 'retry');
  state.say('endpoint', 'warn', 'The endpoint (URL, model, key, timeout or JSON schema) changed since it was connected: press "Use this endpoint" to use it. Until then no LLM is in use.');
  return true;
}

/** Connect to the OpenAI-compatible endpoint (lists its models as a connection test). */
export async function connectEndpoint(state: LlmState): Promise<void> {
  state.clear('endpoint');
  const sec = state.settings.openai.timeoutSec;
  // An emptied field binds null, which became a 0 s deadline: every call then failed at once.
  if (!validTimeoutSec(sec)) {
    state.say('endpoint', 'error', `The timeout must be a whole number of seconds from 1 to 600 (it is ${sec === null || (sec as unknown) === '' ? 'empty' : sec}); nothing was contacted.`);
    return;
  }
  // Without http:// a base URL such as "127.0.0.1:11434/v1" is a path of this page: the
  // page's own server got the calls (the key with them) and Connect said ready.
  if (!/^https?:\/\/[^\s/]/i.test(state.settings.openai.baseUrl.trim())) {
    state.say('endpoint', 'error', 'The base URL must start with http:// or https:// (e.g. http://127.0.0.1:11434/v1); nothing was contacted.');
    return;
  }
  if (!state.settings.openai.model.trim()) {
    state.say('endpoint', 'error', 'Give the model name (as the server lists it, e.g. llama3.2); nothing was contacted.');
    return;
  }
  state.phase = 'loading';
  // The settings as pressed: the engine, its key and the "Connected" line are these (an edit meanwhile drops them below).
  const o = { ...state.settings.openai };
  try {
    const { OpenAiCompatibleEngine } = await import('../../llm/openai-engine');
    const engine = new OpenAiCompatibleEngine({
      baseUrl: o.baseUrl,
      model: o.model.trim(),
      apiKey: o.apiKey || undefined,
      timeoutMs: o.timeoutSec * 1000,
      useJsonSchema: o.useJsonSchema,
      // Said in the panel, so a slow or overloaded server is visible while the run waits.
      onRetry: ({ attempt, waitMs, error }) => state.say('retry', 'warn', `${error.message} Retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s.`),
    });
    let models: string[] = [];
    try {
      models = await engine.listModels(AbortSignal.timeout(Math.min(10_000, o.timeoutSec * 1000)));
    } catch (e) {
      state.say('endpoint', 'warn', `Model list unavailable (${e instanceof Error ? e.message : String(e)}); trying chat anyway.`);
    }
    if (models.length && !models.includes(o.model.trim())) {
      state.say('endpoint', 'warn', `The server does not list "${o.model}". It lists: ${models.slice(0, 8).join(', ')}.`);
    } else if (models.length) {
      state.say('endpoint', 'info', `Connected: ${o.model} is available.`);
    }
    // The model loaded in the browser is out of reach from here on: free its memory, and stop
    // saying it is loaded (it held the GPU memory until the page was closed).
    await state.unload?.();
    state.unload = null;
    state.clear('loaded', 'tjs-loaded');
    state.engine = new MeteredEngine(engine, (f) => {
      state.record(f);
      // A call that got through ends the "Retry n in s" line (it stayed for good).
      if (f.ok) state.clear('retry');
    });
    state.engineKey = `openai:${o.baseUrl}:${o.model}`;
    state.connectedEndpoint = endpointFingerprint(o);
    state.phase = 'ready';
    state.save();
    dropStaleEndpoint(state);
  } catch (e) {
    state.phase = 'error';
    state.say('endpoint', 'error', e instanceof Error ? e.message : String(e));
  }
}

/** The simulator for the live view from the loaded engine, or null when none is ready. */
export async function simulatorFromState(state: LlmState): Promise<UserSimulator | null> {
  if (!state.engine) return null;
  return createLlmSimulatorFromSettings($stateSnapshot(state), { engine: state.engine });
}

function $stateSnapshot(state: LlmState) {
  return JSON.parse(JSON.stringify(state.settings)) as LlmState['settings'];
}

/** What the Transformers.js actions need of a worker (the real one: `TjsWorker`; tests pass a double). */
export interface TjsWorkerLike {
  loadChat(o: import('../../llm/transformers/client').TjsLoadOptions): Promise<{ engine: import('../../core/llm/chat-engine').ChatEngine; info: { model: string; device: string; dtype: string; ms: number } }>;
  close(): void;
}

let tjsWorker: TjsWorkerLike | null = null;
let tjsMakeWorker: () => Promise<TjsWorkerLike> = async () => new (await import('../../llm/transformers/client')).TjsWorker();
let tjsCtrl: AbortController | null = null;

/** Replace how the Transformers.js worker is made (tests: a double at the worker/model boundary). */
export function setTjsWorkerFactory(make: () => Promise<TjsWorkerLike>): void {
  tjsWorker?.close();
  tjsWorker = null;
  tjsMakeWorker = make;
}

/** Which offered Transformers.js models have files in the browser cache. */
export async function refreshTjsCache(state: LlmState): Promise<void> {
  try {
    const [{ tjsCacheStatus }, { TJS_CHAT_MODELS }] = await Promise.all([import('../../llm/transformers/cache'), import('../../llm/transformers/models')]);
    const entries = await Promise.all(TJS_CHAT_MODELS.map(async (m) => [m.id, await tjsCacheStatus(m.id).then((s) => s.files > 0).catch(() => false)] as const));
    state.tjsCached = Object.fromEntries(entries);
  } catch {
    state.tjsCached = {};
  }
}

/** Stop a Transformers.js download/load in progress. */
export function cancelTjsLoad(): void {
  tjsCtrl?.abort();
}

/** Download (first time) and load the chosen Transformers.js chat model in its worker. */
export async function loadTjsModel(state: LlmState): Promise<void> {
  tjsCtrl = new AbortController();
  const t = state.settings.transformers;
  // As for WebLLM: the engine loaded before (named by these lines) is unloaded below.
  state.clear('tjs-error', 'tjs-loaded', 'loaded', 'endpoint', 'retry');
  if (hasCredentials(t.modelBase)) {
    tjsCtrl = null;
    state.say('tjs-error', 'error', credentialsMessage(t.modelBase));
    return;
  }
  state.phase = 'loading';
  state.tjsProgress = null;
  try {
    await state.unload?.();
    state.unload = null;
    state.engine = null;
    tjsWorker ??= await tjsMakeWorker();
    const w = tjsWorker;
    const { engine, info } = await w.loadChat({ model: t.model, modelBase: t.modelBase || null, signal: tjsCtrl.signal, onProgress: (p) => (state.tjsProgress = p) });
    state.engine = new MeteredEngine(engine, (f) => state.record(f));
    state.engineKey = `transformers:${t.model}`;
    state.unload = async () => {
      w.close();
      if (tjsWorker === w) tjsWorker = null;
    };
    state.phase = 'ready';
    state.save();
    state.say('tjs-loaded', 'info', `${t.model} is loaded (${info.device}, ${info.dtype}, ${(info.ms / 1000).toFixed(1)} s).`);
  } catch (e) {
    const aborted = tjsCtrl?.signal.aborted || (e as Error)?.name === 'AbortError';
    state.phase = aborted ? 'idle' : 'error';
    state.say('tjs-error', aborted ? 'warn' : 'error', aborted ? 'Loading was stopped.' : `Could not load ${t.model}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    tjsCtrl = null;
    await refreshTjsCache(state);
  }
}
