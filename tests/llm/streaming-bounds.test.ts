/**
 * Streaming is linear and bounded: the SSE parser examines each character it is given
 * once (no rescans of a growing buffer) and refuses a line over its cap; the thought
 * extractor examines each character of the reply once (no re-parse per delta). Work is
 * counted, not timed. Then an 80 000-character thought streamed through a real local
 * server, the engine and the simulator arrives whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseLimitError, SseParser } from '../../src/llm/sse';
import { ThoughtStream } from '../../src/core/simulator/llm/thought-stream';
import { StreamingStringField, partialStringField } from '../../src/core/llm/json-extract';
import { OpenAiCompatibleEngine } from '../../src/llm/openai-engine';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRng } from '../../src/core/rng';
import { catalog, context, good, maya, stubFallback } from './fixtures';
import { startFuzzServer, streamReply, type FuzzServer } from '../fuzz/llm-server';

const THOUGHT = Array.from({ length: 80_000 }, (_, i) => 'abcdefghij klmnopqrst uvwxyz, "quoted" \\ ok.\n'[i % 46]).join('');
const REPLY = good({ thought: THOUGHT });

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('SSE parser', () => {
  it('examines each input character once for an 80 000-character event fed in 7-character chunks', () => {
    const event = `data: ${JSON.stringify({ choices: [{ delta: { content: THOUGHT } }] })}\n\n: ping\n\ndata: [DONE]\n\n`;
    const p = new SseParser();
    const datas: string[] = [];
    for (const c of chunks(event, 7)) datas.push(...p.push(c));
    datas.push(...p.end());
    expect(datas).toHaveLength(2);
    expect(JSON.parse(datas[0]).choices[0].delta.content).toBe(THOUGHT);
    expect(datas[1]).toBe('[DONE]');
    expect(p.scannedChars).toBe(event.length);
  });

  it('examines each character once for many small events, with CRLF split across chunks', () => {
    const events = Array.from({ length: 5_000 }, (_, i) => `data: {"n":${i}}\r\n\r\n`).join('');
    const p = new SseParser();
    let n = 0;
    for (const c of chunks(events, 5)) n += p.push(c).length;
    expect(n).toBe(5_000);
    expect(p.scannedChars).toBe(events.length);
  });

  it('refuses a line longer than its cap, even when it arrives in small pieces', () => {
    const p = new SseParser(1_000);
    expect(() => {
      for (const c of chunks('data: ' + 'x'.repeat(2_000), 10)) p.push(c);
    }).toThrow(SseLimitError);
    const q = new SseParser(1_000);
    expect(() => q.push('data: a\n'.repeat(600))).toThrow(/one stream event longer than 1000 characters/);
  });
});

describe('thought extraction', () => {
  for (const size of [1, 7, 500]) {
    it(`streams an 80 000-character thought in ${size}-character deltas, examining each character once`, () => {
      const t = new ThoughtStream();
      let out = '';
      for (const c of chunks(REPLY, size)) out += t.push(c);
      expect(out).toBe(THOUGHT);
      expect(t.thought).toBe(THOUGHT);
      // Linear: at most one look per character of the reply (the extractor stops after the thought's closing quote).
      expect(t.scanned).toBeLessThanOrEqual(REPLY.length);
      expect(t.scanned).toBeGreaterThan(THOUGHT.length);
    });
  }

  it('finds the field like the regex did: either quote style, whitespace, a false start', () => {
    expect(partialStringField(`prose "thought"thought' : 'x\\'y' rest`, 'thought')).toBe("x'y");
    expect(partialStringField('{"thoughts": "no", "thought" :\n "yes"}', 'thought')).toBe('yes');
    expect(partialStringField('{"thought": 12, "thought": "second"}', 'thought')).toBe('second');
    expect(partialStringField('{"thought": "\\u00e9t\\u00e9 \\ud83c\\udfa3"}', 'thought')).toBe('été 🎣');
    const f = new StreamingStringField('thought');
    expect(f.push('{"thou')).toBe('');
    expect(f.started).toBe(false);
    expect(f.push('ght": "a\\')).toBe('a');
    expect(f.push('nb"')).toBe('\nb');
    expect(f.complete).toBe(true);
    expect(f.push('more "thought": "x"')).toBe('');
  });
});

describe('an 80 000-character streamed thought end to end', () => {
  let fz: FuzzServer;
  beforeAll(async () => {
    fz = await startFuzzServer();
  });
  afterAll(async () => {
    await fz.close();
  });

  it('arrives whole through the server, the engine and the simulator', { timeout: 20_000 }, async () => {
    fz.reset((_q, res) => streamReply(res, REPLY, 2_000));
    const engine = new OpenAiCompatibleEngine({ baseUrl: fz.base, model: 'm', timeoutMs: 10_000 });
    const pieces: string[] = [];
    const sim = createLlmSimulator({ engine, fallback: stubFallback() });
    const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: true, hooks: { onThoughtDelta: (_p, t) => pieces.push(t) } });
    const d = await s.decide(catalog.items[0], 0, 0);
    expect(d.fallback).toBeUndefined();
    expect(d.thought).toBe(THOUGHT.trim());
    expect(pieces.join('')).toBe(THOUGHT);
    expect(pieces.length).toBeGreaterThan(100);
  });
});
