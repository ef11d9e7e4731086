/**
 * The Transformers.js models the app offers: chat models small enough for WASM, and the
 * default sentence-embedding model. Ids are Hugging Face hub ids; a self-hosted base URL
 * serves the same layout (`<base>/<id>/config.json`, `<base>/<id>/onnx/model_q8.onnx`, ...).
 */

export interface TjsChatModel {
  id: string;
  label: string;
  /** Approximate download in MB at the WASM dtype. */
  approxMB: number;
}

/** Chat models in the picker (ONNX exports with q8/q4f16 weights on the hub). */
export const TJS_CHAT_MODELS: readonly TjsChatModel[] = [
  { id: 'HuggingFaceTB/SmolLM2-135M-Instruct', label: 'SmolLM2 135M Instruct', approxMB: 140 },
  { id: 'HuggingFaceTB/SmolLM2-360M-Instruct', label: 'SmolLM2 360M Instruct', approxMB: 370 },
  { id: 'onnx-community/Qwen2.5-0.5B-Instruct', label: 'Qwen2.5 0.5B Instruct', approxMB: 500 },
];

/** Default sentence-embedding model (q8, about 23 MB). */
export const DEFAULT_EMBED_MODEL = 'Xenova/all-MiniLM-L6-v2';

export type TjsDevice = 'webgpu' | 'wasm' | 'cpu';

/**
 * Weights per device: WASM runs q8 about 10x faster than q4 (measured with random weights
 * of the real shapes, see shared/models/README.md); WebGPU takes q4f16. The CPU backend
 * (Node) takes q8 too. Models whose folder only has fp32 (the tiny test models) say so.
 */
export function defaultDtype(device: TjsDevice): string {
  return device === 'webgpu' ? 'q4f16' : 'q8';
}
