/**
 * WebGPU detection: is there an adapter, is it a CPU fallback (SwiftShader: works, very
 * slowly), does it have 'shader-f16' (decides q4f16 versus q4f32 builds), and its limits.
 */

/** What the LLM panel needs to know about the GPU. */
export interface GpuReport {
  available: boolean;
  /** Why not, in words for the person, when unavailable. */
  reason?: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software/CPU adapter (SwiftShader and the like). */
  isFallbackAdapter: boolean;
  shaderF16: boolean;
  maxBufferSize: number | null;
  maxStorageBufferBindingSize: number | null;
  /** `navigator.deviceMemory` (GB of RAM, Chrome only, capped at 8): a rough bound for GPUs that share system memory. */
  deviceMemoryGB: number | null;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize?: number; maxStorageBufferBindingSize?: number };
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

const NONE: GpuReport = {
  available: false, vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: false, shaderF16: false,
  maxBufferSize: null, maxStorageBufferBindingSize: null, deviceMemoryGB: null,
};

/** Probe WebGPU. Never throws. Pass `navigator` (or a stand-in in tests). */
export async function detectWebGpu(nav: { gpu?: unknown; deviceMemory?: number } | undefined = typeof navigator === 'undefined' ? undefined : navigator): Promise<GpuReport> {
  const gpu = nav?.gpu as GpuLike | undefined;
  if (!gpu) {
    return { ...NONE, reason: 'This browser has no WebGPU. Use a recent Chrome or Edge (or Safari 26+, Firefox 141+ on Windows); on Linux, Chrome needs the flag enable-unsafe-webgpu. Or pick the OpenAI-compatible engine or the rule-based simulator.' };
  }
  let adapter: AdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ...NONE, reason: `WebGPU is present but no adapter could be requested (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!adapter) {
    return { ...NONE, reason: 'WebGPU is present but found no usable GPU adapter (it may be blocked for this GPU or driver). Check chrome://gpu, update the driver, or use the OpenAI-compatible engine.' };
  }
  let info: AdapterInfoLike = adapter.info ?? {};
  if (!adapter.info && adapter.requestAdapterInfo) {
    try {
      info = await adapter.requestAdapterInfo();
    } catch {
      info = {};
    }
  }
  const text = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.device ?? ''} ${info.description ?? ''}`.toLowerCase();
  const software = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/.test(text);
  return {
    available: true,
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || software,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize ?? null,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize ?? null,
    deviceMemoryGB: typeof nav?.deviceMemory === 'number' ? nav.deviceMemory : null,
  };
}
