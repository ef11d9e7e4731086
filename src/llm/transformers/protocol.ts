/**
 * The Transformers.js worker's API (typed RPC, src/worker/rpc.ts): load a chat or an
 * embedding model, generate (progress = streamed text), embed (progress = texts done).
 * Plain data only.
 */
import type { Method } from '../../worker/rpc';
import type { GenerateArgs, GenerateResult, LoadArgs } from './runtime';
import type { TjsProgress } from './progress';

export interface LoadedInfo {
  model: string;
  device: string;
  dtype: string;
  /** Milliseconds the load took. */
  ms: number;
}

export type TjsApi = {
  loadChat: Method<LoadArgs, LoadedInfo, TjsProgress>;
  generate: Method<GenerateArgs, GenerateResult, string>;
  loadEmbedder: Method<LoadArgs, LoadedInfo, TjsProgress>;
  embed: Method<{ texts: string[]; batchSize?: number }, { dim: number; data: Float32Array }, { done: number; total: number }>;
  unload: Method<{ what: 'chat' | 'embedder' | 'all' }, { ok: true }, never>;
};
