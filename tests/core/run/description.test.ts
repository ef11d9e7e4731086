import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { runBatch, runSession } from '../../../src/core/env/runner';
import { userSeed } from '../../../src/core/env/batch';
import {
  RUN_FIELDS,
  RunDescriptionError,
  buildRun,
  canonicalJson,
  canonicalTrajectory,
  defaultRunDescription,
  parseRunDescription,
  recommenderNameOf,
  runUsers,
} from '../../../src/core/run';
import { personasThenPopulation } from '../../../src/core/users/population';

describe('run description', () => {
  it('fills every field from the one table of defaults', () => {
    const d = defaultRunDescription();
    expect(d).toEqual({
      version: 1,
      catalog: RUN_FIELDS.catalog.default,
      users: { kind: 'user', id: RUN_FIELDS.user.default },
      simulator: { name: 'rule-based', params: {} },
      recommender: { name: 'content', follow: true, planner: 'rules', params: {} },
      seed: RUN_FIELDS.seed.default,
      listSize: RUN_FIELDS.listSize.default,
      turns: RUN_FIELDS.turns.default,
      sessions: 1,
      instructions: true,
      reward: 'watch',
      context: {},
    });
    expect(recommenderNameOf(d)).toBe('content+follow');
  });

  it('round-trips through JSON and reads "NAME+follow"', () => {
    const d = parseRunDescription({
      users: { kind: 'population', size: 30 },
      recommender: { name: 'mf-bpr+follow', follow: false, params: { factors: 8 } },
      context: { timeOfDay: 'night', dayOfWeek: 0 },
      firstList: ['a', 'b'],
    });
    expect(d.recommender).toEqual({ name: 'mf-bpr', follow: true, planner: 'rules', params: { factors: 8 } });
    expect(parseRunDescription(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(canonicalJson(parseRunDescription(JSON.parse(canonicalJson(d))))).toBe(canonicalJson(d));
  });

  it('says which field is wrong and why', () => {
    const bad = (v: unknown, re: RegExp) => {
      expect(() => parseRunDescription(v)).toThrow(RunDescriptionError);
      expect(() => parseRunDescription(v)).toThrow(re);
    };
    bad({ listSize: 0 }, /listSize: .*>=1/);
    bad({ listSize: 101 }, /listSize/);
    bad({ seed: 2 ** 32 }, /seed/);
    bad({ turns: 2.5 }, /turns: must be a whole number/);
    bad({ recommender: { name: 'nope' } }, /recommender.name: "nope" is unknown. Known: .*popular/);
    bad({ recommender: { name: 'mf-bpr', params: { factor: 3 } } }, /no parameter "factor". Known: factors/);
    bad({ recommender: { name: 'mf-bpr', params: { factors: 999 } } }, /factors must be between 1 and 256, got 999/);
    bad({ recommender: { name: 'mf-bpr', params: { epochs: 2.5 } } }, /epochs must be a whole number/);
    bad({ users: { kind: 'population', size: 0 } }, /users.size/);
    bad({ colour: 'red' }, /colour|Unrecognized/i);
    bad({ simulator: { name: 'oracle' } }, /simulator.name/);
    bad({ firstList: ['<img>'] }, /firstList/);
  });

  it('bounds every list and text, and accepts folder paths and external recommenders', () => {
    expect(() => parseRunDescription({ firstList: Array.from({ length: 101 }, (_, i) => `sv-${i}`) })).toThrow(/firstList/);
    expect(() => parseRunDescription({ simulator: { name: 'rule-based', params: { blob: 'x'.repeat(5000) } } })).toThrow(/simulator.params: parameters too long/);
    expect(() => parseRunDescription({ recommender: { name: 'mf-bpr', params: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, 1])) } })).toThrow(/at most 32 parameters/);
    expect(() => parseRunDescription({ context: { location: 'x'.repeat(81) } })).toThrow(/context.location/);
    expect(() => parseRunDescription({ catalog: 'a\u0000b' })).toThrow(/catalog: has characters that are not allowed/);
    expect(parseRunDescription({ catalog: '/data/ml-latest-small' }).catalog).toBe('/data/ml-latest-small');
    expect(parseRunDescription({ recommender: { name: 'http://127.0.0.1:8080/rec+follow' } }).recommender).toMatchObject({ name: 'http://127.0.0.1:8080/rec', follow: true });
    expect(parseRunDescription({ recommender: { name: 'module:my-rec', follow: false } }).recommender.name).toBe('module:my-rec');
  });

  it('drops malformed persona edits rather than trusting them', () => {
    const d = parseRunDescription({ users: { kind: 'user', id: 'persona-maya', edits: { age: 500, interests: { fishing: 0.5, '<x>': 1 } } } });
    expect(d.users).toEqual({ kind: 'user', id: 'persona-maya', edits: { interests: { fishing: 0.5 } } });
  });
});

describe('buildRun', async () => {
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
  const world = { catalog, users: personas, personas };

  it('picks users the one way: the named user (edited), or personas then population', () => {
    const one = runUsers(parseRunDescription({ users: { kind: 'user', id: personas[2].id, edits: { age: 33 } } }), world);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ id: personas[2].id, age: 33, source: 'edited' });
    const many = runUsers(parseRunDescription({ users: { kind: 'population', size: personas.length + 5 }, seed: 3 }), world);
    expect(many.map((u) => u.id)).toEqual(personasThenPopulation(personas, personas.length + 5, 3).map((u) => u.id));
    expect(many.slice(0, personas.length).map((u) => u.id)).toEqual(personas.map((u) => u.id));
    // A dataset (no personas): its first N users; more is an error that says how many there are.
    expect(runUsers(parseRunDescription({ users: { kind: 'population', size: 2 } }), { users: personas }).map((u) => u.id)).toEqual(personas.slice(0, 2).map((u) => u.id));
    expect(() => runUsers(parseRunDescription({ users: { kind: 'population', size: 999 } }), { users: personas })).toThrow(/only 24|only \d+/);
    expect(() => runUsers(parseRunDescription({ users: { kind: 'user', id: 'ghost' } }), world)).toThrow(/no user "ghost"/);
  });

  it('one session (runSession) equals the same user in a batch (runBatch)', async () => {
    const d = parseRunDescription({ seed: 11, turns: 3 });
    const a = buildRun(d, world);
    const t1 = await runSession(a.configFor(a.users[0]));
    expect(t1.seed).toBe(userSeed(11, a.users[0]));
    const b = buildRun(d, world);
    const res = await runBatch({ ...b.batchConfig(), keepTrajectories: true });
    expect(canonicalTrajectory(res.runs[0].trajectories[0])).toBe(canonicalTrajectory(t1));
  });

  it('applies context overrides and a hand-picked first list', async () => {
    const ids = catalog.items.slice(40, 43).map((i) => i.id);
    const r = buildRun(parseRunDescription({ context: { timeOfDay: 'night', device: 'tv' }, firstList: ids, listSize: 2 }), world);
    const cfg = r.configFor(r.users[0]);
    expect(cfg.context).toMatchObject({ timeOfDay: 'night', device: 'tv' });
    const t = await runSession(cfg);
    expect(t.turns[0].slate.itemIds).toEqual(ids.slice(0, 2));
    expect(t.recommender).toBe('content+follow');
    expect(() => buildRun(parseRunDescription({ firstList: ['no-such-item'] }), world)).toThrow(/firstList: 1 item\(s\) not in catalog/);
  });

  it('refuses what it cannot build, out loud', () => {
    expect(() => buildRun(parseRunDescription({ simulator: { name: 'llm' } }), world)).toThrow(/simulator.name: "llm" needs an engine/);
    expect(() => buildRun(parseRunDescription({ recommender: { name: 'content', planner: 'llm' } }), world)).toThrow(/planner: "llm" needs a chat engine/);
  });
});
