import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { wilson, runParaphraseEval } from '../../../src/core/eval/paraphrase-eval';
import { PARAPHRASES, buildParaphraseSuite } from '../../../src/core/eval/paraphrase-suite';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { createRng } from '../../../src/core/rng';
import type { Observation, Slate } from '../../../src/core/types';
import { visibleProfile } from '../../../src/core/env/observation';

const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
const maya = personas[0];
const obs = (instruction: string): Observation => ({
  userId: 'maya-test',
  profile: { ...visibleProfile(maya), id: 'maya-test' },
  context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: maya.location },
  history: maya.history,
  turn: 1,
  shown: [],
  instruction,
});
const topicOf = (id: string) => catalog.items.find((i) => i.id === id)!.topic;

async function planFor(instruction: string, embedMatch: Parameters<typeof createRecommender>[2] extends infer F ? F extends { embedMatch?: infer E } ? E : never : never) {
  const rec = createRecommender('popular+follow', undefined, { embedMatch });
  rec.fit?.({ catalog, users: personas }, createRng(1));
  return (await rec.recommend(obs(instruction), 10, createRng(2))) as Slate;
}

describe('planner: embedding match when the lexicon finds nothing', () => {
  it('"more like the crab boil one" is already a lexicon hit (crab is a sub-topic)', async () => {
    const slate = await planFor('more like the crab boil one', false);
    expect(slate.plan?.moreTopics).toContain('seafood-cooking');
    expect(slate.plan?.matchedBy).toBeUndefined();
  });

  it('"harvest tomatoes" (no lexicon entry) becomes more gardening with the offline embedding', async () => {
    const slate = await planFor('show me people who harvest tomatoes', true);
    expect(slate.plan?.moreTopics).toEqual(['gardening']);
    expect(slate.plan?.matchedBy).toBe('embedding');
    expect(slate.plan?.summary).toMatch(/matched by similarity/);
    expect(slate.itemIds.filter((id) => topicOf(id) === 'gardening').length).toBeGreaterThanOrEqual(4);
    // Lexicon only: the same words give no gardening plan (the vague path explores instead).
    const lex = await planFor('show me people who harvest tomatoes', false);
    expect(lex.plan?.moreTopics ?? []).not.toContain('gardening');
    expect(lex.plan?.matchedBy).toBeUndefined();
  });

  it('a negative cue turns the matched topics into "less"', async () => {
    const slate = await planFor('stop showing me zzz', () => [{ topic: 'fishing', weight: 1 }]);
    expect(slate.plan?.lessTopics).toEqual(['fishing']);
    expect(slate.plan?.moreTopics).not.toContain('fishing');
    expect(slate.itemIds.map(topicOf)).not.toContain('fishing');
  });

  it('is not consulted when the lexicon names a topic, nor for cue-only instructions', async () => {
    let calls = 0;
    const spy = () => {
      calls++;
      return [{ topic: 'anime', weight: 1 }];
    };
    const named = await planFor('Less UFC, more baking', spy);
    expect(named.plan?.moreTopics).toEqual(['baking']);
    await planFor("I'm bored, surprise me", spy);
    await planFor('shorter videos please', spy);
    expect(calls).toBe(0);
  });

  it('words the embedding does not know leave the plan to the usual vague path', async () => {
    const slate = await planFor('zzqx blorp', true);
    expect(slate.plan?.matchedBy).toBeUndefined();
    expect(slate.plan?.explore).toBe(true);
  });
});

describe('paraphrase suite', () => {
  it('has at least 40 distinct hand-written instructions over known topics', () => {
    expect(PARAPHRASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PARAPHRASES.map((p) => p.text)).size).toBe(PARAPHRASES.length);
    const cases = buildParaphraseSuite(catalog, personas);
    expect(cases).toHaveLength(PARAPHRASES.length);
    for (const c of cases.filter((x) => x.kind === 'less_of_topic')) expect(c.previous.length).toBeGreaterThanOrEqual(6);
  });

  it('Wilson intervals are the textbook values', () => {
    const a = wilson(5, 10);
    expect(a.lo).toBeCloseTo(0.2366, 4);
    expect(a.hi).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 10).hi).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toMatchObject({ lo: 0, hi: 1 });
  });

  it('the evaluation is deterministic and reports all three arms', async () => {
    const a = await runParaphraseEval({ catalog, personas, bases: ['popular'], seed: 7 });
    const b = await runParaphraseEval({ catalog, personas, bases: ['popular'], seed: 7 });
    expect(a).toEqual(b);
    const r = a.rows[0];
    expect(r.plain.cases).toBe(PARAPHRASES.length);
    expect(r.matchedByEmbedding).toBeGreaterThan(0);
    // Every gained case is one the embedding planned or that the lexicon-only run failed.
    expect(r.embedding.passed - r.lexicon.passed).toBe(r.gained.length - r.lost.length);
  });
});
