/**
 * The Transformers.js pipelines for real, in Node, with the tiny random-weight models of
 * shared/models (real tokenizers and layout; meaningless output). Skipped when the folder
 * is absent. Checks shapes, pooling, progress, streaming, token counts, stop, errors for a
 * missing or damaged model, remote loading off, the worker handlers over a real
 * MessageChannel, and the LLM simulator's fallback on the (garbage) output.
 */
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tjs from '@huggingface/transformers';
import { ChatEngineError } from '../../src/core/llm/chat-engine';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { emptyMemory } from '../../src/core/simulator/memory';
import { simulators } from '../../src/core/simulator/registry';
import { createRng } from '../../src/core/rng';
import { TransformersChatEngine } from '../../src/llm/transformers/chat-engine';
import { createTjsHandlers } from '../../src/llm/transformers/handlers';
import type { TjsApi } from '../../src/llm/transformers/protocol';
import type { TjsProgress } from '../../src/llm/transformers/progress';
import { loadEmbedder, loadGenerator, TjsLoadError, type Generator, type TjsModule } from '../../src/llm/transformers/runtime';
import { connect, serve, type Endpoint } from '../../src/worker/rpc';
import { catalog, context, maya } from './fixtures';

const MODELS = process.env.RECOWORLD_MODELS ?? join(__dirname, '../../../shared/models');
const have = existsSync(join(MODELS, 'tiny-random-minilm', 'onnx', 'model.onnx')) && existsSync(join(MODELS, 'tiny-random-smollm2', 'onnx', 'model.onnx'));
const lib = tjs as unknown as TjsModule;
const local = (model: string) => ({ model, device: 'cpu' as const, dtype: 'fp32', modelBase: MODELS });

describe.skipIf(!have)('Transformers.js feature extraction (tiny MiniLM, Node)', () => {
  it('loads from the local folder with remote loading off; 32-d unit vectors, mean pooled; progress to ready', async () => {
    const progress: TjsProgress[] = [];
    const emb = await loadEmbedder(lib, local('tiny-random-minilm'), (p) => progress.push(p));
    expect(tjs.env.allowRemoteModels).toBe(false);
    expect(progress.at(-1)).toMatchObject({ phase: 'ready', fraction: 1 });
    expect(progress.some((p) => p.phase === 'fetch' && p.files > 0)).toBe(true);
    const texts = ['Backyard crab boil for 11 people', 'Title fight recap', 'a', 'Braids in five minutes'];
    const done: number[] = [];
    const { dim, data } = await emb.embed(texts, { batchSize: 3, onProgress: (d) => done.push(d) });
    expect(dim).toBe(32);
    expect(data.length).toBe(4 * 32);
    expect(done).toEqual([3, 4]);
    for (let i = 0; i < 4; i++) expect(Math.hypot(...data.subarray(i * 32, (i + 1) * 32))).toBeCloseTo(1, 5);
    // Mean pooling: equal to the mean of the token vectors of the raw pipeline, normalised.
    const raw = (await (await tjs.pipeline('feature-extraction', 'tiny-random-minilm', { dtype: 'fp32' }))(texts[0], { pooling: 'none' })) as unknown as { dims: number[]; data: Float32Array };
    const [, tokens, d] = raw.dims;
    const mean = new Float32Array(d);
    for (let t = 0; t < tokens; t++) for (let k = 0; k < d; k++) mean[k] += raw.data[t * d + k] / tokens;
    const n = Math.hypot(...mean);
    for (let k = 0; k < d; k++) expect(data[k]).toBeCloseTo(mean[k] / n, 5);
    // Same text, same vector (batching does not change it).
    const again = await emb.embed([texts[3]]);
    for (let k = 0; k < 32; k++) expect(again.data[k]).toBeCloseTo(data[3 * 32 + k], 5);
    await emb.dispose();
  });

  it('loads from a self-hosted URL (a real local HTTP server), asking only that server', async () => {
    const { createServer } = await import('node:http');
    const { readFile } = await import('node:fs/promises');
    const seen: string[] = [];
    const server = createServer(async (q, r) => {
      seen.push(q.url ?? '');
      // Served under another name: Transformers.js memoises files per model id in a process.
      const path = decodeURIComponent(new URL(q.url ?? '/', 'http://x').pathname).replace(/^\/served-minilm\//, '/tiny-random-minilm/');
      const body = await readFile(join(MODELS, path)).catch(() => null);
      r.writeHead(body ? 200 : 404).end(body ?? 'not found');
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    // Transformers.js keeps files fetched from a host in a file cache in Node: a fresh one
    // here (not node_modules), so every file must come from this server.
    const cacheDir = tjs.env.cacheDir;
    tjs.env.cacheDir = await mkdtemp(join(tmpdir(), 'tjs-cache-'));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      const emb = await loadEmbedder(lib, { ...local('served-minilm'), modelBase: url });
      expect((await emb.embed(['hello'])).dim).toBe(32);
      expect(seen.some((u) => u.endsWith('/served-minilm/tokenizer.json'))).toBe(true);
      expect(seen.some((u) => u.endsWith('/served-minilm/onnx/model.onnx'))).toBe(true);
      await expect(loadEmbedder(lib, { ...local('not-there'), modelBase: url })).rejects.toThrow(/"not-there".*is not in the self-hosted folder/);
      await emb.dispose();
    } finally {
      tjs.env.cacheDir = cacheDir;
      server.close();
    }
  });

  it('a model missing from the folder is a clear error, and nothing is fetched from the hub', async () => {
    await expect(loadEmbedder(lib, local('Xenova/all-MiniLM-L6-v2'))).rejects.toThrow(TjsLoadError);
    await expect(loadEmbedder(lib, local('Xenova/all-MiniLM-L6-v2'))).rejects.toThrow(/is not in the self-hosted folder/);
  });

  describe('a damaged model file', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tjs-corrupt-'));
      const src = join(MODELS, 'tiny-random-minilm');
      await mkdir(join(dir, 'broken', 'onnx'), { recursive: true });
      for (const f of await readdir(src)) if (f.endsWith('.json') || f.endsWith('.txt')) await copyFile(join(src, f), join(dir, 'broken', f));
      await writeFile(join(dir, 'broken', 'onnx', 'model.onnx'), Buffer.from('this is not a protobuf at all'.repeat(40)));
    });
    it('is reported as damaged', async () => {
      await expect(loadEmbedder(lib, { ...local('broken'), modelBase: dir })).rejects.toThrow(/damaged|could not be loaded/);
    });
  });
});

describe.skipIf(!have)('Transformers.js chat (tiny SmolLM2, Node)', () => {
  let gen: Generator;
  beforeAll(async () => {
    gen = await loadGenerator(lib, local('tiny-random-smollm2'));
  });
  afterAll(async () => gen?.dispose());
  const messages = [
    { role: 'system' as const, content: 'You are Maya, 34, from Oakland.' },
    { role: 'user' as const, content: 'Item: Lobster trap haul at dawn. Reply in JSON.' },
  ];

  it('streams deltas that add up to the text, with real token counts and a length finish', async () => {
    const deltas: string[] = [];
    const r = await gen.generate({ messages, maxNewTokens: 12 }, (d) => deltas.push(d));
    expect(deltas.join('')).toBe(r.text);
    expect(r.completionTokens).toBe(12);
    expect(r.finishReason).toBe('length');
    expect(r.promptTokens).toBe(gen.countPromptTokens(messages));
    expect(r.promptTokens).toBeGreaterThan(15);
    // Greedy decoding: the same prompt gives the same text.
    expect((await gen.generate({ messages, maxNewTokens: 12 })).text).toBe(r.text);
  });

  it('the chat engine stops on the signal with an "aborted" error', async () => {
    const engine = new TransformersChatEngine({ model: gen.model, generate: (a, o) => gen.generate(a, o.onDelta, o.signal) });
    const signal = { aborted: false };
    let n = 0;
    const call = engine.chat({ messages, maxTokens: 200 }, { signal, onDelta: () => { if (++n === 3) signal.aborted = true; } });
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    expect(n).toBeLessThan(200);
    const ok = await engine.chat({ messages, maxTokens: 5, responseFormat: { type: 'json_object', schema: { type: 'object' } } });
    expect(ok.usage.completionTokens).toBe(5);
    expect(ok.schemaIgnored).toBe(true);
    expect(ok.model).toBe('tiny-random-smollm2');
  });

  it('garbage output: the LLM simulator retries, then decides with the rule-based fallback (marked)', async () => {
    const engine = new TransformersChatEngine({ model: gen.model, generate: (a, o) => gen.generate(a, o.onDelta, o.signal) });
    const sim = createLlmSimulator({ engine, fallback: simulators.get('rule-based').create(), maxTokens: 16, maxRetries: 1 });
    const session = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: false });
    const d = await session.decide(catalog.items[0], 0, 0);
    expect(d.fallback).toBe(true);
    expect(d.actions.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!have)('Transformers.js worker handlers over a MessageChannel', () => {
  it('loads, streams progress and deltas, reuses a loaded model, cancels, and embeds', async () => {
    const { port1, port2 } = new MessageChannel();
    const stop = serve<TjsApi>(port1 as unknown as Endpoint, createTjsHandlers(async () => lib));
    const client = connect<TjsApi>(port2 as unknown as Endpoint, 'test worker');
    try {
      await expect(client.call('generate', { messages: [{ role: 'user', content: 'hi' }], maxNewTokens: 3 })).rejects.toThrow(/No chat model is loaded/);
      const progress: TjsProgress[] = [];
      const info = await client.call('loadChat', local('tiny-random-smollm2'), { onProgress: (p) => progress.push(p) });
      expect(info.model).toBe('tiny-random-smollm2');
      expect(progress.at(-1)?.phase).toBe('ready');
      const deltas: string[] = [];
      const r = await client.call('generate', { messages: [{ role: 'user', content: 'hi' }], maxNewTokens: 6 }, { onProgress: (d) => deltas.push(d) });
      expect(deltas.join('')).toBe(r.text);
      expect(r.completionTokens).toBe(6);
      // Loading the same model again reuses it (no file events this time).
      const again: TjsProgress[] = [];
      await client.call('loadChat', local('tiny-random-smollm2'), { onProgress: (p) => again.push(p) });
      expect(again).toHaveLength(1);
      expect(again[0].files).toBe(0);
      // Cancel mid-generation.
      const ac = new AbortController();
      let n = 0;
      const res = await client.call('generate', { messages: [{ role: 'user', content: 'hi' }], maxNewTokens: 300 }, { signal: ac.signal, onProgress: () => { if (++n === 2) ac.abort(); } });
      expect(res.finishReason).toBe('abort');
      expect(res.completionTokens).toBeLessThan(300);
      await client.call('loadEmbedder', local('tiny-random-minilm'));
      const e = await client.call('embed', { texts: ['one', 'two', 'three'] });
      expect(e.dim).toBe(32);
      expect(e.data.length).toBe(96);
      expect(e.data).toBeInstanceOf(Float32Array);
    } finally {
      await client.call('unload', { what: 'all' });
      stop();
      port1.close();
      port2.close();
    }
  });
});

describe('Transformers.js chat engine errors (no model needed)', () => {
  it('maps a failed backend to bad_response and a dead worker to not_loaded', async () => {
    const failing = new TransformersChatEngine({ model: 'm', generate: async () => { throw new Error('kaput'); } });
    await expect(failing.chat({ messages: [] })).rejects.toMatchObject({ kind: 'bad_response' });
    const dead = new TransformersChatEngine({ model: 'm', generate: async () => { throw new Error('Transformers.js worker failed: could not start'); } });
    const err = await dead.chat({ messages: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(ChatEngineError);
    expect(err.kind).toBe('not_loaded');
  });
});
