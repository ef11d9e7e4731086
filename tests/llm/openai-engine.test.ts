/**
 * The OpenAI-compatible engine end to end against a real HTTP server on 127.0.0.1 that
 * speaks chat completions with SSE streaming (node:http, started and stopped by the test).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { corsHint, OpenAiCompatibleEngine } from '../../src/llm/openai-engine';
import { ChatEngineError } from '../../src/core/llm/chat-engine';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRng } from '../../src/core/rng';
import { catalog, context, good, maya, stubFallback } from './fixtures';
import { closedPortUrl } from '../helpers/closed-port';

type Handler = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;

let server: Server;
let base = '';
let handler: Handler = () => {};
const seen: { url: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
const closed: boolean[] = [];
const timers = new Set<ReturnType<typeof setTimeout>>();

function later(ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, ms);
  timers.add(t);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const i = closed.push(false) - 1;
      res.on('close', () => (closed[i] = true));
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  seen.length = 0;
  closed.length = 0;
});

function sse(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}
function event(res: ServerResponse, obj: unknown): void {
  res.write(`data: ${JSON.stringify(obj)}\n\n`);
}
function streamText(res: ServerResponse, text: string, pieces: number, usage = true): void {
  sse(res);
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) event(res, { model: 'test-model', choices: [{ delta: { content: text.slice(i, i + size) }, finish_reason: null }] });
  event(res, { model: 'test-model', choices: [{ delta: {}, finish_reason: 'stop' }] });
  if (usage) event(res, { model: 'test-model', choices: [], usage: { prompt_tokens: 321, completion_tokens: 54 } });
  res.end('data: [DONE]\n\n');
}

const req = { messages: [{ role: 'user' as const, content: 'hi' }], responseFormat: { type: 'json_object' as const, schema: { type: 'object' }, name: 'item_reply' } };

describe('OpenAI-compatible engine against a local server', () => {
  it('streams deltas, reports usage, sends the schema and the key in a header', async () => {
    handler = (_q, _b, res) => streamText(res, 'Hello there, streaming world', 4);
    const engine = new OpenAiCompatibleEngine({ baseUrl: `${base}/`, model: 'llama3.2', apiKey: 'sk-test' });
    const deltas: string[] = [];
    const r = await engine.chat(req, { onDelta: (t) => deltas.push(t) });
    expect(r.text).toBe('Hello there, streaming world');
    expect(deltas.length).toBe(4);
    expect(deltas.join('')).toBe(r.text);
    expect(r.usage).toEqual({ promptTokens: 321, completionTokens: 54 });
    expect(r.usageEstimated).toBe(false);
    expect(r.model).toBe('test-model');
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen[0].url).toBe('/v1/chat/completions');
    expect(seen[0].url).not.toContain('sk-test');
    expect(seen[0].headers.authorization).toBe('Bearer sk-test');
    expect(seen[0].body).toMatchObject({ model: 'llama3.2', stream: true, response_format: { type: 'json_schema', json_schema: { name: 'item_reply', strict: true } } });
  });

  it('estimates usage when the server reports none, and flags it', async () => {
    handler = (_q, _b, res) => streamText(res, 'abcdefgh', 2, false);
    const r = await new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' }).chat(req);
    expect(r.usage.completionTokens).toBe(2);
    expect(r.usageEstimated).toBe(true);
  });

  it('reads a non-streamed JSON answer', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ model: 'x', choices: [{ message: { content: 'whole' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } }));
    };
    const r = await new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' }).chat(req);
    expect(r.text).toBe('whole');
  });

  it('turns a 401 into a clear error naming the API key and the server message', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
    };
    const err = await new OpenAiCompatibleEngine({ baseUrl: base, model: 'm', apiKey: 'bad' }).chat(req).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatEngineError);
    expect(err).toMatchObject({ kind: 'http', status: 401 });
    expect((err as Error).message).toMatch(/check the API key.*Incorrect API key provided/);
  });

  it('turns a 404 and a 500 into clear errors', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(404);
      res.end('model "nope" not found');
    };
    await expect(new OpenAiCompatibleEngine({ baseUrl: base, model: 'nope' }).chat(req)).rejects.toThrow(/base URL.*model name.*not found/);
    handler = (_q, _b, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'overloaded' }));
    };
    const waits: number[] = [];
    const retry = { retries: 2, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
    await expect(new OpenAiCompatibleEngine({ baseUrl: base, model: 'm', retry }).chat(req)).rejects.toMatchObject({ kind: 'http', status: 503, message: expect.stringMatching(/Server error 503.*overloaded Gave up after 3 attempts/) });
    // 503 is retried with a jittered exponential backoff (500 ms base: 375, then 750 with the jitter at its middle).
    expect(seen.filter((x) => x.url.endsWith('/chat/completions'))).toHaveLength(4);
    expect(waits).toEqual([375, 750]);
  });

  it('falls back to plain prompting when the server rejects response_format, and remembers it', async () => {
    handler = (_q, body, res) => {
      if (body.response_format) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { message: "response_format type 'json_schema' is not supported" } }));
      } else streamText(res, '{"ok":true}', 2);
    };
    const engine = new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' });
    const r = await engine.chat(req);
    expect(r.text).toBe('{"ok":true}');
    expect(r.schemaIgnored).toBe(true);
    expect(seen.map((s) => Boolean(s.body.response_format))).toEqual([true, false]);
    await engine.chat(req);
    expect(seen).toHaveLength(3);
    expect(seen[2].body.response_format).toBeUndefined();
  });

  it('times out a server that stalls mid-stream and one that never answers', async () => {
    handler = (_q, _b, res) => {
      sse(res);
      event(res, { choices: [{ delta: { content: 'partial' } }] });
    };
    // 1 s: the first piece must arrive before it on a loaded machine (two test workers share CI's two cores).
    const engine = new OpenAiCompatibleEngine({ baseUrl: base, model: 'm', timeoutMs: 1000 });
    const deltas: string[] = [];
    const err = await engine.chat(req, { onDelta: (t) => deltas.push(t) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/No answer .* \(timeout\)/) });
    expect(deltas).toEqual(['partial']);
    handler = () => {}; // never writes headers
    await expect(engine.chat(req)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('cancels a stream when the signal aborts and closes the connection', async () => {
    handler = (_q, _b, res) => {
      sse(res);
      let n = 0;
      const tick = () => {
        if (res.destroyed || n++ >= 100) return void res.end();
        event(res, { choices: [{ delta: { content: `t${n} ` } }] });
        later(20, tick);
      };
      tick();
    };
    const ctrl = new AbortController();
    const deltas: string[] = [];
    const err = await new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' })
      .chat(req, { signal: ctrl.signal, onDelta: (t) => { deltas.push(t); if (deltas.length === 3) ctrl.abort(); } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'aborted', name: 'AbortError' });
    expect(deltas.length).toBeLessThan(10);
    await new Promise<void>((resolve) => { const wait = () => (closed[0] ? resolve() : later(10, wait)); wait(); });
    expect(closed[0]).toBe(true);
  });

  it('says clearly when nothing listens at the URL', async () => {
    const waits: number[] = [];
    await expect(new OpenAiCompatibleEngine({ baseUrl: await closedPortUrl(), model: 'm', retry: { sleep: async (ms) => void waits.push(ms) } }).chat(req)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/Cannot reach .*\(connection refused\)\. Is the server running\? Gave up after 4 attempts/),
    });
    expect(waits).toHaveLength(3);
  });

  it('names CORS as a cause in a browser (page or worker), not in Node where no origin is refused', () => {
    expect(corsHint({})).toMatch(/CORS/);
    expect(corsHint({ process: { versions: { node: '20.19.0' } } })).toBe('');
    expect(corsHint()).toBe('');
  });

  it('lists models', async () => {
    handler = (_q, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'llama3.2' }, { id: 'qwen2.5:0.5b' }] }));
    };
    expect(await new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' }).listModels()).toEqual(['llama3.2', 'qwen2.5:0.5b']);
    expect(seen[0].url).toBe('/v1/models');
  });

  it('drives the LLM simulator end to end, streaming the thought', async () => {
    handler = (_q, _b, res) => streamText(res, good(), 9);
    const engine = new OpenAiCompatibleEngine({ baseUrl: base, model: 'm' });
    const thought: string[] = [];
    const sim = createLlmSimulator({ engine, fallback: stubFallback() });
    const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(2), instructionsEnabled: true, hooks: { onThoughtDelta: (_p, t) => thought.push(t) } });
    const d = await s.decide(catalog.items[0], 0, 0);
    expect(d.actions).toEqual(['watch', 'like']);
    expect(d.llm).toMatchObject({ promptTokens: 321, completionTokens: 54, retries: 0, model: 'test-model' });
    expect(thought.join('')).toBe(d.thought);
    const sent = seen[0].body.messages as { role: string; content: string }[];
    expect(sent[0].role).toBe('system');
    expect(sent[1].content).toContain('Lobster trap haul at dawn');
  });
});
