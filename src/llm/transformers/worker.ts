/**
 * The Transformers.js worker entry: models load and run here, off the page's thread.
 * onnxruntime-web's runtime files are bundled by Vite as the app's own assets (`?url`), so
 * nothing is fetched from a CDN.
 */
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { serve, type Endpoint } from '../../worker/rpc';
import { createTjsHandlers } from './handlers';
import type { TjsApi } from './protocol';
import type { TjsModule } from './runtime';

const abs = (u: string) => new URL(u, self.location.href).href;

serve<TjsApi>(
  self as unknown as Endpoint,
  createTjsHandlers(() => import('@huggingface/transformers') as unknown as Promise<TjsModule>, { wasmPaths: { mjs: abs(ortMjsUrl), wasm: abs(ortWasmUrl) } }),
);
