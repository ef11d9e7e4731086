/**
 * The trajectory judges: stated rule-based checks on hand-made trajectories, the LLM judge
 * on a scripted engine (canned good and bad replies; no real model), the fallback, the
 * filter and its JSONL; and the rule judge on real simulated sessions, cross-checked with
 * the compare protocol's user verdict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogIndex, type CatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { runBatch } from '../../../src/core/env/batch';
import { instructionVerdict } from '../../../src/core/eval/compare';
import {
  JUDGE_REPLY_JSON_SCHEMA, PASS_THRESHOLD, RUBRICS, createLlmJudge, createRuleJudge, filterJudged, followChecks, instructionEpisodes, judgedJsonl, parseJudgeReply,
} from '../../../src/core/eval/judge';
import { runJudgeBatch } from '../../../src/core/eval/judge-batch';
import { parseRunDescription } from '../../../src/core/run/description';
import { ChatEngineError } from '../../../src/core/llm/chat-engine';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { simulators } from '../../../src/core/simulator/registry';
import type { Instruction, ItemDecision, Trajectory, Turn } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';
import { ScriptedEngine, catalog, context } from '../../llm/fixtures';

const index: CatalogIndex = buildCatalogIndex(catalog);

function decision(itemId: string, position: number, satisfaction: number, leave = false): ItemDecision {
  return {
    itemId, position, actions: leave ? ['skip', 'leave'] : ['watch'], watchSec: 10, reasons: [], interest: 0.5, mindsetNote: 'neutral',
    mindset: { satisfaction, timeLeftSec: 300, boredom: 0.2, interests: {}, fatigue: {} },
  };
}

/** Two lists: `before` ends with the instruction at satisfaction `s0`; `after` ends at `s1`. */
function traj(id: string, before: string[], after: string[], instruction: Instruction | null, s0 = 0.2, s1 = 0.6, message?: string): Trajectory {
  const turns: Turn[] = [
    { index: 0, slate: { itemIds: before }, decisions: before.map((x, i) => decision(x, i, s0, i === before.length - 1)), reflection: { reasons: ['bored'], instruction }, reward: 0 },
    { index: 1, slate: { itemIds: after, message }, decisions: after.map((x, i) => decision(x, i, s1)), reflection: null, reward: 0 },
  ];
  return {
    id, seed: 1, userId: 'persona-maya', recommender: 'content+follow', simulator: 'rule-based', catalogId: catalog.id, context, instructionsEnabled: true, turns,
    endReason: 'turn_limit', startedAt: 0,
    metrics: { watchSec: 0, itemsViewed: 4, actions: {} as never, turns: 2, instructions: instruction ? 1 : 0, endReason: 'turn_limit', sessionSec: 0, returnProbability: 0.5, returnAfterHours: 12 },
  };
}

const lessHair: Instruction = { text: 'Less hairstyling please', kind: 'less_of_topic', targets: ['hairstyling'] };
const followed = traj('t-good', ['c', 'b'], ['a', 'e'], lessHair, 0.2, 0.6, 'Absolutely! Less hairstyling.');
const ignored = traj('t-bad', ['c', 'b'], ['c', 'd'], lessHair, 0.3, 0.25);
const silent = traj('t-silent', ['c', 'b'], ['a', 'e'], null);

describe('rubrics and checks', () => {
  it('states two rubrics', () => {
    expect(RUBRICS.map((r) => r.id)).toEqual(['followed', 'better_off']);
  });

  it('derives stated checks from the instruction kind and targets', () => {
    const ep = (i: Instruction) => instructionEpisodes(traj('x', ['c', 'b'], ['a', 'e'], i))[0];
    expect(followChecks(ep(lessHair), index)).toEqual([{ type: 'topic_share_at_most', topic: 'hairstyling', bound: 0.2 }]);
    expect(followChecks(ep({ text: 'Not into UFC. More fishing', kind: 'more_of_topic', targets: ['ufc', 'fishing'] }), index)).toEqual([
      { type: 'topics_share_at_least', topics: ['fishing'], bound: 1 / 3 },
    ]);
    expect(followChecks(ep({ text: 'Shorter', kind: 'shorter' }), index)).toEqual([{ type: 'duration_share_at_least', sec: 60, bound: 0.5 }]);
    const local = followChecks(ep({ text: 'Local', kind: 'local_trending', targets: ['Oakland, CA'] }), index)[0];
    expect(local).toMatchObject({ type: 'locale_share_at_least', locales: ['Oakland, CA'] });
    // No analysis fields: the list must change course.
    expect(followChecks(ep({ text: 'meh' }), index)).toEqual([{ type: 'new_topics_at_least', previousTopics: ['hairstyling', 'ufc'], bound: 1 / 3 }]);
  });
});

describe('rule judge', () => {
  const judge = createRuleJudge(index);
  it('passes a followed instruction after which satisfaction rose', async () => {
    const v = await judge.judge(followed);
    expect(v).toMatchObject({ trajectoryId: 't-good', judge: 'rule', instructions: 1, scores: { followed: 1, better_off: 1 }, pass: true });
    expect(v.reason).toContain('followed');
  });
  it('fails an ignored instruction and names the failed check', async () => {
    const v = await judge.judge(ignored);
    expect(v).toMatchObject({ scores: { followed: 0, better_off: 0 }, pass: false });
    expect(v.reason).toContain('hairstyling at most 20% of the list');
  });
  it('does not pass a session without instructions', async () => {
    expect(await judge.judge(silent)).toMatchObject({ instructions: 0, pass: false });
  });
});

describe('LLM judge (scripted engine)', () => {
  const reply = (o: object) => JSON.stringify(o);
  it('asks with the rubrics and a JSON schema, and reads a fenced reply with prose', async () => {
    const engine = new ScriptedEngine(['Here you go:\n```json\n' + reply({ scores: { followed: 0.9, better_off: 0.7 }, pass: true, reason: 'Hairstyling is gone.' }) + '\n```']);
    const v = await createLlmJudge({ engine, index }).judge(followed);
    expect(v).toEqual({ trajectoryId: 't-good', judge: 'scripted', instructions: 1, scores: { followed: 0.9, better_off: 0.7 }, pass: true, reason: 'Hairstyling is gone.' });
    const req = engine.requests[0];
    expect(req.responseFormat).toMatchObject({ type: 'json_object', schema: JUDGE_REPLY_JSON_SCHEMA });
    expect(req.messages[0].content).toContain('The instruction was followed by the next list');
    expect(req.messages[1].content).toContain('"Less hairstyling please"');
    expect(req.messages[1].content).toContain('Braids in five minutes');
    expect(req.messages[1].content).toContain('Recommender reply: "Absolutely! Less hairstyling."');
  });

  it('does not keep a "pass" whose scores fall below the threshold', async () => {
    const engine = new ScriptedEngine([reply({ scores: { followed: 0.2, better_off: 0.9 }, pass: true, reason: 'ok' })]);
    const v = await createLlmJudge({ engine, index }).judge(followed);
    expect(v.pass).toBe(false);
    expect(v.scores.followed).toBeLessThan(PASS_THRESHOLD);
  });

  it('retries an invalid reply, then falls back to the rule judge', async () => {
    const engine = new ScriptedEngine(['not json at all', reply({ scores: { followed: 3, better_off: 0.5 }, pass: true, reason: 'x' })]);
    const v = await createLlmJudge({ engine, index }).judge(ignored);
    expect(engine.requests).toHaveLength(2);
    expect(v).toMatchObject({ judge: 'rule', fallback: true, pass: false, scores: { followed: 0, better_off: 0 } });
    expect(v.reason).toMatch(/^LLM judge unusable/);
  });

  it('falls back on an engine error, but lets an abort through', async () => {
    const net = new ScriptedEngine([new ChatEngineError('network', 'offline'), new ChatEngineError('network', 'offline')]);
    expect(await createLlmJudge({ engine: net, index }).judge(followed)).toMatchObject({ fallback: true, pass: true, reason: expect.stringContaining('offline') });
    const stop = new ScriptedEngine([new ChatEngineError('aborted', 'Stopped')]);
    await expect(createLlmJudge({ engine: stop, index }).judge(followed)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('parses only valid replies', () => {
    expect(parseJudgeReply('{"scores":{"followed":1,"better_off":0},"pass":false,"reason":"r"}')).toEqual({ scores: { followed: 1, better_off: 0 }, pass: false, reason: 'r' });
    expect(parseJudgeReply('{"scores":{"followed":1},"pass":false,"reason":"r"}')).toBeNull();
    expect(parseJudgeReply('{"scores":{"followed":-0.1,"better_off":0},"pass":false,"reason":"r"}')).toBeNull();
    expect(parseJudgeReply('')).toBeNull();
  });

  it('does not call the model for a session without instructions', async () => {
    const engine = new ScriptedEngine([]);
    expect(await createLlmJudge({ engine, index }).judge(silent)).toMatchObject({ pass: false, instructions: 0 });
    expect(engine.requests).toHaveLength(0);
  });
});

describe('filterJudged and JSONL', () => {
  it('keeps passing trajectories in order and writes one line each', async () => {
    const set = await filterJudged([ignored, followed, silent], createRuleJudge(index));
    expect(set.verdicts.map((v) => v.pass)).toEqual([false, true, false]);
    expect(set.kept.map((t) => t.id)).toEqual(['t-good']);
    const lines = judgedJsonl(set).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]);
    expect(row.trajectory.id).toBe('t-good');
    expect(row.verdict).toMatchObject({ trajectoryId: 't-good', pass: true });
    expect(judgedJsonl({ kept: [], verdicts: [] })).toBe('');
  });
});

describe('rule judge on simulated sessions', () => {
  let trajectories: Trajectory[] = [];
  beforeAll(async () => {
    const [cat, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const res = await runBatch({
      catalog: cat, users: personas.slice(0, 12), contextFor: defaultContext, simulator: simulators.get('rule-based').create(),
      recommenders: [createRecommender('popular+follow')], seed: 3, listSize: 6, maxTurns: 6, instructionsEnabled: true, keepTrajectories: true,
    });
    trajectories = res.runs[0].trajectories;
    const judge = createRuleJudge(buildCatalogIndex(cat));
    verdicts = (await filterJudged(trajectories, judge)).verdicts;
  }, 60_000);
  let verdicts: Awaited<ReturnType<typeof filterJudged>>['verdicts'] = [];

  it("agrees with the compare protocol's count of instructions and recoveries", () => {
    const v = instructionVerdict(trajectories);
    // The judge counts instructions that have a next list (an instruction on the last list has nothing to judge).
    const withNext = trajectories.reduce((n, t) => n + t.turns.filter((u, i) => u.reflection?.instruction && (t.turns[i + 1]?.decisions.length ?? 0) > 0).length, 0);
    expect(verdicts.reduce((s, x) => s + x.instructions, 0)).toBe(withNext);
    expect(withNext).toBeLessThanOrEqual(v.instructions);
    expect(Math.round(verdicts.reduce((s, x) => s + x.scores.better_off * x.instructions, 0))).toBe(v.recovered);
    expect(withNext).toBeGreaterThan(0);
  });

  it('passes exactly the trajectories whose scores clear the threshold', () => {
    for (const x of verdicts) expect(x.pass).toBe(x.instructions > 0 && x.scores.followed >= PASS_THRESHOLD && x.scores.better_off >= PASS_THRESHOLD);
  });
});

describe('runJudgeBatch', () => {
  it('judges every session of each recommender and keeps the passing ones as JSONL', async () => {
    const [cat, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const r = await runJudgeBatch({
      world: { catalog: cat, users: personas, personas },
      run: parseRunDescription({ catalog: cat.id, users: { kind: 'population', size: 8 }, seed: 5, listSize: 6, turns: 6 }),
      simulator: simulators.get('rule-based').create(),
      recommenders: ['popular', 'popular+follow'],
    });
    expect(r.judge).toBe('rule');
    expect(r.rows.map((x) => [x.recommender, x.sessions])).toEqual([['popular', 8], ['popular+follow', 8]]);
    const passed = r.rows.reduce((s, x) => s + x.passed, 0);
    expect(passed).toBe(r.verdicts.filter((v) => v.pass).length);
    const lines = r.jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(passed);
    for (const l of lines) expect(l.verdict.trajectoryId).toBe(l.trajectory.id);
    for (const x of r.rows) expect(x.passed).toBeLessThanOrEqual(x.judged);
  }, 60_000);
});
