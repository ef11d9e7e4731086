/**
 * The models offered: small instruction-tuned models from WebLLM's prebuilt list, with
 * their GPU memory need (WebLLM's own figure) and an estimated first-download size.
 * The q4f16 builds are offered only on adapters with 'shader-f16', the q4f32 builds otherwise.
 */
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

/** One offered model build. */
export interface ModelOption {
  /** WebLLM model id, e.g. "Qwen2.5-0.5B-Instruct-q4f32_1-MLC". */
  id: string;
  label: string;
  /** Parameters, in billions. */
  paramsB: number;
  quant: 'q4f16' | 'q4f32';
  /** GPU memory needed, MB (WebLLM's `vram_required_MB`). */
  vramMB: number;
  /**
   * First download, MB: an estimate from the parameter count (4-bit weights plus one f16
   * or f32 scale per 32 weights), not a measured figure.
   */
  downloadMB: number;
  contextWindow: number;
  /** WebLLM marks it as able to run on limited devices. */
  lowResource: boolean;
  /** Required `maxStorageBufferBindingSize`, bytes, where WebLLM states one. */
  bufferBytes?: number;
}

/** Families offered, smallest first, with parameter counts (billions) from the model cards. */
const FAMILIES: { prefix: string; label: string; paramsB: number }[] = [
  { prefix: 'SmolLM2-360M-Instruct', label: 'SmolLM2 360M', paramsB: 0.362 },
  { prefix: 'Qwen2.5-0.5B-Instruct', label: 'Qwen2.5 0.5B', paramsB: 0.494 },
  { prefix: 'Llama-3.2-1B-Instruct', label: 'Llama 3.2 1B', paramsB: 1.24 },
  { prefix: 'Qwen2.5-1.5B-Instruct', label: 'Qwen2.5 1.5B', paramsB: 1.54 },
  { prefix: 'SmolLM2-1.7B-Instruct', label: 'SmolLM2 1.7B', paramsB: 1.71 },
  { prefix: 'gemma-2-2b-it', label: 'Gemma 2 2B', paramsB: 2.61 },
];

/** Estimated download in MB for a 4-bit build. */
export function estimateDownloadMB(paramsB: number, quant: 'q4f16' | 'q4f32'): number {
  const bitsPerWeight = 4 + (quant === 'q4f16' ? 16 : 32) / 32;
  return Math.round((paramsB * 1e9 * bitsPerWeight) / 8 / 1e6);
}

/** The offered models out of an app config (WebLLM's `prebuiltAppConfig`). */
export function modelCatalogue(appConfig: AppConfig): ModelOption[] {
  const out: ModelOption[] = [];
  for (const f of FAMILIES) {
    for (const quant of ['q4f16', 'q4f32'] as const) {
      const id = `${f.prefix}-${quant}_1-MLC`;
      const rec: ModelRecord | undefined = appConfig.model_list.find((m) => m.model_id === id);
      if (!rec) continue;
      out.push({
        id,
        label: `${f.label} (${quant})`,
        paramsB: f.paramsB,
        quant,
        vramMB: Math.round(rec.vram_required_MB ?? 0),
        downloadMB: estimateDownloadMB(f.paramsB, quant),
        contextWindow: Number(rec.overrides?.context_window_size ?? 4096),
        lowResource: Boolean(rec.low_resource_required),
        bufferBytes: rec.buffer_size_required_bytes,
      });
    }
  }
  return out;
}

/** The builds this adapter can run: q4f16 with 'shader-f16', q4f32 otherwise. */
export function modelsForAdapter(models: readonly ModelOption[], shaderF16: boolean): ModelOption[] {
  return models.filter((m) => m.quant === (shaderF16 ? 'q4f16' : 'q4f32'));
}

/** Whether a model fits the adapter's limits: 'no' when WebLLM's required buffer size exceeds the adapter's. */
export function fitsAdapter(m: ModelOption, maxStorageBufferBindingSize: number | null): 'yes' | 'no' | 'unknown' {
  if (!m.bufferBytes || maxStorageBufferBindingSize === null) return 'unknown';
  return m.bufferBytes <= maxStorageBufferBindingSize ? 'yes' : 'no';
}

/**
 * A warning when the model may not fit: WebLLM's buffer-size need above the adapter's limit
 * (certain), or its GPU memory need above half the device's RAM (a guess: WebGPU does not
 * report GPU memory; integrated GPUs share system RAM). Null when nothing suggests a problem.
 */
export function sizeWarning(m: ModelOption, gpu: { maxStorageBufferBindingSize: number | null; deviceMemoryGB: number | null }): string | null {
  if (fitsAdapter(m, gpu.maxStorageBufferBindingSize) === 'no') return `${m.label} needs larger GPU buffers than this adapter allows: it will not load here. Pick a smaller model.`;
  if (gpu.deviceMemoryGB !== null && m.vramMB > gpu.deviceMemoryGB * 1024 * 0.5) {
    return `${m.label} needs about ${(m.vramMB / 1024).toFixed(1)} GB of GPU memory; this device reports ${gpu.deviceMemoryGB} GB of RAM, so it may be too big. A smaller model is safer.`;
  }
  return null;
}

/**
 * The app config to load with: WebLLM's prebuilt one, or the same models served from a
 * self-hosted base URL (`<base>/<model id>/resolve/main/…` for weights, `<base>/libs/<wasm>`
 * for the model libraries; see docs/llm.md).
 */
export function appConfigFor(prebuilt: AppConfig, selfHostedBase: string | null): AppConfig {
  const base = selfHostedBase?.trim().replace(/\/+$/, '');
  if (!base) return prebuilt;
  return {
    ...prebuilt,
    model_list: prebuilt.model_list.map((m) => ({
      ...m,
      model: `${base}/${m.model_id}/resolve/main/`,
      model_lib: `${base}/libs/${m.model_lib.split('/').pop() ?? m.model_lib}`,
    })),
  };
}
