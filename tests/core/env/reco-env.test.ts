import { describe, expect, it } from 'vitest';
import { RecoEnv, type RecoEnvConfig } from '../../../src/core/env/reco-env';
import type { SessionEvent } from '../../../src/core/env/environment';
import { CONTEXT, NOW, orderedRecommender, scriptedSimulator, tinyCatalog, tinyUser, type ScriptedOptions } from './stand-ins';

const catalog = tinyCatalog();
const ids = (topic: string, from = 0, n = 5) => Array.from({ length: n }, (_, i) => `${topic}-${from + i}`);
const flat = { retention: () => ({ returnProbability: 0.5, returnAfterHours: 24 }) };

function env(over: Partial<RecoEnvConfig> = {}, sim: ScriptedOptions = {}): RecoEnv {
  return new RecoEnv({
    catalog, user: tinyUser(), context: CONTEXT, simulator: scriptedSimulator(sim), recommenderName: 'ordered',
    maxTurns: 5, instructionsEnabled: true, ...flat, ...over,
  });
}

describe('RecoEnv reset', () => {
  it('shows the visible profile only, the prior history, turn 0 and nothing shown', async () => {
    const e = env();
    const { observation, info } = await e.reset({ seed: 1 });
    expect(info.sessionIndex).toBe(0);
    expect(Object.keys(observation.profile).sort()).toEqual(['age', 'gender', 'groups', 'id', 'interests', 'location', 'name', 'occupation']);
    expect(JSON.stringify(observation)).not.toContain('ufc-9'); // the held-out item
    expect(observation.history).toEqual(tinyUser().history);
    expect(observation).toMatchObject({ userId: 'u1', turn: 0, shown: [], instruction: null, context: CONTEXT });
  });
  it('refuses step before reset', async () => {
    await expect(env().step({ itemIds: ['fishing-0'] })).rejects.toThrow(/before reset/);
  });
});

describe('RecoEnv step', () => {
  it('walks the whole list, continues with the next one, and grows the history', async () => {
    const e = env();
    await e.reset({ seed: 1 });
    const slate = { itemIds: ids('fishing') };
    const r = await e.step(slate);
    expect(r.terminated || r.truncated).toBe(false);
    expect(r.info.decisions.map((d) => d.itemId)).toEqual(slate.itemIds);
    expect(r.info.endReason).toBeNull();
    expect(r.reward).toBe(r.info.decisions.reduce((s, d) => s + d.watchSec, 0));
    expect(r.reward).toBeGreaterThan(0);
    expect(r.observation.turn).toBe(1);
    expect(r.observation.shown).toEqual(slate.itemIds);
    expect(r.observation.instruction).toBeNull();
    expect(r.observation.implicit).toMatchObject({ engaged: 5, skips: 0, left: false });
    const session = r.observation.history.slice(1);
    expect(new Set(session.map((h) => h.itemId))).toEqual(new Set(slate.itemIds));
    expect(session.every((h) => h.at >= NOW)).toBe(true);
    expect(session.find((h) => h.action === 'watch')?.watchSec).toBeGreaterThan(0);
  });

  it('keeps the session going after an instruction and carries the text', async () => {
    const e = env({ user: tinyUser({ traits: { ...tinyUser().traits, instructionPropensity: 1 } }) });
    const events: SessionEvent[] = [];
    const e2 = env({ user: tinyUser({ traits: { ...tinyUser().traits, instructionPropensity: 1 } }), onEvent: (ev) => void events.push(ev) });
    for (const x of [e, e2]) await x.reset({ seed: 3 });
    const r = await e2.step({ itemIds: ids('hair') });
    expect(r.terminated).toBe(false);
    expect(r.info.reflection?.instruction?.text).toBe('Show me more fishing');
    expect(r.observation.instruction).toBe('Show me more fishing');
    // left on the 2nd skip: 0.6 - 0.15 - 0.15 < 0.3
    expect(r.info.decisions).toHaveLength(2);
    expect(r.observation.implicit).toMatchObject({ skips: 2, left: true, topicEngagement: { hair: -2 } });
    expect(events.map((x) => x.type)).toEqual([
      'item_start', 'decision', 'item_start', 'decision', 'leave', 'reflection', 'instruction',
    ]);
  });

  it('terminates when the user leaves silently', async () => {
    const e = env({ user: tinyUser({ traits: { ...tinyUser().traits, instructionPropensity: 0 } }) });
    await e.reset({ seed: 3 });
    const r = await e.step({ itemIds: ids('hair') });
    expect(r).toMatchObject({ terminated: true, truncated: false, info: { endReason: 'left_silent' } });
    expect(e.trajectory().endReason).toBe('left_silent');
    await expect(e.step({ itemIds: ids('fishing') })).rejects.toThrow(/after the session ended/);
  });

  it('ends with time_up when the time budget runs out', async () => {
    const e = env({ user: tinyUser({ traits: { ...tinyUser().traits, timeBudgetSec: 70 } }) });
    await e.reset({ seed: 3 });
    const r = await e.step({ itemIds: ids('fishing') });
    expect(r).toMatchObject({ terminated: true, info: { endReason: 'time_up' } });
  });

  it('with instructions off, ends after one list', async () => {
    const e = env({ instructionsEnabled: false });
    await e.reset({ seed: 1 });
    const r = await e.step({ itemIds: ids('fishing') });
    expect(r).toMatchObject({ terminated: true, truncated: false, info: { endReason: 'no_instructions' } });
    expect(e.trajectory().turns).toHaveLength(1);
  });

  it('truncates at the turn limit', async () => {
    const e = env({ maxTurns: 2 });
    await e.reset({ seed: 1 });
    expect((await e.step({ itemIds: ids('fishing', 0) })).truncated).toBe(false);
    const r = await e.step({ itemIds: ids('fishing', 5) });
    expect(r).toMatchObject({ terminated: false, truncated: true, info: { endReason: 'turn_limit' } });
    expect(e.trajectory().metrics.turns).toBe(2);
  });

  it('ends as catalog_exhausted on an empty slate', async () => {
    const e = env();
    await e.reset({ seed: 1 });
    const r = await e.step({ itemIds: [] });
    expect(r).toMatchObject({ terminated: true, reward: 0, info: { endReason: 'catalog_exhausted' } });
    expect(e.trajectory().turns).toHaveLength(0);
  });

  it('rejects unknown, duplicate and already shown ids with a clear error', async () => {
    const e = env();
    await e.reset({ seed: 1 });
    await expect(e.step({ itemIds: ['fishing-0', 'nope'] })).rejects.toThrow(/unknown item id "nope"/);
    await expect(e.step({ itemIds: ['fishing-0', 'fishing-0'] })).rejects.toThrow(/appears twice/);
    await e.step({ itemIds: ['fishing-0'] });
    await expect(e.step({ itemIds: ['fishing-0'] })).rejects.toThrow(/already shown/);
  });

  it('uses the configured reward', async () => {
    const e = env({ reward: 'likes' });
    await e.reset({ seed: 1 });
    const r = await e.step({ itemIds: ids('fishing') });
    expect(r.reward).toBe(r.info.decisions.filter((d) => d.actions.includes('like')).length);
  });
});

describe('RecoEnv sessions', () => {
  it('same seed, same trajectory; another seed, another one', async () => {
    const play = async (seed: number) => {
      const e = env();
      await e.reset({ seed });
      await e.step({ itemIds: ids('fishing') });
      await e.step({ itemIds: ids('ufc') });
      return JSON.stringify(e.trajectory());
    };
    expect(await play(5)).toBe(await play(5));
    expect(await play(5)).not.toBe(await play(6));
  });

  it('carries memory and history across resets of one instance', async () => {
    const e = env({ instructionsEnabled: false });
    await e.reset({ seed: 1 });
    await e.step({ itemIds: ids('fishing') });
    const first = e.trajectory();
    expect(e.memory.sessions).toHaveLength(1);
    const { observation, info } = await e.reset({ seed: 2, options: { startedAt: NOW + 86_400_000 } });
    expect(info.sessionIndex).toBe(1);
    expect(observation.history.slice(1).map((h) => h.itemId)).toEqual(first.turns[0].decisions.flatMap((d) => d.actions.map(() => d.itemId)));
    expect(observation.shown).toEqual([]);
    await e.step({ itemIds: ids('ufc') });
    expect(e.memory.sessions).toHaveLength(2);
    expect(e.trajectory().id).not.toBe(first.id);
    expect(e.trajectory().startedAt).toBe(NOW + 86_400_000);
  });

  it('fills metrics at the end, with the retention model', async () => {
    const e = env({ instructionsEnabled: false });
    await e.reset({ seed: 1 });
    await e.step({ itemIds: ids('fishing') });
    const t = e.trajectory();
    expect(t.metrics).toMatchObject({ turns: 1, itemsViewed: 5, endReason: 'no_instructions', returnProbability: 0.5, returnAfterHours: 24 });
    expect(t.metrics.watchSec).toBe(t.turns[0].reward);
  });

  it('stops on the abort signal and keeps the items decided so far', async () => {
    const signal = { aborted: false };
    const e = env({
      signal,
      onEvent: (ev) => {
        if (ev.type === 'decision' && ev.decision.position === 2) signal.aborted = true;
      },
    });
    await e.reset({ seed: 1 });
    const r = await e.step({ itemIds: ids('fishing') });
    expect(r).toMatchObject({ truncated: true, terminated: false, info: { endReason: 'stopped' } });
    expect(e.trajectory().turns[0].decisions).toHaveLength(3);
    expect(e.trajectory().endReason).toBe('stopped');
  });

  it('records a failing simulator as an error and rethrows', async () => {
    const e = env({}, { failOn: 'fishing-2' });
    await e.reset({ seed: 1 });
    await expect(e.step({ itemIds: ids('fishing') })).rejects.toThrow(/scripted failure/);
    expect(e.trajectory().endReason).toBe('error');
    expect(e.trajectory().turns[0].decisions).toHaveLength(2);
  });

  it('streams thought deltas and passes replies to the simulator', async () => {
    const replies: string[] = [];
    const deltas: string[] = [];
    const events: SessionEvent[] = [];
    const e = env(
      {
        user: tinyUser({ traits: { ...tinyUser().traits, instructionPropensity: 1 } }),
        onEvent: (ev) => void events.push(ev),
        onThoughtDelta: (turn, position, text) => void deltas.push(`${turn}:${position}:${text}`),
      },
      { replies, stream: true },
    );
    await e.reset({ seed: 1 });
    await e.step({ itemIds: ids('hair') });
    expect(deltas).toEqual(['0:0:thinking about hair-0', '0:1:thinking about hair-1']);
    expect(events.filter((x) => x.type === 'thought_delta')).toHaveLength(2);
    await e.step({ itemIds: ids('fishing'), message: 'Absolutely! Here is fishing.' });
    expect(replies).toEqual(['Absolutely! Here is fishing.']);
  });
});

describe('stand-in recommender with the env', () => {
  it('plays a whole session to an end', async () => {
    const e = env();
    const rec = orderedRecommender(catalog, { topics: ['hair', 'fishing', 'ufc'] });
    let { observation } = await e.reset({ seed: 9 });
    for (let i = 0; i < 10; i++) {
      const r = await e.step(await rec.recommend(observation, 4, null as never));
      if (r.terminated || r.truncated) break;
      observation = r.observation;
    }
    expect(e.done).toBe(true);
    expect(['left_silent', 'turn_limit', 'time_up']).toContain(e.trajectory().endReason);
  });
});
