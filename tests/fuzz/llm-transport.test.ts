/**
 * Fuzz suite, transport and protocol: malformed chat-completions answers and transport
 * faults from a real HTTP server on 127.0.0.1, each through the real OpenAI-compatible
 * engine with short deadlines. Every case expects either a clear error of a named kind
 * (with a message saying what went wrong) or a reply whose oddities were repaired and
 * flagged; none may hang (short idle timeout and deadline; vitest's per-test timeout
 * catches a hang), and the retries it makes are counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { OpenAiCompatibleEngine, type OpenAiEngineConfig } from '../../src/llm/openai-engine';
import { ChatEngineError, type ChatErrorKind, type ChatResponse } from '../../src/core/llm/chat-engine';
import { delta, ev, json, sse, startFuzzServer, streamReply, type FuzzServer, type Serve } from './llm-server';

let fz: FuzzServer;
beforeAll(async () => {
  fz = await startFuzzServer();
  // The first fetch of a process loads its HTTP client: keep that out of the timed cases.
  fz.reset((_q, res) => streamReply(res, 'warm'));
  await new OpenAiCompatibleEngine({ baseUrl: fz.base, model: 'm' }).chat({ messages: [] });
});
afterAll(async () => {
  await fz.close();
});

/** Waits asked for by the engine between retries (recorded; the test waits at most 10 ms). */
let waits: number[] = [];
const sleep = (ms: number) => {
  waits.push(ms);
  return new Promise<void>((r) => setTimeout(r, Math.min(ms, 10)));
};

const FAST: Partial<OpenAiEngineConfig> = {
  timeoutMs: 1_000,
  deadlineMs: 3_000,
  maxReplyChars: 20_000,
  maxResponseBytes: 256 * 1024,
  maxLineChars: 64 * 1024,
  retry: { retries: 2, baseMs: 40, maxMs: 200, maxRetryAfterMs: 10_000, sleep, random: () => 0.5 },
};

const req = { messages: [{ role: 'user' as const, content: 'hi' }] };

type Expect = { error: ChatErrorKind; message: RegExp; requests?: number } | { ok: (r: ChatResponse) => void; requests?: number };
interface Case {
  name: string;
  serve: Serve;
  expect: Expect;
  cfg?: Partial<OpenAiEngineConfig>;
  /** Use this base URL instead of the fuzz server's. */
  base?: () => Promise<string>;
}

const HTML_502 = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const okText = (text: string) => (r: ChatResponse) => expect(r.text).toBe(text);
const estimated = (r: ChatResponse) => {
  expect(r.text).toBe('hello');
  expect(r.usageEstimated).toBe(true);
  expect(r.usage.promptTokens).toBeGreaterThan(0);
};
/** A raw (already encoded) usage object in an otherwise good stream. */
const rawUsage = (usage: string): Serve => (_q, res) => {
  sse(res);
  ev(res, delta('hello'));
  res.write(`data: {"choices":[],"usage":${usage}}\n\n`);
  res.end('data: [DONE]\n\n');
};
const rawEvents = (...events: string[]): Serve => (_q, res) => {
  sse(res);
  for (const e of events) res.write(e);
  res.end();
};
const bytes = (...parts: (string | number[])[]): Serve => (_q, res) => {
  sse(res);
  for (const p of parts) res.write(typeof p === 'string' ? Buffer.from(p) : Buffer.from(p));
  res.end();
};

const cases: Case[] = [
  // Events that are not what chat completions sends
  { name: 'truncated JSON event, then the stream ends', serve: rawEvents('data: {"choices":[{"delta":{"content":"hi"'), expect: { error: 'bad_response', message: /stream event that is not JSON: \{"choices"/ } },
  { name: 'event is JSON null', serve: rawEvents('data: null\n\n'), expect: { error: 'bad_response', message: /not a JSON object: null/ } },
  { name: 'event is a JSON list', serve: rawEvents('data: [1,2]\n\n'), expect: { error: 'bad_response', message: /not a JSON object/ } },
  { name: 'event is a number', serve: rawEvents('data: 42\n\n'), expect: { error: 'bad_response', message: /not a JSON object: 42/ } },
  { name: 'event is a bare word', serve: rawEvents('data: hello\n\n'), expect: { error: 'bad_response', message: /not JSON: hello/ } },
  { name: 'choices is a string', serve: (_q, res) => { sse(res); ev(res, { choices: 'hello' }); res.end(); }, expect: { error: 'bad_response', message: /"choices" as a string, not a list/ } },
  { name: 'choices is an object', serve: (_q, res) => { sse(res); ev(res, { choices: { delta: { content: 'x' } } }); res.end(); }, expect: { error: 'bad_response', message: /"choices" as a object|"choices" as an? object, not a list/ } },
  { name: 'content is a number', serve: (_q, res) => { sse(res); ev(res, delta(42)); res.end(); }, expect: { error: 'bad_response', message: /reply content as a number, not text/ } },
  { name: 'content is an object', serve: (_q, res) => { sse(res); ev(res, delta({ text: 'x' })); res.end(); }, expect: { error: 'bad_response', message: /reply content as a object, not text/ } },
  { name: 'content is a list', serve: (_q, res) => { sse(res); ev(res, delta(['x'])); res.end(); }, expect: { error: 'bad_response', message: /reply content as a list, not text/ } },
  { name: 'content null between good deltas is skipped', serve: (_q, res) => { sse(res); ev(res, delta('a')); ev(res, delta(null)); ev(res, delta('b')); res.end('data: [DONE]\n\n'); }, expect: { ok: okText('ab') } },
  { name: 'error object mid-stream', serve: (_q, res) => { sse(res); ev(res, delta('par')); ev(res, { error: { message: 'CUDA out of memory' } }); res.end(); }, expect: { error: 'bad_response', message: /error mid-stream: CUDA out of memory/ } },
  { name: 'error string mid-stream', serve: (_q, res) => { sse(res); ev(res, { error: 'model crashed' }); res.end(); }, expect: { error: 'bad_response', message: /error mid-stream: model crashed/ } },
  { name: 'error message with terminal escapes is cleaned', serve: (_q, res) => { sse(res); ev(res, { error: { message: 'bad \u001b[31mred\u001b[0m \u0007bell' } }); res.end(); }, expect: { error: 'bad_response', message: /error mid-stream: bad red bell$/ } },
  // Endless and slow streams
  { name: 'text growing without end hits the reply cap', serve: (_q, res) => { sse(res); fz.every(res, 1, () => ev(res, delta('x'.repeat(500)))); }, expect: { error: 'too_long', message: /grew past 20000 characters/, requests: 1 } },
  { name: 'one event line longer than the line cap', serve: (_q, res) => { sse(res); res.write('data: ' + 'y'.repeat(70 * 1024)); fz.later(50, () => res.end()); }, expect: { error: 'too_long', message: /stream line longer than 65536 characters/ } },
  { name: 'endless empty deltas, fast: the byte cap', serve: (_q, res) => { sse(res); fz.every(res, 1, () => { for (let i = 0; i < 50; i++) ev(res, delta('')); }); }, expect: { error: 'too_long', message: /more than 262144 bytes/ } },
  { name: 'endless empty deltas, slow: the deadline', serve: (_q, res) => { sse(res); fz.every(res, 40, () => ev(res, delta(''))); }, expect: { error: 'timeout', message: /did not finish its reply within 3 s \(the deadline per call\)/ } },
  { name: 'keep-alive comments only: idle timer reset by bytes, stopped at the deadline', serve: (_q, res) => { sse(res); fz.every(res, 50, () => res.write(': ping\n\n')); }, expect: { error: 'timeout', message: /deadline per call/ } },
  { name: 'keep-alive comments between slow deltas keep a reply alive past the idle timeout', serve: (_q, res) => {
    sse(res);
    let n = 0;
    fz.every(res, 300, () => {
      n++;
      // A delta every 1.2 s (longer than the 1 s idle timeout), a ping in between.
      if (n % 4 === 0) ev(res, delta(String(n / 4)));
      else res.write(': ping\n\n');
      if (n === 12) res.end('data: [DONE]\n\n');
    });
  }, cfg: { deadlineMs: 8_000 }, expect: { ok: okText('123') } },
  { name: 'slow drip: one byte at a time, within the deadline', serve: (_q, res) => {
    sse(res);
    const text = `data: ${JSON.stringify(delta('drip'))}\n\ndata: [DONE]\n\n`;
    let i = 0;
    fz.every(res, 2, () => (i < text.length ? res.write(text[i++]) : res.end()));
  }, expect: { ok: okText('drip') }, cfg: { deadlineMs: 6_000 } },
  { name: 'slow drip of text that never ends: stopped at the deadline with what it had', serve: (_q, res) => { sse(res); fz.every(res, 30, () => ev(res, delta('z'))); }, expect: { error: 'timeout', message: /within 3 s \(the deadline per call\) and was stopped after \d+ characters/ } },
  { name: 'headers then silence: idle timeout', serve: (_q, res) => sse(res), expect: { error: 'timeout', message: /No answer from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions for 1 s \(timeout\)/ } },
  { name: 'silence mid-stream: idle timeout', serve: (_q, res) => { sse(res); ev(res, delta('half')); }, expect: { error: 'timeout', message: /\(timeout\)/ } },
  { name: 'no headers at all: idle timeout', serve: () => {}, expect: { error: 'timeout', message: /\(timeout\)/ } },
  // Bytes and framing
  { name: 'invalid UTF-8 in the stream', serve: bytes('data: {"choices":[{"delta":{"content":"', [0xff, 0xfe], '"}}]}\n\n'), expect: { error: 'bad_response', message: /not valid UTF-8/ } },
  { name: 'overlong UTF-8 encoding', serve: bytes('data: {"choices":[{"delta":{"content":"', [0xc0, 0xaf], '"}}]}\n\n'), expect: { error: 'bad_response', message: /not valid UTF-8/ } },
  { name: 'UTF-8 cut at the end of the stream', serve: bytes('data: {"choices":[{"delta":{"content":"a"}}]}\n\n', [0xe2, 0x82]), expect: { error: 'bad_response', message: /not valid UTF-8/ } },
  { name: 'a multi-byte character split across writes is decoded whole', serve: (_q, res) => {
    sse(res);
    const b = Buffer.from(`data: ${JSON.stringify(delta('café 🎣'))}\n\ndata: [DONE]\n\n`);
    const cut = b.indexOf(0xf0) + 2;
    res.write(b.subarray(0, cut));
    fz.later(20, () => res.end(b.subarray(cut)));
  }, expect: { ok: okText('café 🎣') } },
  { name: 'CRLF line endings', serve: rawEvents(`data: ${JSON.stringify(delta('crlf'))}\r\n\r\ndata: [DONE]\r\n\r\n`), expect: { ok: okText('crlf') } },
  { name: 'lone CR line endings', serve: rawEvents(`data: ${JSON.stringify(delta('cr'))}\r\rdata: [DONE]\r\r`), expect: { ok: okText('cr') } },
  { name: 'CRLF split between two writes', serve: (_q, res) => { sse(res); res.write(`data: ${JSON.stringify(delta('split'))}\r`); fz.later(20, () => res.end('\n\r\ndata: [DONE]\r\n\r\n')); }, expect: { ok: okText('split') } },
  { name: 'one event over several data lines', serve: rawEvents('data: {"choices":\ndata: [{"delta":{"content":"multi"}}]}\n\ndata: [DONE]\n\n'), expect: { ok: okText('multi') } },
  { name: 'event/id/retry fields and comments are ignored', serve: rawEvents(`: hello\nevent: message\nid: 7\nretry: 10\ndata: ${JSON.stringify(delta('fields'))}\n\ndata: [DONE]\n\n`), expect: { ok: okText('fields') } },
  { name: 'no [DONE]: the reply is kept, marked incomplete', serve: rawEvents(`data: ${JSON.stringify(delta('cut'))}\n\n`), expect: { ok: (r) => { expect(r.text).toBe('cut'); expect(r.finishReason).toBe('incomplete'); } } },
  { name: 'an empty 200 stream: empty text, incomplete', serve: rawEvents(''), expect: { ok: (r) => { expect(r.text).toBe(''); expect(r.finishReason).toBe('incomplete'); expect(r.usageEstimated).toBe(true); } } },
  { name: 'no content type: read as a stream', serve: (_q, res) => { res.writeHead(200); res.end(`data: ${JSON.stringify(delta('untyped'))}\n\ndata: [DONE]\n\n`); }, expect: { ok: okText('untyped') } },
  { name: '2 000 one-character deltas in one write', serve: (_q, res) => { sse(res); let s = ''; for (let i = 0; i < 2_000; i++) s += `data: ${JSON.stringify(delta('k'))}\n\n`; res.end(s + 'data: [DONE]\n\n'); }, expect: { ok: (r) => expect(r.text).toBe('k'.repeat(2_000)) } },
  // Whole (non-streamed) answers
  { name: 'JSON answer that is truncated', serve: (_q, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"choices":[{"message":{"content":"hal'); }, expect: { error: 'bad_response', message: /JSON that cannot be read: \{"choices"/ } },
  { name: 'JSON answer of the wrong shape: no text', serve: (_q, res) => json(res, 200, { foo: 1 }), expect: { ok: (r) => { expect(r.text).toBe(''); expect(r.finishReason).toBe('stop'); } } },
  { name: 'JSON answer larger than the byte cap', serve: (_q, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ choices: [{ message: { content: 'w'.repeat(300 * 1024) } }] })); }, expect: { error: 'too_long', message: /more than 262144 bytes/ } },
  { name: 'JSON answer with invalid UTF-8', serve: (_q, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(Buffer.concat([Buffer.from('{"choices":[{"message":{"content":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}}]}')])); }, expect: { error: 'bad_response', message: /not valid UTF-8/ } },
  { name: 'HTML page with status 200', serve: (_q, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end('<html><head><title>Sign in - Corporate Proxy</title></head><body>login</body></html>'); }, expect: { error: 'bad_response', message: /web page, not a chat-completions stream \("Sign in - Corporate Proxy"\)\. Check the base URL/, requests: 1 } },
  // Usage and model
  { name: 'usage NaN (not JSON at all)', serve: rawUsage('{"prompt_tokens":NaN,"completion_tokens":1}'), expect: { error: 'bad_response', message: /not JSON/ } },
  { name: 'usage 1e999 (Infinity): estimated instead', serve: rawUsage('{"prompt_tokens":1e999,"completion_tokens":1}'), expect: { ok: estimated } },
  { name: 'usage negative: estimated instead', serve: rawUsage('{"prompt_tokens":-5,"completion_tokens":3}'), expect: { ok: estimated } },
  { name: 'usage fractional: estimated instead', serve: rawUsage('{"prompt_tokens":3.5,"completion_tokens":3}'), expect: { ok: estimated } },
  { name: 'usage as strings: estimated instead', serve: rawUsage('{"prompt_tokens":"12","completion_tokens":"3"}'), expect: { ok: estimated } },
  { name: 'usage beyond 2^53: estimated instead', serve: rawUsage('{"prompt_tokens":1e20,"completion_tokens":3}'), expect: { ok: estimated } },
  { name: 'usage a list: estimated instead', serve: rawUsage('[1,2]'), expect: { ok: estimated } },
  { name: 'valid usage is kept', serve: rawUsage('{"prompt_tokens":0,"completion_tokens":9}'), expect: { ok: (r) => { expect(r.usage).toEqual({ promptTokens: 0, completionTokens: 9 }); expect(r.usageEstimated).toBe(false); } } },
  { name: 'model a number: the requested model is kept', serve: (_q, res) => { sse(res); ev(res, { model: 7, choices: [{ delta: { content: 'm' } }] }); res.end('data: [DONE]\n\n'); }, expect: { ok: (r) => expect(r.model).toBe('fuzz-requested') } },
  { name: 'model an object: the requested model is kept', serve: (_q, res) => { sse(res); ev(res, { model: { name: 'x' }, choices: [{ delta: { content: 'm' } }] }); res.end('data: [DONE]\n\n'); }, expect: { ok: (r) => expect(r.model).toBe('fuzz-requested') } },
  { name: 'model with terminal escapes: cleaned', serve: (_q, res) => { sse(res); ev(res, { model: '\u001b]0;owned\u0007llama\u001b[1m', choices: [{ delta: { content: 'm' } }] }); res.end('data: [DONE]\n\n'); }, expect: { ok: (r) => expect(r.model).toBe('llama') } },
  { name: 'prototype keys in an event are plain data', serve: rawEvents('data: {"__proto__":{"polluted":1,"choices":[{"delta":{"content":"evil"}}]},"constructor":{"prototype":{"polluted":2}},"choices":[{"delta":{"content":"fine"}}]}\n\ndata: [DONE]\n\n'), expect: { ok: (r) => { expect(r.text).toBe('fine'); expect(({} as Record<string, unknown>).polluted).toBeUndefined(); } } },
  // HTTP errors and retries
  { name: '500 every time: retried, then a clear error', serve: (_q, res) => json(res, 500, { error: { message: 'internal' } }), expect: { error: 'http', message: /Server error 500\. Server said: internal Gave up after 3 attempts/, requests: 3 } },
  { name: '503 once, then a good reply', serve: (_q, res, n) => (n === 0 ? json(res, 503, { error: 'warming up' }) : streamReply(res, 'after 503')), expect: { ok: okText('after 503'), requests: 2 } },
  { name: '502 HTML page from a proxy: its title, retried', serve: (_q, res) => { res.writeHead(502, { 'Content-Type': 'text/html' }); res.end(HTML_502); }, expect: { error: 'http', message: /Server error 502\. Server said: 502 Bad Gateway Gave up/, requests: 3 } },
  { name: '404 HTML page: not retried', serve: (_q, res) => { res.writeHead(404, { 'Content-Type': 'text/html' }); res.end('<html><title>Not Found</title></html>'); }, expect: { error: 'http', message: /Not found: check the base URL.*Server said: Not Found$/, requests: 1 } },
  { name: '501: not retried', serve: (_q, res) => json(res, 501, { error: 'no streaming here' }), expect: { error: 'http', message: /Server error 501\. Server said: no streaming here$/, requests: 1 } },
  { name: '429 with Retry-After seconds, then a good reply', serve: (_q, res, n) => (n === 0 ? json(res, 429, { error: 'slow down' }, { 'Retry-After': '3' }) : streamReply(res, 'after 429')), cfg: { deadlineMs: 20_000 }, expect: { ok: (r) => { expect(r.text).toBe('after 429'); expect(waits).toEqual([3000]); }, requests: 2 } },
  { name: '429 with Retry-After as an HTTP date', serve: (_q, res, n) => (n === 0 ? json(res, 429, { error: 'quota' }, { 'Retry-After': new Date(Date.now() + 6_000).toUTCString() }) : streamReply(res, 'after date')), cfg: { deadlineMs: 20_000 }, expect: { ok: (r) => { expect(r.text).toBe('after date'); expect(waits).toHaveLength(1); expect(waits[0]).toBeGreaterThan(3_000); expect(waits[0]).toBeLessThanOrEqual(6_000); }, requests: 2 } },
  { name: '429 asking for longer than the cap: not retried, said so', serve: (_q, res) => json(res, 429, { error: 'daily quota' }, { 'Retry-After': '3600' }), expect: { error: 'http', message: /Rate limited.*daily quota Gave up after 1 attempt .*asks to retry after 3600 s, longer than the 10 s this app waits/, requests: 1 } },
  { name: '429 with an unreadable Retry-After: jittered backoff', serve: (_q, res) => json(res, 429, { error: 'busy' }, { 'Retry-After': 'soon' }), expect: { error: 'http', message: /Gave up after 3 attempts/, requests: 3 } },
  { name: 'error body of a megabyte: the message stays short', serve: (_q, res) => json(res, 500, { error: { message: 'E'.repeat(1_000_000) } }), expect: { error: 'http', message: /^Server error 500\. Server said: \{"error":\{"message":"E{279}… \(65536 characters\) Gave up after 3 attempts over [\d.]+ s\.$/ } },
  // Transport faults
  { name: 'connection reset before any answer: retried, then an error', serve: (req) => req.socket.destroy(), expect: { error: 'network', message: /Cannot reach .*Gave up after 3 attempts/, requests: 3 } },
  { name: 'connection reset once, then a good reply', serve: (req, res, n) => (n === 0 ? req.socket.destroy() : streamReply(res, 'after reset')), expect: { ok: okText('after reset'), requests: 2 } },
  { name: 'connection reset mid-reply: not retried (text was shown)', serve: (req, res) => { sse(res); ev(res, delta('half a')); fz.later(30, () => req.socket.destroy()); }, expect: { error: 'network', message: /broke in the middle of the reply/, requests: 1 } },
  { name: 'not HTTP at all', serve: (req) => { req.socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'); }, expect: { error: 'network', message: /Cannot reach .*Gave up after 3 attempts/, requests: 3 } },
  { name: 'nothing listens (connection refused)', serve: () => {}, base: closedPort, expect: { error: 'network', message: /Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(connection refused\).*Gave up after 3 attempts/ } },
];

async function closedPort(): Promise<string> {
  const probe = await startFuzzServer();
  const base = probe.base;
  await probe.close();
  return base;
}

describe('LLM transport fuzz: malformed answers and faults from a local server', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of cases) {
    it(c.name, { timeout: 8_000 }, async () => {
      waits = [];
      fz.reset(c.serve);
      const base = c.base ? await c.base() : fz.base;
      const engine = new OpenAiCompatibleEngine({ baseUrl: base, model: 'fuzz-requested', ...FAST, ...c.cfg });
      const deltas: string[] = [];
      const out = await engine.chat(req, { onDelta: (t) => deltas.push(t) }).then(
        (r) => ({ r }),
        (e: unknown) => ({ e }),
      );
      if ('error' in c.expect) {
        expect('e' in out, `expected a ${c.expect.error} error`).toBe(true);
        const e = (out as { e: unknown }).e;
        expect(e).toBeInstanceOf(ChatEngineError);
        expect((e as ChatEngineError).kind).toBe(c.expect.error);
        expect((e as Error).message).toMatch(c.expect.message);
        expect((e as Error).message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      } else {
        if ('e' in out) throw out.e;
        c.expect.ok(out.r);
        expect(deltas.join('')).toBe(out.r.text);
      }
      if (c.expect.requests !== undefined) expect(fz.requests).toBe(c.expect.requests);
    });
  }
});
