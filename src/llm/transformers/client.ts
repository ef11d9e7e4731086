/**
 * The page side of the Transformers.js worker: one worker, created on first use (the
 * library and onnxruntime load only then, so the app shell stays small), a chat engine
 * and an embedder over the typed RPC. Every wait has a deadline; a deadline or a crashed
 * worker is an error the person sees, never a silent fallback.
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import type { AbortLike } from '../../core/simulator/simulator';
import { connect, type Client, type Endpoint } from '../../worker/rpc';
import { watchAbort } from '../abort';
import { detectWebGpu } from '../webllm/webgpu';
import { TransformersChatEngine } from './chat-engine';
import { defaultDtype, type TjsDevice } from './models';
import type { LoadedInfo, TjsApi } from './protocol';
import type { TjsProgress } from './progress';
import type { GenerateArgs, GenerateResult } from './runtime';

/** Deadlines, ms. Loading includes the download (hundreds of MB on a slow line). */
export const TJS_DEADLINES = { loadMs: 20 * 60_000, generateMs: 180_000, embedBatchMs: 120_000 } as const;

/** Settings of a load. */
export interface TjsLoadOptions {
  model: string;
  /** Self-hosted folder URL (hub layout); null or '' for the Hugging Face hub. */
  modelBase?: string | null;
  /** 'auto' (default): WebGPU when an adapter exists, else WASM. */
  device?: TjsDevice | 'auto';
  /** Default per device (see models.ts). */
  dtype?: string;
  onProgress?: (p: TjsProgress) => void;
  signal?: AbortSignal;
}

/** WebGPU when the browser has an adapter, WASM otherwise. */
export async function pickDevice(): Promise<TjsDevice> {
  try {
    return (await detectWebGpu()).available ? 'webgpu' : 'wasm';
  } catch {
    return 'wasm';
  }
}

/** A promise that rejects after `ms` (and aborts `ac`), named so the message says what timed out. */
function deadline<T>(p: Promise<T>, ms: number, what: string, ac?: AbortController): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ac?.abort();
      const e = new Error(`${what} took longer than ${Math.round(ms / 1000)} s and was stopped`);
      e.name = 'TimeoutError';
      reject(e);
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** The worker and what is loaded in it. */
export class TjsWorker {
  private client: Client<TjsApi> | null = null;

  constructor(private readonly spawn: () => Endpoint = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'transformers' }) as unknown as Endpoint) {}

  private rpc(): Client<TjsApi> {
    this.client ??= connect<TjsApi>(this.spawn(), 'Transformers.js worker');
    return this.client;
  }

  private async resolve(o: TjsLoadOptions): Promise<{ model: string; device: TjsDevice; dtype: string; modelBase: string | null }> {
    const device = !o.device || o.device === 'auto' ? await pickDevice() : o.device;
    return { model: o.model, device, dtype: o.dtype ?? defaultDtype(device), modelBase: o.modelBase?.trim() || null };
  }

  /** Load a chat model; returns a ChatEngine bound to it. */
  async loadChat(o: TjsLoadOptions): Promise<{ engine: ChatEngine; info: LoadedInfo }> {
    const args = await this.resolve(o);
    const info = await deadline(this.rpc().call('loadChat', args, { onProgress: o.onProgress, signal: o.signal }), TJS_DEADLINES.loadMs, `Loading ${o.model}`);
    const backend = {
      model: o.model,
      generate: (g: GenerateArgs, opts: { onDelta?: (t: string) => void; signal?: AbortLike }): Promise<GenerateResult> => {
        const ac = new AbortController();
        const unwatch = watchAbort(opts.signal, () => ac.abort());
        return deadline(this.rpc().call('generate', g, { onProgress: opts.onDelta, signal: ac.signal }), TJS_DEADLINES.generateMs, 'Generating a reply', ac).finally(unwatch);
      },
    };
    return { engine: new TransformersChatEngine(backend), info };
  }

  /** Load an embedding model. */
  async loadEmbedder(o: TjsLoadOptions): Promise<LoadedInfo> {
    const args = await this.resolve(o);
    return deadline(this.rpc().call('loadEmbedder', args, { onProgress: o.onProgress, signal: o.signal }), TJS_DEADLINES.loadMs, `Loading ${o.model}`);
  }

  /** Embed texts in batches of `batchSize` (progress per batch; the deadline is per batch). */
  async embed(texts: string[], opts: { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<{ dim: number; data: Float32Array }> {
    const batch = Math.max(1, opts.batchSize ?? 64);
    const chunks: Float32Array[] = [];
    let dim = 0;
    for (let i = 0; i < texts.length; i += batch) {
      if (opts.signal?.aborted) throw Object.assign(new Error('Embedding stopped'), { name: 'AbortError' });
      const part = texts.slice(i, i + batch);
      const r = await deadline(this.rpc().call('embed', { texts: part, batchSize: 16 }, { signal: opts.signal }), TJS_DEADLINES.embedBatchMs, 'Embedding a batch');
      dim = r.dim;
      chunks.push(r.data);
      opts.onProgress?.(Math.min(texts.length, i + batch), texts.length);
    }
    const data = new Float32Array(texts.length * dim);
    let o = 0;
    for (const c of chunks) {
      data.set(c, o);
      o += c.length;
    }
    return { dim, data };
  }

  /** Terminate the worker (models are dropped; their files stay in the browser cache). */
  close(): void {
    this.client?.close('The Transformers.js worker was closed');
    this.client = null;
  }
}
