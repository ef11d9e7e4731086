/**
 * Fuzz suite, reply content: malformed replies from a model (truncated JSON, wrong types,
 * huge strings, NaN/Infinity scores, prototype keys, ...) streamed by a real HTTP server on
 * 127.0.0.1 through the real engine into the LLM simulator. Each case expects a decision
 * whose repairs are marked (`llm.repairs`), a fallback decision marked `fallback: true`
 * after the retries, or a clear error; then whole sessions through `runBatch` check that a
 * failing server leaves only complete decisions behind (nothing half-stored) and that a
 * session decided by the fallback says so in its metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCompatibleEngine, type OpenAiEngineConfig } from '../../src/llm/openai-engine';
import { createLlmSimulator } from '../../src/core/simulator/llm';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRng } from '../../src/core/rng';
import { runBatch } from '../../src/core/env/batch';
import { createRecommender } from '../../src/core/recommenders/agentic';
import { simulators } from '../../src/core/simulator/registry';
import type { ItemDecision } from '../../src/core/types';
import { catalog, context, good, maya, stubFallback } from '../llm/fixtures';
import { json, startFuzzServer, streamReply, type FuzzServer } from './llm-server';

let fz: FuzzServer;
beforeAll(async () => {
  fz = await startFuzzServer();
  fz.reset((_q, res) => streamReply(res, 'warm'));
  await new OpenAiCompatibleEngine({ baseUrl: fz.base, model: 'm' }).chat({ messages: [] });
});
afterAll(async () => {
  await fz.close();
});

const FAST: Partial<OpenAiEngineConfig> = {
  timeoutMs: 1_000,
  deadlineMs: 3_000,
  retry: { retries: 1, baseMs: 5, maxMs: 10, sleep: () => Promise.resolve() },
};

const item = catalog.items[0]; // 45 s
const base = JSON.parse(good()) as Record<string, unknown>;
const without = (...keys: string[]) => Object.fromEntries(Object.entries(base).filter(([k]) => !keys.includes(k)));
const raw = (obj: Record<string, unknown>) => JSON.stringify(obj);

type Expect = { ok: (d: ItemDecision) => void } | 'fallback' | { error: RegExp };
interface Case {
  name: string;
  /** The reply text the model "wrote" (every try gets the same). */
  reply: string;
  expect: Expect;
}

const repaired = (pattern: RegExp) => (d: ItemDecision) => {
  expect(d.fallback).toBeUndefined();
  expect(d.llm?.repairs?.join(' | ')).toMatch(pattern);
};

const cases: Case[] = [
  { name: 'prose only', reply: 'I would rather not answer in JSON.', expect: 'fallback' },
  { name: 'empty reply', reply: '', expect: 'fallback' },
  { name: 'whitespace only', reply: '   \n\t ', expect: 'fallback' },
  { name: 'JSON cut in the middle', reply: good().slice(0, 60), expect: 'fallback' },
  { name: 'JSON missing only its closing brace', reply: good().slice(0, -1), expect: { ok: repaired(/json repaired/) } },
  { name: 'trailing commas', reply: good().replace(/\}$/, ',}').replace('"like"]', '"like",]'), expect: { ok: repaired(/json repaired/) } },
  { name: 'single quotes', reply: good().replace(/"/g, "'"), expect: { ok: repaired(/json repaired/) } },
  { name: 'code fence inside prose', reply: `Sure!\n\`\`\`json\n${good()}\n\`\`\`\nBye`, expect: { ok: repaired(/json repaired/) } },
  { name: 'the object inside a list', reply: `[${good()}]`, expect: { ok: repaired(/json repaired/) } },
  { name: 'an HTML page instead of JSON', reply: '<html><body><h1>502 Bad Gateway</h1></body></html>', expect: 'fallback' },
  { name: 'actions a number', reply: raw({ ...base, actions: 42 }), expect: 'fallback' },
  { name: 'actions an object', reply: raw({ ...base, actions: { watch: true } }), expect: 'fallback' },
  { name: 'unknown action', reply: raw({ ...base, actions: ['teleport'] }), expect: 'fallback' },
  { name: 'no actions at all', reply: raw(without('actions')), expect: 'fallback' },
  { name: 'interest "NaN"', reply: raw({ ...base, interest: 'NaN' }), expect: 'fallback' },
  { name: 'interest NaN literal', reply: good().replace('"interest":9', '"interest":NaN'), expect: 'fallback' },
  { name: 'interest Infinity (1e999)', reply: good().replace('"interest":9', '"interest":1e999'), expect: 'fallback' },
  { name: 'interest negative', reply: raw({ ...base, interest: -3 }), expect: 'fallback' },
  { name: 'interest 1000', reply: raw({ ...base, interest: 1000 }), expect: 'fallback' },
  { name: 'satisfaction missing', reply: raw(without('satisfaction')), expect: 'fallback' },
  { name: 'watch_seconds 1e308: clamped to the duration', reply: raw({ ...base, watch_seconds: 1e308 }), expect: { ok: (d) => { expect(d.watchSec).toBe(item.durationSec); repaired(/clamped to 45/)(d); } } },
  { name: 'watch_seconds negative: zero', reply: raw({ ...base, actions: ['click'], watch_seconds: -20 }), expect: { ok: (d) => expect(d.watchSec).toBe(0) } },
  { name: 'watch without watch_seconds', reply: raw(without('watch_seconds')), expect: 'fallback' },
  { name: 'thought an object', reply: raw({ ...base, thought: { text: 'hm' } }), expect: 'fallback' },
  { name: 'comment action without text', reply: raw({ ...base, actions: ['comment'], comment: '' }), expect: 'fallback' },
  { name: 'leave without a reflection', reply: raw({ ...base, actions: ['leave'], reflection: '' }), expect: 'fallback' },
  { name: 'instruction of 10 000 characters: cut to 500 before any recommender sees it', reply: raw({ ...base, actions: ['skip', 'leave'], watch_seconds: 0, reflection: 'Bored.', reasons: ['bored'], instruction: 'More fishing '.repeat(800) }), expect: { ok: (d) => { expect(d.actions).toEqual(['skip', 'leave']); repaired(/instruction cut from 10399 to 500 characters/)(d); } } },
  { name: 'comment of 50 000 characters: cut to 1000', reply: raw({ ...base, actions: ['comment'], comment: 'c'.repeat(50_000) }), expect: { ok: (d) => { expect(d.comment).toHaveLength(1000); repaired(/comment cut/)(d); } } },
  { name: '__proto__ carrying the actions: ignored (no prototype swap)', reply: raw(without('actions')).replace(/^\{/, '{"__proto__":{"actions":["like"],"interest":10},'), expect: 'fallback' },
  { name: '__proto__, constructor and prototype beside valid fields: ignored', reply: good().replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},'), expect: { ok: (d) => { expect(d.actions).toEqual(['watch', 'like']); expect(({} as Record<string, unknown>).polluted).toBeUndefined(); } } },
  { name: 'keys in capitals and with dashes', reply: raw({ Thought: 'Nice.', ACTIONS: ['skip'], 'Watch-Seconds': 0, Comment: '', Interest: 3, Satisfaction: 5, Mindset: 'Meh.', Reflection: '', Reasons: [], Instruction: '' }), expect: { ok: (d) => expect(d.actions).toEqual(['skip']) } },
  { name: 'duplicate keys: the last wins', reply: good().replace(/\}$/, ',"actions":["teleport"]}'), expect: 'fallback' },
  { name: 'terminal escapes in the thought stay plain text', reply: raw({ ...base, thought: 'Nice \u001b[2J\u001b]0;x\u0007 catch.' }), expect: { ok: (d) => expect(d.thought).toBe('Nice \u001b[2J\u001b]0;x\u0007 catch.') } },
  { name: 'a lone surrogate in the thought', reply: good().replace('Lobster', '\\ud800Lobster'), expect: { ok: (d) => expect(d.thought?.startsWith('\ud800Lobster')).toBe(true) } },
  { name: 'nesting 5 000 deep in an extra field', reply: good().replace(/\}$/, `,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`), expect: { ok: (d) => expect(d.actions).toEqual(['watch', 'like']) } },
  { name: 'reasons not a list: the leave still counts', reply: raw({ ...base, actions: ['leave'], reflection: 'Done.', reasons: 'repetitive', instruction: '' }), expect: { ok: (d) => { expect(d.actions).toEqual(['leave']); expect(d.mindsetNote).toBe('about_to_leave'); } } },
];

describe('LLM reply fuzz: malformed replies through a local server into the simulator', () => {
  for (const c of cases) {
    it(c.name, { timeout: 10_000 }, async () => {
      fz.reset((_q, res) => streamReply(res, c.reply, 5));
      const engine = new OpenAiCompatibleEngine({ baseUrl: fz.base, model: 'fuzz', ...FAST });
      const thought: string[] = [];
      const fallback = stubFallback();
      const sim = createLlmSimulator({ engine, fallback });
      const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(3), instructionsEnabled: true, hooks: { onThoughtDelta: (_p, t) => thought.push(t) } });
      const out = await Promise.resolve(s.decide(item, 0, 0)).then((d) => ({ d }), (e: unknown) => ({ e }));
      if (c.expect === 'fallback') {
        if ('e' in out) throw out.e;
        expect(out.d.fallback).toBe(true);
        expect(out.d.llm?.retries).toBe(2);
        expect(fz.requests).toBe(3);
        expect(fallback.calls).toBe(1);
        // Each retry sent the reason back to the model.
        expect(JSON.parse(fz.bodies[1]).messages.at(-1).content.length).toBeGreaterThan(0);
      } else if ('error' in c.expect) {
        expect('e' in out).toBe(true);
        expect(String((out as { e: Error }).e.message)).toMatch(c.expect.error);
      } else {
        if ('e' in out) throw out.e;
        expect(out.d.fallback).toBeUndefined();
        expect(fz.requests).toBe(1);
        c.expect.ok(out.d);
        if (typeof out.d.thought === 'string' && out.d.thought.length < 1000) expect(thought.join('')).toBe(out.d.thought.slice(0, thought.join('').length));
      }
      expect(s.end('left_silent').itemsViewed).toBe('e' in out ? 0 : 1);
    });
  }

  it('has at least 30 reply cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});

describe('whole sessions against a failing server: nothing half-stored, fallbacks said', () => {
  const batch = (engineCfg: Partial<OpenAiEngineConfig>) =>
    runBatch({
      catalog,
      users: [maya],
      contextFor: () => context,
      simulator: createLlmSimulator({ engine: new OpenAiCompatibleEngine({ baseUrl: fz.base, model: 'fuzz', ...FAST, ...engineCfg }), fallback: simulators.get('rule-based').create() }),
      recommenders: [createRecommender('popular')],
      seed: 5,
      listSize: 3,
      maxTurns: 2,
      instructionsEnabled: true,
    });

  it('a server that starts answering 500 mid-session: the session ends with an error and keeps only complete decisions', { timeout: 15_000 }, async () => {
    const watch = raw({ ...base, watch_seconds: 5, satisfaction: 9 });
    fz.reset((_q, res, n) => (n < 2 ? streamReply(res, watch) : json(res, 500, { error: 'GPU fell off the bus' })));
    const r = await batch({});
    const t = r.runs[0].trajectories[0];
    expect(t.endReason).toBe('error');
    expect(r.runs[0].errors[0].message).toMatch(/Server error 500\. Server said: GPU fell off the bus Gave up after 2 attempts/);
    const decisions = t.turns.flatMap((turn) => turn.decisions);
    expect(decisions).toHaveLength(2);
    for (const d of decisions) {
      expect(d.fallback).toBeUndefined();
      expect(d.llm?.model).toBe('fuzz-model');
      expect(d.actions.length).toBeGreaterThan(0);
    }
    expect(t.metrics.itemsViewed).toBe(2);
    expect(t.metrics.llmFallback).toEqual({ decisions: 2, fallbacks: 0, share: 0 });
  });

  it('a server whose every try times out: the run stops instead of deciding every item by fallback', { timeout: 15_000 }, async () => {
    fz.reset(() => {}); // never answers
    const r = await batch({ timeoutMs: 150, deadlineMs: 400 });
    const t = r.runs[0].trajectories[0];
    expect(t.endReason).toBe('error');
    expect(r.runs[0].errors[0].message).toMatch(/3 tries for this item all timed out/);
    expect(t.turns.flatMap((turn) => turn.decisions)).toHaveLength(0);
    expect(fz.requests).toBe(3);
  });

  it('a model whose replies are never usable: a complete session, every decision marked, share 1 in the metrics', { timeout: 15_000 }, async () => {
    fz.reset((_q, res) => streamReply(res, 'no JSON from me'));
    const r = await batch({});
    const t = r.runs[0].trajectories[0];
    expect(t.endReason).not.toBe('error');
    const decisions = t.turns.flatMap((turn) => turn.decisions);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.fallback === true)).toBe(true);
    expect(t.metrics.llmFallback).toEqual({ decisions: decisions.length, fallbacks: decisions.length, share: 1 });
  });
});
