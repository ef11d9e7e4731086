import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { rulePlan } from '../../../src/core/recommenders/agentic/rule-planner';
import { buildLexicon } from '../../../src/core/recommenders/agentic/lexicon';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { createRng } from '../../../src/core/rng';
import type { Observation, Slate, SocialTie } from '../../../src/core/types';
import { visibleProfile } from '../../../src/core/env/observation';
import { buildPopulation, generateGraph, buildWorldItems, initialWorld, advance, socialTies } from '../../../src/core/population';
import { resolveParams } from '../../../src/core/simulator/rule-params';
import { buildOonPools } from '../../../src/core/population/oon';

const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
const maya = personas[0];
const TIES: SocialTie[] = [
  { id: 'pop-1', name: 'Ana 1', kind: 'family', gender: 'female', itemIds: ['sv-0700', 'sv-0650'] },
  { id: 'pop-2', name: 'Ben 2', kind: 'classmate', gender: 'male', itemIds: ['sv-0300'] },
  { id: 'pop-3', name: 'Cleo 3', kind: 'friend', gender: 'female', itemIds: ['sv-0400'] },
  { id: 'pop-4', name: 'Dan 4', kind: 'family', gender: 'male', itemIds: [] },
];
const obs = (instruction: string, ties?: SocialTie[]): Observation => ({
  userId: 'maya-people',
  profile: { ...visibleProfile(maya), id: 'maya-people' },
  context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: maya.location },
  history: maya.history,
  turn: 1,
  shown: [],
  instruction,
  ...(ties ? { ties } : {}),
});

async function slateFor(instruction: string, ties?: SocialTie[]): Promise<Slate> {
  const rec = createRecommender('popular+follow');
  rec.fit?.({ catalog, users: personas }, createRng(1));
  return (await rec.recommend(obs(instruction, ties), 10, createRng(2))) as Slate;
}

describe('instructions about people (the planner reads the ties when a graph exists)', () => {
  it('"the latest posts from my family": the family\'s shares come first', async () => {
    const s = await slateFor('the latest posts from my family', TIES);
    expect(s.itemIds.slice(0, 2).sort()).toEqual(['sv-0650', 'sv-0700']);
    expect(s.plan?.people).toEqual(['pop-1', 'pop-4']);
    expect(s.plan?.summary).toMatch(/from your family/);
  });

  it('"content from my high school classmates": the classmates\' items', async () => {
    const s = await slateFor('content from my high school classmates', TIES);
    expect(s.itemIds[0]).toBe('sv-0300');
    expect(s.plan?.people).toEqual(['pop-2']);
  });

  it('"show me what\'s new with her": the closest woman with something new (family before friends); a name wins', async () => {
    const her = await slateFor("show me what's new with her", TIES);
    expect(her.plan?.people).toEqual(['pop-1']);
    expect(her.itemIds.slice(0, 2).sort()).toEqual(['sv-0650', 'sv-0700']);
    const cleo = await slateFor("what's Cleo been sharing", TIES);
    expect(cleo.plan?.people).toEqual(['pop-3']);
    expect(cleo.itemIds[0]).toBe('sv-0400');
  });

  it('without ties the plan is what it was before (no people, the same list)', async () => {
    const index = buildCatalogIndex(catalog);
    const lexicon = buildLexicon(index);
    const a = rulePlan({ instruction: 'the latest posts from my family', observation: obs('x'), index, lexicon });
    const b = rulePlan({ instruction: 'the latest posts from my family', observation: obs('x', []), index, lexicon });
    expect(a.people).toBeUndefined();
    expect(b).toEqual(a);
    const s = await slateFor('the latest posts from my family');
    expect(s.itemIds.slice(0, 2)).not.toEqual(['sv-0700', 'sv-0650']);
  });

  it('ties read from a simulated population: a family member\'s shares come first', async () => {
    const items = buildWorldItems(catalog);
    const rng = createRng(21);
    const pop = buildPopulation({ n: 400, bases: personas, topicIds: items.topicIds }, rng);
    const graph = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight }, rng);
    const rec = createRecommender('popular');
    rec.fit?.({ catalog, users: personas }, rng);
    const oon = await buildOonPools(rec, personas, items, 3, 80, rng);
    const setup = { pop, graph, items, response: { kind: 'rule' as const, params: resolveParams() }, oon, focusCreator: -1, posts: [] };
    const w = advance(initialWorld(setup), setup, 48 * 60, createRng(5));
    let found: { u: number; family: SocialTie[] } | null = null;
    for (let u = 0; u < pop.n && !found; u++) {
      const family = socialTies(pop, graph, items, w, u).filter((t) => t.kind === 'family' && t.itemIds.length > 0);
      if (family.length) found = { u, family };
    }
    expect(found).not.toBeNull();
    const ties = socialTies(pop, graph, items, w, found!.u);
    expect(ties.some((t) => t.kind === 'creator')).toBe(true);
    const s = await slateFor('the latest posts from my family', ties);
    const familyItems = new Set(found!.family.flatMap((t) => t.itemIds));
    expect(familyItems.has(s.itemIds[0])).toBe(true);
  });
});
