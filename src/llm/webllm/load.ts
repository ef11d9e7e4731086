/**
 * Loading a WebLLM model into a dedicated worker, with progress, cache status and deletion.
 * Everything here imports @mlc-ai/web-llm dynamically: the app shell stays small until
 * the person picks the WebLLM engine.
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import { RecoveringEngine } from '../recovering-engine';
import { appConfigFor } from './catalogue';
import { explainLoadError, ModelLoadError } from './load-errors';
import { parseProgress, type LoadProgress } from './progress';
import { WebLlmEngine, type MlcEngineLike } from './webllm-engine';

export interface LoadOptions {
  modelId: string;
  /** Self-hosted base URL for weights and libraries, or null for WebLLM's default hosts. */
  selfHostedBase?: string | null;
  onProgress?: (p: LoadProgress) => void;
  /** GPU memory the model needs (for the out-of-memory message). */
  vramMB?: number;
  /** Cancels the download/load: the worker is terminated (shards already fetched stay cached). */
  signal?: AbortSignal;
  /** Told about device-lost recovery. */
  onRecover?: (state: 'recovering' | 'recovered' | 'failed', detail: string) => void;
}

/** A loaded model: the chat engine (recovering from a lost device) and a way to unload it. */
export interface LoadedModel {
  engine: ChatEngine;
  unload(): Promise<void>;
}

async function createOnce(opts: LoadOptions, track: { worker: Worker | null; mlc: MlcEngineLike | null }): Promise<WebLlmEngine> {
  const webllm = await import('@mlc-ai/web-llm');
  const appConfig = appConfigFor(webllm.prebuiltAppConfig, opts.selfHostedBase ?? null);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'webllm' });
  track.worker = worker;
  const last: { p: LoadProgress | null } = { p: null };
  let onAbort: (() => void) | null = null;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ModelLoadError('aborted', `Loading ${opts.modelId} was cancelled. The shards already downloaded stay cached; loading again resumes from there.`));
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
  cancelled.catch(() => {});
  try {
    const mlc = await Promise.race([
      webllm.CreateWebWorkerMLCEngine(worker, opts.modelId, {
        appConfig,
        initProgressCallback: (r) => {
          last.p = parseProgress(r, last.p);
          opts.onProgress?.(last.p);
        },
      }),
      cancelled,
    ]);
    track.mlc = mlc as unknown as MlcEngineLike;
    const p = last.p;
    opts.onProgress?.({ phase: 'ready', fraction: 1, mbDone: p?.mbDone ?? null, mbTotal: p?.mbTotal ?? null, mbPerSec: null, elapsedSec: p?.elapsedSec ?? 0, text: 'Ready' });
    return new WebLlmEngine(track.mlc, opts.modelId);
  } catch (e) {
    worker.terminate();
    track.worker = null;
    throw explainLoadError(e, opts.modelId, opts.vramMB);
  } finally {
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
  }
}

/** Load a model in a worker. Rejects with a `ModelLoadError` whose message says what to do. */
export async function loadWebLlmModel(opts: LoadOptions): Promise<LoadedModel> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator)) {
    throw new ModelLoadError('no_webgpu', 'This browser has no WebGPU, so models cannot run in it. Use a recent Chrome or Edge, or the OpenAI-compatible engine.');
  }
  const track: { worker: Worker | null; mlc: MlcEngineLike | null } = { worker: null, mlc: null };
  const first = await createOnce(opts, track);
  const engine = new RecoveringEngine(first, {
    create: async () => {
      track.worker?.terminate();
      return createOnce(opts, track);
    },
    onRecover: opts.onRecover,
  });
  return {
    engine,
    async unload() {
      try {
        await track.mlc?.unload();
      } finally {
        track.worker?.terminate();
        track.worker = null;
      }
    },
  };
}

/** Whether the model's weights are in the browser cache. */
export async function isModelCached(modelId: string, selfHostedBase: string | null = null): Promise<boolean> {
  const webllm = await import('@mlc-ai/web-llm');
  return webllm.hasModelInCache(modelId, appConfigFor(webllm.prebuiltAppConfig, selfHostedBase));
}

/** Delete a model's weights, library and config from the browser cache. */
export async function deleteCachedModel(modelId: string, selfHostedBase: string | null = null): Promise<void> {
  const webllm = await import('@mlc-ai/web-llm');
  await webllm.deleteModelAllInfoInCache(modelId, appConfigFor(webllm.prebuiltAppConfig, selfHostedBase));
}
