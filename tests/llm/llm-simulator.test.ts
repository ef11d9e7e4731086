import { describe, expect, it } from 'vitest';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRng } from '../../src/core/rng';
import { ChatEngineError } from '../../src/core/llm/chat-engine';
import type { SimulatorHooks } from '../../src/core/simulator/simulator';
import { ScriptedEngine, catalog, context, good, maya, stubFallback } from './fixtures';

function session(replies: (string | Error)[], hooks?: SimulatorHooks, instructionsEnabled = true) {
  const engine = new ScriptedEngine(replies);
  const fallback = stubFallback();
  const sim = createLlmSimulator({ engine, fallback });
  const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled, hooks });
  return { engine, fallback, sim, s };
}

const items = catalog.items;

describe('LLM simulator with a scripted engine', () => {
  it('turns a good reply into a decision with usage and mindset', async () => {
    const { s, engine } = session([good()]);
    const d = await s.decide(items[0], 0, 0);
    expect(d.actions).toEqual(['watch', 'like']);
    expect(d.watchSec).toBe(40);
    expect(d.thought).toContain('Lobster');
    expect(d.mindsetText).toBe('I want more fishing.');
    expect(d.fallback).toBeUndefined();
    expect(d.llm).toMatchObject({ promptTokens: 100, completionTokens: 20, latencyMs: 400, retries: 0, model: 'scripted-1' });
    expect(d.llm?.tokensPerSec).toBeCloseTo(50);
    expect(d.mindset.satisfaction).toBeCloseTo(0.8);
    expect(d.mindset.timeLeftSec).toBe(600 - 40);
    expect(s.mindset).toBe(d.mindset);
    // schema-constrained request
    expect(engine.requests[0].responseFormat?.type).toBe('json_object');
    expect(engine.requests[0].responseFormat?.schema).toBeDefined();
  });

  it('accepts prose, trailing commas and single quotes without a retry', async () => {
    const { s } = session([
      `Okay, here goes: ${good()} That's it.`,
      "{'thought': 'UFC!', 'actions': ['watch',], 'watch_seconds': 60, 'comment': '', 'interest': 8, 'satisfaction': 8, 'mindset': 'good', 'reflection': '', 'reasons': [], 'instruction': '',}",
    ]);
    expect((await s.decide(items[0], 0, 0)).llm?.retries).toBe(0);
    const d = await s.decide(items[1], 1, 0);
    expect(d.actions).toEqual(['watch']);
    expect(d.llm?.retries).toBe(0);
  });

  it('clamps watch seconds longer than the video', async () => {
    const { s } = session([good({ watch_seconds: 999 })]);
    const d = await s.decide(items[0], 0, 0);
    expect(d.watchSec).toBe(items[0].durationSec);
  });

  it('retries after an unknown action and a missing field, sending the error back', async () => {
    const { s, engine } = session([good({ actions: ['teleport'] }), JSON.stringify({ thought: 'hm', actions: ['skip'] }), good({ actions: ['pass'], watch_seconds: 0 })]);
    const d = await s.decide(items[2], 0, 0);
    expect(d.actions).toEqual(['skip']);
    expect(d.fallback).toBeUndefined();
    expect(d.llm?.retries).toBe(2);
    expect(d.llm?.promptTokens).toBe(300);
    expect(engine.requests).toHaveLength(3);
    const retry = engine.requests[1].messages;
    expect(retry[retry.length - 2].role).toBe('assistant');
    expect(retry[retry.length - 1].content).toContain('unknown action');
    expect(engine.requests[2].messages[engine.requests[2].messages.length - 1].content).toMatch(/interest/);
  });

  it('falls back to the rule-based decision after three bad replies (empty, truncated, prose)', async () => {
    const { s, engine, fallback } = session(['', good().slice(0, 50), 'I cannot decide.', good()]);
    const d = await s.decide(items[0], 0, 0);
    expect(d.fallback).toBe(true);
    expect(d.fallbackReason).toBe('invalid reply');
    expect(fallback.calls).toBe(1);
    expect(d.actions).toEqual(['watch']);
    expect(d.llm?.retries).toBe(2);
    expect(engine.remaining).toBe(1); // no fourth call
    // the next item goes back to the LLM
    const d2 = await s.decide(items[1], 1, 0);
    expect(d2.fallback).toBeUndefined();
  });

  it('re-asks after item-level engine errors and falls back (marked), but rethrows errors re-asking cannot fix', async () => {
    const bad = new ChatEngineError('bad_response', 'The server sent a stream event that is not JSON: <', undefined);
    const tooBig = new ChatEngineError('http', 'The server rejected the request (413).', 413);
    const { s, engine: e1 } = session([bad, tooBig, bad]);
    const d = await s.decide(items[0], 0, 0);
    expect(d.fallback).toBe(true);
    // The last try's failure, in words (the badge said "invalid reply" whatever happened).
    expect(d.fallbackReason).toBe('the reply could not be read');
    expect(d.llm?.retries).toBe(2);
    expect(e1.requests).toHaveLength(3);
    const { s: refused } = session([bad, bad, tooBig]);
    expect((await refused.decide(items[0], 0, 0)).fallbackReason).toBe('the endpoint refused the request (HTTP 413)');
    const slow = new ChatEngineError('timeout', 'No answer from http://x/v1/chat/completions for 1 s (timeout).');
    const { s: late } = session([bad, 'I cannot decide.', slow]);
    expect((await late.decide(items[0], 0, 0)).fallbackReason).toBe('no answer in time');
    // The error text goes back to the model with the re-ask.
    expect(e1.requests[1].messages.at(-1)?.content).toContain('not JSON');
    for (const fatal of [
      new ChatEngineError('http', 'Unauthorized: check the API key', 401),
      new ChatEngineError('http', 'Server error 500. Gave up after 4 attempts', 500),
      new ChatEngineError('http', 'Rate limited. Gave up after 4 attempts', 429),
      new ChatEngineError('network', 'Cannot reach http://127.0.0.1:9/v1/chat/completions (connection refused)'),
    ]) {
      const { s: s2, engine } = session([fatal, good()]);
      await expect(s2.decide(items[0], 0, 0)).rejects.toBe(fatal);
      expect(engine.remaining).toBe(1);
    }
  });

  it('stops (no silent fallback) when every try of an item times out', async () => {
    const slow = () => new ChatEngineError('timeout', 'No answer from http://x/v1/chat/completions for 1 s (timeout).');
    const { s } = session([slow(), slow(), slow()]);
    const err = await Promise.resolve(s.decide(items[0], 0, 0)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/3 tries for this item all timed out/) });
    // One timeout among usable replies is re-asked as before.
    const { s: s2 } = session([slow(), good()]);
    const d = await s2.decide(items[0], 0, 0);
    expect(d.fallback).toBeUndefined();
    expect(d.llm?.retries).toBe(1);
  });

  it('leaves with the reflection and the instruction', async () => {
    const { s } = session([
      good({ actions: ['skip', 'leave'], watch_seconds: 0, satisfaction: 2, interest: 1, reflection: 'Too much hairstyling.', reasons: ['repetitive', 'off_interest'], instruction: 'Less hairstyling, more UFC.' }),
    ]);
    const d = await s.decide(items[2], 0, 0);
    expect(d.actions).toEqual(['skip', 'leave']);
    expect(d.mindsetNote).toBe('about_to_leave');
    expect(d.reasons).toContain('dissatisfied');
    const r = await s.reflect();
    expect(r).toEqual({ reasons: ['repetitive', 'off_interest'], text: 'Too much hairstyling.', instruction: { text: 'Less hairstyling, more UFC.' } });
    const summary = s.end('left_silent');
    expect(summary.instructions).toEqual(['Less hairstyling, more UFC.']);
    expect(summary.itemsViewed).toBe(1);
  });

  it('drops the instruction when instructions are off', async () => {
    const { s } = session([good({ actions: ['leave'], reflection: 'Meh.', instruction: 'More UFC.' })], undefined, false);
    await s.decide(items[0], 0, 0);
    expect((await s.reflect()).instruction).toBeNull();
  });

  it('takes the reflection from the rule-based simulator when the leaving decision was a fallback', async () => {
    const engine = new ScriptedEngine(['', '', '']);
    const fb = stubFallback();
    const start = fb.startSession;
    fb.startSession = (st) => {
      const inner = start.call(fb, st);
      return { ...inner, decide: (it, p, t) => ({ ...(inner.decide(it, p, t) as ReturnType<typeof inner.decide> & object), actions: ['skip', 'leave'] } as never) };
    };
    const s = createLlmSimulator({ engine, fallback: fb }).startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: true });
    const d = await s.decide(items[0], 0, 0);
    expect(d.fallback && d.actions.includes('leave')).toBe(true);
    expect((await s.reflect()).instruction?.text).toBe('rule-based instruction');
  });

  it('keeps the system message byte-identical across the items of a session', async () => {
    const { s, engine } = session(items.map((it) => good({ watch_seconds: it.durationSec / 3 })));
    for (let i = 0; i < items.length; i++) await s.decide(items[i], i, 0);
    const systems = engine.requests.map((r) => r.messages[0]);
    expect(systems.every((m) => m.role === 'system' && m.content === systems[0].content)).toBe(true);
    // the user message carries what changes: the item and the memory of this session
    expect(engine.requests[4].messages[1].content).toContain('Fish tacos');
    expect(engine.requests[4].messages[1].content).toContain('Braids in five minutes');
    expect(engine.requests[0].messages[1].content).not.toContain('Braids in five minutes');
    expect(systems[0].content).toContain('Maya');
    expect(systems[0].content).toContain('Fishing (love)');
  });

  it('streams the thought token by token', async () => {
    const deltas: string[] = [];
    const { s } = session([good({ thought: 'Dawn lobster haul, \\"classic\\".' })], { onThoughtDelta: (p, t) => deltas.push(`${p}:${t}`) });
    // JSON.stringify escapes the backslashes: the thought contains literal \" sequences
    const d = await s.decide(items[0], 3, 0);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.every((x) => x.startsWith('3:'))).toBe(true);
    expect(deltas.map((x) => x.slice(2)).join('')).toBe(d.thought);
  });

  it('stops when the signal is aborted', async () => {
    const signal = { aborted: false };
    const { s, engine } = session([good(), good()], { signal, onThoughtDelta: () => { signal.aborted = true; } });
    await expect(s.decide(items[0], 0, 0)).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.remaining).toBe(1);
    await expect(s.decide(items[1], 1, 0)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('exposes its templates for storage', () => {
    const { sim } = session([]);
    expect(sim.name).toBe('llm');
    expect(sim.templates.system).toContain('{{persona}}');
  });
});

describe('llmSessionMeta', () => {
  it('gives the templates and the engine id for the LLM simulator, nothing for others', async () => {
    const { llmSessionMeta } = await import('../../src/core/simulator/llm');
    const sim = createLlmSimulator({ engine: new ScriptedEngine([]), fallback: stubFallback() });
    expect(llmSessionMeta(sim)).toEqual({ promptTemplates: { system: sim.templates.system, item: sim.templates.item }, model: 'scripted' });
    expect(llmSessionMeta(stubFallback())).toEqual({});
  });
});

describe('sampling seeds', () => {
  it('sends a seed per request, the same for the same run seed', async () => {
    const seedsOf = async (runSeed: number) => {
      const engine = new ScriptedEngine([good(), good()]);
      const s = createLlmSimulator({ engine, fallback: stubFallback() }).startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(runSeed), instructionsEnabled: true });
      await s.decide(items[0], 0, 0);
      await s.decide(items[1], 1, 0);
      return engine.requests.map((r) => r.seed);
    };
    const a = await seedsOf(7);
    expect(a.every((x) => Number.isInteger(x))).toBe(true);
    expect(a[0]).not.toBe(a[1]);
    expect(await seedsOf(7)).toEqual(a);
    expect(await seedsOf(8)).not.toEqual(a);
  });
});
