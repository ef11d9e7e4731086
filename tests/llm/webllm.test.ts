/**
 * Everything around WebLLM that runs without a GPU or weights: the model catalogue from
 * WebLLM's real prebuilt list, progress parsing, load-error messages, the engine adapter over
 * a stand-in MLC engine (streaming, schema, interrupt, device lost), recovery, detection.
 */
import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { appConfigFor, estimateDownloadMB, fitsAdapter, modelCatalogue, modelsForAdapter, sizeWarning } from '../../src/llm/webllm/catalogue';
import { parseProgress } from '../../src/llm/webllm/progress';
import { explainLoadError } from '../../src/llm/webllm/load-errors';
import { WebLlmEngine, type MlcChunk, type MlcEngineLike } from '../../src/llm/webllm/webllm-engine';
import { RecoveringEngine } from '../../src/llm/recovering-engine';
import { detectWebGpu } from '../../src/llm/webllm/webgpu';
import { ChatEngineError } from '../../src/core/llm/chat-engine';

describe('model catalogue', () => {
  const all = modelCatalogue(prebuiltAppConfig);
  it('offers small instruct models present in WebLLM\'s prebuilt list, both builds', () => {
    const ids = all.map((m) => m.id);
    for (const id of ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC']) expect(ids).toContain(id);
    for (const m of all) {
      expect(prebuiltAppConfig.model_list.some((r) => r.model_id === m.id)).toBe(true);
      expect(m.vramMB).toBeGreaterThan(100);
      expect(m.downloadMB).toBeGreaterThan(100);
    }
  });
  it('offers q4f16 only with shader-f16 and q4f32 otherwise', () => {
    expect(modelsForAdapter(all, false).every((m) => m.quant === 'q4f32')).toBe(true);
    expect(modelsForAdapter(all, true).every((m) => m.quant === 'q4f16')).toBe(true);
    expect(modelsForAdapter(all, false).length).toBe(modelsForAdapter(all, true).length);
  });
  it('estimates downloads from the parameter count and checks buffer limits', () => {
    expect(estimateDownloadMB(1, 'q4f16')).toBe(563);
    expect(estimateDownloadMB(1, 'q4f32')).toBe(625);
    const m = { ...all[0], bufferBytes: 1000 };
    expect(fitsAdapter(m, 999)).toBe('no');
    expect(fitsAdapter(m, 1000)).toBe('yes');
    expect(fitsAdapter({ ...m, bufferBytes: undefined }, 1000)).toBe('unknown');
  });
  it('warns when a model may be too big for the device', () => {
    const big = { ...all[0], vramMB: 2600, bufferBytes: undefined };
    expect(sizeWarning(big, { maxStorageBufferBindingSize: null, deviceMemoryGB: 4 })).toMatch(/2\.5 GB of GPU memory.*4 GB of RAM/);
    expect(sizeWarning(big, { maxStorageBufferBindingSize: null, deviceMemoryGB: 8 })).toBeNull();
    expect(sizeWarning(big, { maxStorageBufferBindingSize: null, deviceMemoryGB: null })).toBeNull();
    expect(sizeWarning({ ...big, bufferBytes: 2e9 }, { maxStorageBufferBindingSize: 1e9, deviceMemoryGB: null })).toMatch(/will not load here/);
  });
  it('points weights and libraries at a self-hosted base URL', () => {
    const cfg = appConfigFor(prebuiltAppConfig, 'https://models.example.org/webllm/');
    const rec = cfg.model_list.find((r) => r.model_id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(rec?.model).toBe('https://models.example.org/webllm/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/');
    const original = prebuiltAppConfig.model_list.find((r) => r.model_id === 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!.model_lib;
    expect(rec?.model_lib).toBe(`https://models.example.org/webllm/libs/${original.split('/').pop()}`);
    expect(rec?.model_lib).toMatch(/\.wasm$/);
    expect(appConfigFor(prebuiltAppConfig, '  ')).toBe(prebuiltAppConfig);
  });
});

describe('progress', () => {
  it('reads MB done, total and speed from WebLLM\'s reports', () => {
    const a = parseProgress({ progress: 0.1, timeElapsed: 2, text: 'Fetching param cache[3/24]: 30MB fetched. 10% completed, 2 secs elapsed.' }, null);
    expect(a).toMatchObject({ phase: 'download', mbDone: 30, mbTotal: 300, mbPerSec: 15 });
    const b = parseProgress({ progress: 0.3, timeElapsed: 6, text: 'Fetching param cache[9/24]: 90MB fetched. 30% completed, 6 secs elapsed.' }, a);
    expect(b.mbPerSec).toBe(15);
    expect(b.fraction).toBe(0.3);
    const c = parseProgress({ progress: 0.5, timeElapsed: 7, text: 'Loading model from cache[12/24]: 150MB loaded. 50% completed, 7 secs elapsed.' }, b);
    expect(c.phase).toBe('cache');
    const d = parseProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' }, null);
    expect(d).toMatchObject({ phase: 'init', mbDone: null, mbTotal: null });
  });
});

describe('load errors', () => {
  it('names the cause and what to do', () => {
    expect(explainLoadError(new TypeError('Failed to fetch'), 'M')).toMatchObject({ kind: 'download', message: expect.stringMatching(/Could not download M.*resumes/) });
    const lost = Object.assign(new Error('The WebGPU device was lost while loading the model.'), { name: 'DeviceLostError' });
    expect(explainLoadError(lost, 'M', 2048)).toMatchObject({ kind: 'too_big', message: expect.stringMatching(/2\.0 GB.*smaller model/) });
    expect(explainLoadError(Object.assign(new Error('x'), { name: 'WebGPUNotAvailableError' }), 'M').kind).toBe('no_webgpu');
    expect(explainLoadError(new Error('This model requires feature shader-f16, which is not supported by this GPU'), 'M').kind).toBe('shader_f16');
    expect(explainLoadError(new Error('weird'), 'M')).toMatchObject({ kind: 'other', message: 'Loading M failed: weird' });
  });
});

/** A stand-in for WebLLM's engine: yields the text in pieces; `interruptGenerate` ends the stream early. */
function fakeMlc(text: string, opts: { failWith?: Error; failAfter?: number } = {}) {
  const calls: Record<string, unknown>[] = [];
  let interrupted = 0;
  const mlc: MlcEngineLike & { calls: typeof calls; interrupts: () => number } = {
    calls,
    interrupts: () => interrupted,
    interruptGenerate: () => void interrupted++,
    unload: async () => {},
    chat: {
      completions: {
        create: async (req) => {
          calls.push(req);
          const pieces = text.match(/.{1,5}/gs) ?? [];
          return (async function* (): AsyncGenerator<MlcChunk> {
            let i = 0;
            for (const p of pieces) {
              if (opts.failWith && i++ === (opts.failAfter ?? 0)) throw opts.failWith;
              if (interrupted) break;
              yield { model: 'fake', choices: [{ delta: { content: p }, finish_reason: null }] };
            }
            yield { model: 'fake', choices: [{ delta: {}, finish_reason: interrupted ? 'abort' : 'stop' }] };
            yield { model: 'fake', choices: [], usage: { prompt_tokens: 42, completion_tokens: pieces.length } };
          })();
        },
      },
    },
  };
  return mlc;
}

const req = { messages: [{ role: 'user' as const, content: 'hi' }], responseFormat: { type: 'json_object' as const, schema: { type: 'object', properties: {} } } };

describe('WebLLM engine adapter', () => {
  it('streams, reports usage and sends the schema as a string', async () => {
    const mlc = fakeMlc('{"thought": "fish"}');
    let t = 0;
    const engine = new WebLlmEngine(mlc, 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', () => (t += 500));
    const deltas: string[] = [];
    const r = await engine.chat(req, { onDelta: (d) => deltas.push(d) });
    expect(r.text).toBe('{"thought": "fish"}');
    expect(deltas.join('')).toBe(r.text);
    expect(r.usage).toEqual({ promptTokens: 42, completionTokens: 4 });
    expect(r.latencyMs).toBe(500);
    expect(mlc.calls[0].response_format).toEqual({ type: 'json_object', schema: '{"type":"object","properties":{}}' });
    expect(mlc.calls[0].stream).toBe(true);
  });

  it('interrupts generation on stop, reads the stream to its end, and rejects as aborted', async () => {
    const mlc = fakeMlc('x'.repeat(200));
    const ctrl = new AbortController();
    const engine = new WebLlmEngine(mlc, 'm');
    const deltas: string[] = [];
    const err = await engine.chat(req, { signal: ctrl.signal, onDelta: (d) => { deltas.push(d); if (deltas.length === 2) ctrl.abort(); } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'aborted', name: 'AbortError' });
    expect(mlc.interrupts()).toBe(1);
    expect(deltas.length).toBe(2);
  });

  it('reports a lost device as device_lost', async () => {
    const lost = Object.assign(new Error('Device lost'), { name: 'DeviceLostError' });
    const engine = new WebLlmEngine(fakeMlc('abcdefghij', { failWith: lost, failAfter: 1 }), 'm');
    await expect(engine.chat(req)).rejects.toMatchObject({ kind: 'device_lost' });
  });
});

describe('RecoveringEngine', () => {
  it('recreates the engine after a lost device and sends the same request again', async () => {
    const lost = Object.assign(new Error('Device lost'), { name: 'DeviceLostError' });
    const first = new WebLlmEngine(fakeMlc('abcdefghij', { failWith: lost, failAfter: 1 }), 'm');
    const second = fakeMlc('{"ok": 1}');
    const states: string[] = [];
    const engine = new RecoveringEngine(first, { create: async () => new WebLlmEngine(second, 'm'), onRecover: (s) => states.push(s) });
    const r = await engine.chat(req);
    expect(r.text).toBe('{"ok": 1}');
    expect(states).toEqual(['recovering', 'recovered']);
    expect(engine.recoveries).toBe(1);
    expect(second.calls[0].messages).toEqual(req.messages);
  });

  it('gives up after one recovery per call and passes other errors through', async () => {
    const lost = new ChatEngineError('device_lost', 'lost');
    const always = { id: 'x', chat: async () => { throw lost; } };
    const states: string[] = [];
    const engine = new RecoveringEngine(always, { create: async () => always, onRecover: (s) => states.push(s) });
    await expect(engine.chat(req)).rejects.toBe(lost);
    expect(states).toEqual(['recovering', 'recovered', 'failed']);
    const other = new ChatEngineError('bad_response', 'nope');
    const e2 = new RecoveringEngine({ id: 'y', chat: async () => { throw other; } }, { create: async () => always });
    await expect(e2.chat(req)).rejects.toBe(other);
    expect(e2.recoveries).toBe(0);
  });
});

describe('WebGPU detection (stand-in navigator)', () => {
  it('says what to do without WebGPU', async () => {
    const r = await detectWebGpu({});
    expect(r.available).toBe(false);
    expect(r.reason).toMatch(/OpenAI-compatible engine/);
    const noAdapter = await detectWebGpu({ gpu: { requestAdapter: async () => null } });
    expect(noAdapter).toMatchObject({ available: false, reason: expect.stringMatching(/no usable GPU adapter/) });
  });
  it('recognises a SwiftShader adapter as a CPU fallback without shader-f16', async () => {
    const adapter = { features: new Set<string>(), limits: { maxBufferSize: 268435456, maxStorageBufferBindingSize: 134217728 }, info: { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader Device (Subzero)' } };
    const r = await detectWebGpu({ gpu: { requestAdapter: async () => adapter } });
    expect(r).toMatchObject({ available: true, isFallbackAdapter: true, shaderF16: false, maxStorageBufferBindingSize: 134217728 });
    const real = { features: new Set(['shader-f16']), limits: {}, info: { vendor: 'nvidia', architecture: 'ampere', device: '', description: '' } };
    expect(await detectWebGpu({ gpu: { requestAdapter: async () => real } })).toMatchObject({ isFallbackAdapter: false, shaderF16: true });
  });
});

describe('WebLLM engine bounds', () => {
  it('interrupts and fails a generation that never ends by the deadline (a stuck GPU)', async () => {
    let interrupts = 0;
    const stuck: MlcEngineLike = {
      interruptGenerate: () => void interrupts++,
      unload: async () => {},
      chat: {
        completions: {
          create: async () =>
            (async function* (): AsyncGenerator<MlcChunk> {
              yield { model: 'fake', choices: [{ delta: { content: 'I thi' }, finish_reason: null }] };
              await new Promise(() => {}); // never another token, never the end
            })(),
        },
      },
    };
    const err = await new WebLlmEngine(stuck, 'm', undefined, { deadlineMs: 50 }).chat(req).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not finish its reply within 0 s \(the deadline per call\) and was stopped after 5 characters/) });
    expect(interrupts).toBe(1);
  });

  it('stops a reply that grows past the cap, interrupting the generation', async () => {
    const mlc = fakeMlc('x'.repeat(200));
    const deltas: string[] = [];
    const err = await new WebLlmEngine(mlc, 'm', undefined, { maxReplyChars: 20 }).chat(req, { onDelta: (t) => deltas.push(t) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'too_long', message: expect.stringMatching(/grew past 20 characters/) });
    expect(mlc.interrupts()).toBe(1);
    expect(deltas.join('')).toBe('x'.repeat(20));
  });
});
