import { describe, expect, it } from 'vitest';
import { checkEnv } from '../../../src/core/env/check-env';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { recommenders } from '../../../src/core/recommenders/registry';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { simulators } from '../../../src/core/simulator/registry';
import { defaultContext } from '../../../src/core/users/context';
import type { Recommender, Slate } from '../../../src/core/types';
import type { UserSimulator } from '../../../src/core/simulator/simulator';
import { CONTEXT, orderedRecommender, scriptedSimulator, tinyCatalog, tinyUser } from './stand-ins';

/** Simulators that run without an engine, a person or other options. */
function engineFree(): string[] {
  return simulators.names().filter((name) => {
    try {
      simulators.get(name).create();
      return true;
    } catch {
      return false;
    }
  });
}

describe('checkEnv on stand-ins', () => {
  const catalog = tinyCatalog();
  const base = {
    catalog, users: [tinyUser(), tinyUser({ id: 'u2', traits: { ...tinyUser().traits, instructionPropensity: 1 } })],
    contextFor: () => CONTEXT, simulator: () => scriptedSimulator(),
  };

  it('passes a well-behaved pair', async () => {
    expect(await checkEnv({ ...base, recommender: () => orderedRecommender(catalog, { topics: ['hair', 'fishing', 'ufc'] }) })).toEqual([]);
  });

  it('finds a recommender that repeats shown items', async () => {
    const problems = await checkEnv({ ...base, recommender: () => orderedRecommender(catalog, { bad: 'repeat' }) });
    expect(problems.some((p) => p.includes('already shown'))).toBe(true);
  });

  it('finds unknown ids and too-long slates', async () => {
    expect((await checkEnv({ ...base, recommender: () => orderedRecommender(catalog, { bad: 'unknown' }) })).join('\n')).toMatch(/unknown item id "nope"/);
    const long: Recommender = { name: 'long', followsInstructions: false, recommend: (o): Slate => ({ itemIds: catalog.items.filter((i) => !o.shown.includes(i.id)).slice(0, 9).map((i) => i.id) }) };
    expect((await checkEnv({ ...base, listSize: 3, recommender: () => long })).join('\n')).toMatch(/9 items for k = 3/);
  });

  it('finds nondeterminism', async () => {
    let calls = 0;
    const flaky: Recommender = {
      name: 'flaky', followsInstructions: false,
      recommend: (o): Slate => ({ itemIds: catalog.items.filter((i) => !o.shown.includes(i.id)).slice(calls++ % 2, (calls % 2) + 4).map((i) => i.id) }),
    };
    expect((await checkEnv({ ...base, recommender: () => flaky })).join('\n')).toMatch(/different trajectory/);
  });

  it('finds invalid decisions from a simulator', async () => {
    const sim = scriptedSimulator();
    const broken: UserSimulator = {
      name: 'broken',
      startSession(start) {
        const s = sim.startSession(start);
        return { ...s, mindset: s.mindset, decide: (item, pos, turn) => ({ ...(s.decide(item, pos, turn) as ReturnType<typeof s.decide> & object), watchSec: item.durationSec * 2, actions: ['stare' as never] }) };
      },
    };
    const problems = (await checkEnv({ ...base, simulator: () => broken, recommender: () => orderedRecommender(catalog) })).join('\n');
    expect(problems).toMatch(/unknown action "stare"/);
    expect(problems).toMatch(/watchSec 120 is outside \[0, 60\]/);
  });
});

describe('checkEnv over every registered recommender x simulator (built-in catalog)', async () => {
  const catalog = await loadBuiltinCatalog();
  const index = buildCatalogIndex(catalog);
  const personas = await loadBuiltinPersonas();
  const users = [personas.find((p) => p.id === 'persona-maya') ?? personas[0], personas[3], personas[personas.length - 1]];
  const sims = engineFree();

  it('has the rule-based simulator and the seven recommenders', () => {
    expect(sims).toContain('rule-based');
    expect(recommenders.names().length).toBeGreaterThanOrEqual(7);
  });

  // Every registered recommender, plus instruction-following wrappers (replies, plans).
  const names = [...recommenders.names(), 'popular+follow', 'content+follow'];
  for (const sim of sims) {
    for (const rec of names) {
      it(`${rec} x ${sim}`, async () => {
        const problems = await checkEnv({
          catalog, index, users, contextFor: defaultContext,
          training: { catalog, users: personas },
          simulator: () => simulators.get(sim).create(),
          recommender: () => createRecommender(rec),
          listSize: 8, maxTurns: 4,
        });
        expect(problems).toEqual([]);
      });
    }
  }
});

describe('checkEnv on MovieLens profiles (held-out data must not leak)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { importMovieLens } = await import('../../../src/core/catalog/movielens');
  const dir = join(__dirname, '../../fixtures/movielens/ml-latest');
  const files = Object.fromEntries(['movies.csv', 'ratings.csv', 'tags.csv', 'links.csv'].map((f) => [f, readFileSync(join(dir, f))]));
  const ml = importMovieLens(files);

  it('the fixture users have held-out interactions', () => {
    expect(ml.users.some((u) => (u.heldOut ?? []).length > 0)).toBe(true);
  });

  for (const rec of ['popular', 'item-knn', 'mf-bpr']) {
    it(`${rec} x rule-based`, async () => {
      const problems = await checkEnv({
        catalog: ml.catalog, users: ml.users, contextFor: defaultContext,
        simulator: () => simulators.get('rule-based').create(), recommender: () => recommenders.get(rec).create(),
        listSize: 3, maxTurns: 3,
      });
      expect(problems).toEqual([]);
    });
  }

  it('reports a leak when an observation carries held-out data', async () => {
    const user = ml.users.find((u) => (u.heldOut ?? []).length > 0)!;
    const leaky = { ...user, history: user.history.concat(user.heldOut!.slice(0, 1)) };
    const problems = await checkEnv({
      catalog: ml.catalog, users: [leaky], contextFor: defaultContext, instructionModes: [false],
      simulator: () => simulators.get('rule-based').create(), recommender: () => recommenders.get('popular').create(), listSize: 3,
    });
    expect(problems.join('\n')).toMatch(/leaks held-out interaction/);
  });
});
