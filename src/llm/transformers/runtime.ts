/**
 * Transformers.js pipelines where the model lives (a Web Worker in the app, the Node
 * process in the CLI and the tests): feature extraction (mean-pooled, L2-normalised
 * sentence vectors) and chat text generation (streaming, stop, real token counts).
 * The library module is passed in, so the caller decides how it is loaded (dynamically).
 */
import type { ChatMessage } from '../../core/llm/chat-engine';
import type { AbortLike } from '../../core/simulator/simulator';
import { watchAbort } from '../abort';
import { ProgressTracker, type RawTjsProgress, type TjsProgress } from './progress';
import type { TjsDevice } from './models';
import { missingModelFiles } from './missing-files';

/** The part of `@huggingface/transformers` used here. */
export interface TjsModule {
  env: {
    allowRemoteModels: boolean;
    allowLocalModels: boolean;
    localModelPath: string;
    remoteHost: string;
    remotePathTemplate: string;
    useBrowserCache: boolean;
    useWasmCache?: boolean;
    backends: { onnx: { wasm?: { wasmPaths?: unknown; numThreads?: number } } };
  };
  pipeline: (task: string, model: string, opts: Record<string, unknown>) => Promise<unknown>;
  TextStreamer: new (tokenizer: unknown, opts: Record<string, unknown>) => unknown;
  InterruptableStoppingCriteria: new () => { interrupt(): void; reset(): void };
}

/** Where models come from. */
export interface TjsSource {
  /**
   * A self-hosted folder of models in the hub layout (`<base>/<model id>/config.json`, ...):
   * a URL in the browser, a path in Node. Null or empty: the Hugging Face hub.
   */
  modelBase?: string | null;
  /** onnxruntime-web's files served by the app (`{mjs, wasm}` URLs); never a CDN. Browser only. */
  wasmPaths?: { mjs: string; wasm: string } | null;
}

export interface LoadArgs extends TjsSource {
  model: string;
  device: TjsDevice;
  /** 'fp32', 'q8', 'q4f16', ... */
  dtype: string;
}

/** A model that failed to load, with a message for the person. */
export class TjsLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TjsLoadError';
  }
}

/** The Hugging Face hub (Transformers.js defaults). */
const HUB_HOST = 'https://huggingface.co/';
const HUB_PATH = '{model}/resolve/{revision}/';

/** Point the library at the model source. Called before every load (settings may change). */
export function applySource(tjs: TjsModule, src: TjsSource): void {
  const base = src.modelBase?.trim();
  if (base && /^https?:\/\//i.test(base)) {
    // A self-hosted URL is served as a "remote host" with a flat layout: Transformers.js
    // 4.3.1 does not check which files exist under an http(s) localModelPath (it then
    // skips the tokenizer), so the hub code path is pointed at this host instead. Only this
    // host is contacted, never the hub.
    tjs.env.remoteHost = base.endsWith('/') ? base : `${base}/`;
    tjs.env.remotePathTemplate = '{model}/';
    tjs.env.allowLocalModels = false;
    tjs.env.allowRemoteModels = true;
  } else if (base) {
    tjs.env.localModelPath = base.endsWith('/') ? base : `${base}/`;
    tjs.env.allowLocalModels = true;
    tjs.env.allowRemoteModels = false;
  } else {
    tjs.env.remoteHost = HUB_HOST;
    tjs.env.remotePathTemplate = HUB_PATH;
    tjs.env.allowLocalModels = false;
    tjs.env.allowRemoteModels = true;
  }
  const wasm = tjs.env.backends?.onnx?.wasm;
  if (wasm && src.wasmPaths) {
    wasm.wasmPaths = { ...src.wasmPaths };
    // One thread: a page without cross-origin isolation (static hosts send no COOP/COEP
    // headers) has no SharedArrayBuffer for more.
    wasm.numThreads = 1;
  }
}

async function loadPipeline(tjs: TjsModule, task: string, args: LoadArgs, onProgress?: (p: TjsProgress) => void): Promise<unknown> {
  applySource(tjs, args);
  const tracker = new ProgressTracker();
  const where = args.modelBase?.trim() ? `the self-hosted folder ${args.modelBase}` : 'the Hugging Face hub';
  try {
    const p = await tjs.pipeline(task, args.model, {
      device: args.device,
      dtype: args.dtype,
      progress_callback: (e: RawTjsProgress) => onProgress?.(tracker.update(e)),
    });
    onProgress?.(tracker.update({ status: 'ready' }));
    return p;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const base = args.modelBase?.trim();
    if (base && /^https?:\/\//i.test(base)) {
      // The library's message rarely names a missing file: ask the folder which ones it lacks.
      const missing = await missingModelFiles(base, args.model, args.dtype).catch(() => []);
      if (missing.length) {
        const how = missing.some((m) => m.startsWith('config.json')) ? 'is not in' : 'is incomplete in';
        throw new TjsLoadError(`Model "${args.model}" (${args.dtype}) ${how} ${where}: ${base.replace(/\/?$/, '/')}${args.model}/ lacks ${missing.join(', ')}.`);
      }
    }
    if (/failed to fetch|networkerror|load failed|ECONNREFUSED|fetch failed/i.test(msg)) {
      // A page (or its worker) cannot tell a server that is not there from one that refuses its
      // origin; Node (the `embed` CLI) has no origin, so no CORS hint there.
      const inNode = !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
      const why = inNode ? 'the server is unreachable' : 'the server is unreachable, or it does not send Access-Control-Allow-Origin for this page';
      throw new TjsLoadError(`Model "${args.model}" could not be fetched from ${where}: ${why} (${msg.slice(0, 200)})`);
    }
    if (/could not locate|not found|404|unauthorized access|no such file|ENOENT/i.test(msg)) {
      throw new TjsLoadError(`Model "${args.model}" (${args.dtype}) is not in ${where}: ${msg.slice(0, 300)}`);
    }
    if (/protobuf|invalid model|failed to load model|can't create a session|corrupt|parse/i.test(msg)) {
      throw new TjsLoadError(`Model "${args.model}" from ${where} is damaged or not an ONNX model this runtime can read: ${msg.slice(0, 300)}`);
    }
    throw new TjsLoadError(`Model "${args.model}" could not be loaded from ${where}: ${msg.slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------
// Feature extraction
// ---------------------------------------------------------------------------------------

/** A loaded sentence-embedding model. */
export interface Embedder {
  readonly model: string;
  /** Vectors of `texts`, mean-pooled and L2-normalised, flat (`texts.length x dim`). */
  embed(texts: string[], opts?: { batchSize?: number; onProgress?: (done: number, total: number) => void; signal?: { aborted: boolean } }): Promise<{ dim: number; data: Float32Array }>;
  dispose(): Promise<void>;
}

type FeatureFn = ((texts: string[], o: Record<string, unknown>) => Promise<{ dims: number[]; data: Float32Array }>) & { dispose?: () => Promise<void> };

/** Load a feature-extraction model. */
export async function loadEmbedder(tjs: TjsModule, args: LoadArgs, onProgress?: (p: TjsProgress) => void): Promise<Embedder> {
  const fe = (await loadPipeline(tjs, 'feature-extraction', args, onProgress)) as FeatureFn;
  return {
    model: args.model,
    async embed(texts, opts = {}) {
      const batch = Math.max(1, Math.min(256, opts.batchSize ?? 32));
      let dim = 0;
      let data = new Float32Array(0);
      for (let i = 0; i < texts.length; i += batch) {
        if (opts.signal?.aborted) {
          const e = new Error(`Embedding stopped after ${i} of ${texts.length} texts`);
          e.name = 'AbortError';
          throw e;
        }
        const out = await fe(texts.slice(i, i + batch), { pooling: 'mean', normalize: true });
        if (out.dims.length !== 2) throw new Error(`Model "${args.model}" returned a ${out.dims.length}-D output, not one vector per text (is it a sentence-embedding model?)`);
        if (!dim) {
          dim = out.dims[1];
          data = new Float32Array(texts.length * dim);
        }
        data.set(out.data, i * dim);
        opts.onProgress?.(Math.min(texts.length, i + batch), texts.length);
      }
      return { dim, data };
    },
    async dispose() {
      await fe.dispose?.();
    },
  };
}

// ---------------------------------------------------------------------------------------
// Text generation
// ---------------------------------------------------------------------------------------

export interface GenerateArgs {
  messages: ChatMessage[];
  maxNewTokens: number;
}

export interface GenerateResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** 'stop' (end of sequence), 'length' (maxNewTokens reached) or 'abort'. */
  finishReason: 'stop' | 'length' | 'abort';
}

/** A loaded chat model. */
export interface Generator {
  readonly model: string;
  /** Tokens of the chat-templated prompt. */
  countPromptTokens(messages: ChatMessage[]): number;
  generate(args: GenerateArgs, onDelta?: (text: string) => void, signal?: AbortLike): Promise<GenerateResult>;
  dispose(): Promise<void>;
}

interface Tokenizer {
  apply_chat_template(m: ChatMessage[], o: Record<string, unknown>): string;
  encode(text: string): number[];
}
type TextGenFn = ((m: ChatMessage[], o: Record<string, unknown>) => Promise<{ generated_text: ChatMessage[] | string }[]>) & {
  tokenizer: Tokenizer;
  dispose?: () => Promise<void>;
};

/**
 * Load a chat model. Decoding is greedy (no sampling): Transformers.js sampling cannot be
 * seeded, and the project's runs must replay from their seed.
 */
export async function loadGenerator(tjs: TjsModule, args: LoadArgs, onProgress?: (p: TjsProgress) => void): Promise<Generator> {
  const gen = (await loadPipeline(tjs, 'text-generation', args, onProgress)) as TextGenFn;
  const tok = gen.tokenizer;
  if (typeof tok?.apply_chat_template !== 'function') throw new TjsLoadError(`Model "${args.model}" has no tokenizer with a chat template`);
  let busy = false;
  const countPromptTokens = (messages: ChatMessage[]) => tok.encode(tok.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true })).length;
  return {
    model: args.model,
    countPromptTokens,
    async generate({ messages, maxNewTokens }, onDelta, signal) {
      if (busy) throw new Error(`Model "${args.model}" is already generating; one request at a time`);
      busy = true;
      const stop = new tjs.InterruptableStoppingCriteria();
      let completionTokens = 0;
      let text = '';
      let aborted = false;
      const streamer = new tjs.TextStreamer(tok, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (piece: string) => {
          if (aborted) return;
          text += piece;
          if (piece) onDelta?.(piece);
        },
        token_callback_function: () => {
          completionTokens++;
        },
      });
      const unwatch = watchAbort(signal, () => {
        aborted = true;
        stop.interrupt();
      });
      try {
        if (signal?.aborted) return { text: '', promptTokens: countPromptTokens(messages), completionTokens: 0, finishReason: 'abort' };
        const limit = Math.max(1, Math.min(4096, Math.floor(maxNewTokens)));
        await gen(messages, { max_new_tokens: limit, do_sample: false, streamer, stopping_criteria: stop });
        const finishReason = aborted ? 'abort' : completionTokens >= limit ? 'length' : 'stop';
        return { text, promptTokens: countPromptTokens(messages), completionTokens, finishReason };
      } finally {
        unwatch();
        busy = false;
      }
    },
    async dispose() {
      await gen.dispose?.();
    },
  };
}
