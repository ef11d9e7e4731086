/**
 * The Transformers.js worker's handlers, separate from the entry so Node tests can serve
 * them over a MessageChannel with the Node build of the library. One chat model and one
 * embedding model at a time; loading the same model again reuses it.
 */
import type { Handlers } from '../../worker/rpc';
import type { TjsApi } from './protocol';
import { loadEmbedder, loadGenerator, type Embedder, type Generator, type LoadArgs, type TjsModule } from './runtime';

/** Same model, device, dtype and source. */
function sameLoad(a: LoadArgs | null, b: LoadArgs): boolean {
  return !!a && a.model === b.model && a.device === b.device && a.dtype === b.dtype && (a.modelBase ?? '') === (b.modelBase ?? '');
}

/**
 * Handlers over a lazily imported library. `fixed` (the worker entry's) wins over what a
 * call sends: the page cannot point the runtime at other wasm files.
 */
export function createTjsHandlers(importTjs: () => Promise<TjsModule>, fixed: Partial<LoadArgs> = {}): Handlers<TjsApi> {
  let chat: { args: LoadArgs; gen: Generator } | null = null;
  let embedder: { args: LoadArgs; emb: Embedder } | null = null;
  let tjs: Promise<TjsModule> | null = null;
  const lib = () => (tjs ??= importTjs());
  return {
    async loadChat(args, { progress }) {
      const a = { ...args, ...fixed };
      const t0 = performance.now();
      if (!sameLoad(chat?.args ?? null, a)) {
        await chat?.gen.dispose();
        chat = null;
        chat = { args: a, gen: await loadGenerator(await lib(), a, progress) };
      } else progress({ phase: 'ready', fraction: 1, mbDone: 0, mbTotal: 0, file: '', filesDone: 0, files: 0 });
      return { model: a.model, device: a.device, dtype: a.dtype, ms: performance.now() - t0 };
    },
    async generate(args, { progress, signal }) {
      if (!chat) throw new Error('No chat model is loaded: load one first');
      return chat.gen.generate(args, (d) => progress(d), signal);
    },
    async loadEmbedder(args, { progress }) {
      const a = { ...args, ...fixed };
      const t0 = performance.now();
      if (!sameLoad(embedder?.args ?? null, a)) {
        await embedder?.emb.dispose();
        embedder = null;
        embedder = { args: a, emb: await loadEmbedder(await lib(), a, progress) };
      } else progress({ phase: 'ready', fraction: 1, mbDone: 0, mbTotal: 0, file: '', filesDone: 0, files: 0 });
      return { model: a.model, device: a.device, dtype: a.dtype, ms: performance.now() - t0 };
    },
    async embed({ texts, batchSize }, { progress, signal }) {
      if (!embedder) throw new Error('No embedding model is loaded: load one first');
      return embedder.emb.embed(texts, { batchSize, signal, onProgress: (done, total) => progress({ done, total }) });
    },
    async unload({ what }) {
      if (what !== 'embedder') {
        await chat?.gen.dispose();
        chat = null;
      }
      if (what !== 'chat') {
        await embedder?.emb.dispose();
        embedder = null;
      }
      return { ok: true };
    },
  };
}
