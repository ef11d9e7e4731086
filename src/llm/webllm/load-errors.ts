/**
 * Turning WebLLM's load failures into messages a person can act on.
 */

/** Why loading a model failed. */
export type LoadErrorKind = 'no_webgpu' | 'download' | 'too_big' | 'shader_f16' | 'aborted' | 'other';

export class ModelLoadError extends Error {
  readonly kind: LoadErrorKind;
  constructor(kind: LoadErrorKind, message: string) {
    super(message);
    this.name = 'ModelLoadError';
    this.kind = kind;
  }
}

/** Classify a load error and write the message. */
export function explainLoadError(e: unknown, modelId: string, vramMB?: number): ModelLoadError {
  if (e instanceof ModelLoadError) return e;
  const name = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '';
  const msg = e instanceof Error ? e.message : String(e);
  const all = `${name} ${msg}`;
  if (/AbortError|aborted|interrupted by user/i.test(all) && !/fetch/i.test(msg)) {
    return new ModelLoadError('aborted', `Loading ${modelId} was cancelled. The shards already downloaded stay cached; loading again resumes from there.`);
  }
  if (/WebGPUNotAvailable|WebGPUNotFound|navigator\.gpu|WebGPU is not|no WebGPU|Unable to find a compatible GPU/i.test(all)) {
    return new ModelLoadError('no_webgpu', `WebGPU is not available here, so ${modelId} cannot run in this browser. Use a recent Chrome or Edge with WebGPU, or the OpenAI-compatible engine.`);
  }
  if (/ShaderF16|shader-f16|f16/i.test(all) && /support|feature/i.test(all)) {
    return new ModelLoadError('shader_f16', `${modelId} needs the GPU feature 'shader-f16', which this adapter lacks. Pick a q4f32 build.`);
  }
  if (/DeviceLost|device was lost|out of memory|OOM|allocation|maxStorageBufferBindingSize|buffer size/i.test(all)) {
    const need = vramMB ? ` (it needs about ${(vramMB / 1024).toFixed(1)} GB of GPU memory)` : '';
    return new ModelLoadError('too_big', `The GPU ran out of memory loading ${modelId}${need}. Pick a smaller model, close other GPU-heavy tabs, or use the OpenAI-compatible engine.`);
  }
  if (/fetch|network|download|Failed to|404|403|CORS|load failed|ERR_|cache/i.test(all)) {
    return new ModelLoadError('download', `Could not download ${modelId}: ${msg}. Check the connection (or the self-hosted model URL). An interrupted download resumes from the shards already cached.`);
  }
  return new ModelLoadError('other', `Loading ${modelId} failed: ${msg}`);
}
