import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import type { ChatEngine, ChatRequest } from '../../../src/core/llm/chat-engine';
import { createLlmPlanner, createRecommender, parseRecommenderName } from '../../../src/core/recommenders/agentic';
import { InstructionFollowingRecommender } from '../../../src/core/recommenders/agentic/instruction-following';
import { recommenders } from '../../../src/core/recommenders/registry';
import { createRng } from '../../../src/core/rng';
import type { Catalog, Observation, Slate, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let personas: UserProfile[];
let maya: UserProfile;

beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  personas = await loadBuiltinPersonas();
  maya = personas.find((p) => p.id === 'persona-maya')!;
});

function obs(extra: Partial<Observation> = {}): Observation {
  return {
    userId: maya.id,
    profile: { id: maya.id, name: maya.name, age: maya.age, gender: maya.gender, location: maya.location, occupation: maya.occupation, interests: maya.interests, groups: maya.groups },
    context: { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: maya.location },
    history: maya.history,
    turn: 1,
    shown: [],
    instruction: null,
    ...extra,
  };
}

function fitted(name: string, planner?: ReturnType<typeof createLlmPlanner>): InstructionFollowingRecommender {
  const rec = new InstructionFollowingRecommender(recommenders.get(name).create(), planner ? { planner } : {});
  rec.fit({ catalog, users: personas }, createRng(1));
  return rec;
}

const topicOf = (id: string) => catalog.items.find((i) => i.id === id)!.topic;
const hairIds = () => catalog.items.filter((i) => i.topic === 'hairstyling').slice(0, 5).map((i) => i.id);

describe('instruction-following recommender', () => {
  it('names: "+follow" wraps any registered base recommender', () => {
    expect(parseRecommenderName('item-knn+follow')).toEqual({ base: 'item-knn', follow: true });
    const r = createRecommender('content+follow');
    expect(r.followsInstructions).toBe(true);
    expect(r.name).toBe('content+follow');
    expect(createRecommender('content').followsInstructions).toBe(false);
  });

  it.each(['popular', 'content', 'item-knn', 'mf-bpr', 'linucb', 'random', 'trending'])(
    'follows "too much hairstyling, something different but related" on top of %s',
    async (base) => {
      const rec = fitted(base);
      const o = obs({ shown: hairIds(), instruction: "There's too much hairstyling; show me something different but related" });
      const slate = (await rec.recommend(o, 6, createRng(2))) as Slate;
      expect(slate.itemIds).toHaveLength(6);
      expect(new Set(slate.itemIds).size).toBe(6);
      for (const id of slate.itemIds) expect(o.shown).not.toContain(id);
      const topics = slate.itemIds.map(topicOf);
      expect(topics).not.toContain('hairstyling');
      const related = catalog.topics.find((t) => t.id === 'hairstyling')!.related;
      expect(topics.filter((t) => related.includes(t)).length).toBeGreaterThanOrEqual(3);
      expect(slate.message).toMatch(/^Absolutely!/);
      expect(slate.plan?.lessTopics).toEqual(['hairstyling']);
    },
  );

  it('without an instruction and without memory it is the base recommender', async () => {
    const rec = fitted('content');
    const base = recommenders.get('content').create();
    base.fit!({ catalog, users: personas }, createRng(1));
    const o = obs({ turn: 0 });
    const a = (await rec.recommend(o, 5, createRng(3))) as Slate;
    const b = (await base.recommend(o, 5, createRng(3))) as Slate;
    expect(a.itemIds).toEqual(b.itemIds);
    expect(a.message).toBeUndefined();
  });

  it('remembers the plan over the next lists, fading, and forgets it eventually', async () => {
    const rec = fitted('popular');
    await rec.recommend(obs({ instruction: 'Show me more F1' }), 5, createRng(4));
    expect(rec.activePlan(maya.id)?.strength).toBe(1);
    const next = (await rec.recommend(obs({ turn: 2 }), 5, createRng(5))) as Slate;
    expect(next.message).toBeUndefined();
    expect(next.itemIds.map(topicOf).filter((t) => t === 'f1').length).toBeGreaterThanOrEqual(2);
    expect(rec.activePlan(maya.id)!.strength).toBeCloseTo(0.75);
    rec.resetSession(maya.id);
    expect(rec.activePlan(maya.id)!.strength).toBeCloseTo(0.3);
    for (let t = 3; t < 12; t++) await rec.recommend(obs({ turn: t }), 5, createRng(t));
    expect(rec.activePlan(maya.id)).toBeNull();
  });

  it('is deterministic for the same inputs and seed', async () => {
    const o = obs({ instruction: "I'm bored, show me something more interesting" });
    const a = (await fitted('linucb').recommend(o, 6, createRng(9))) as Slate;
    const b = (await fitted('linucb').recommend(o, 6, createRng(9))) as Slate;
    expect(a).toEqual(b);
  });
});

/** A chat engine that replays canned replies (the boundary we cannot reach here: model weights). */
function scripted(replies: string[]): ChatEngine & { calls: ChatRequest[] } {
  const calls: ChatRequest[] = [];
  return {
    id: 'scripted',
    calls,
    async chat(req) {
      calls.push(req);
      const text = replies.shift() ?? '';
      return { text, usage: { promptTokens: 0, completionTokens: 0 }, model: 'scripted', finishReason: 'stop', latencyMs: 1 };
    },
  };
}

describe('LLM planner', () => {
  it('maps a valid JSON plan to catalog ids (labels and near-misses included)', async () => {
    const engine = scripted(['Sure! {"moreTopics": ["Formula 1", "cars"], "lessTopics": ["ufc"], "explore": false, "preferRecent": true}']);
    const rec = fitted('popular', createLlmPlanner(engine));
    const slate = (await rec.recommend(obs({ instruction: 'More racing, less fighting, fresh stuff' }), 5, createRng(1))) as Slate;
    expect(slate.plan?.planner).toBe('llm');
    expect(slate.plan?.moreTopics).toEqual(['f1', 'cars']);
    expect(slate.plan?.lessTopics).toEqual(['ufc']);
    expect(slate.plan?.preferRecent).toBe(true);
    expect(engine.calls[0].responseFormat?.schema).toBeDefined();
    expect(engine.calls[0].messages[1].content).toContain('More racing, less fighting');
  });

  it('retries once on an unusable reply, then falls back to the rule-based plan', async () => {
    const engine = scripted(['no idea', '{"moreTopics": 5}']);
    const rec = fitted('popular', createLlmPlanner(engine, { retries: 1 }));
    const slate = (await rec.recommend(obs({ instruction: 'Show me more F1' }), 5, createRng(1))) as Slate;
    expect(engine.calls).toHaveLength(2);
    expect(slate.plan?.planner).toBe('llm→rules');
    expect(slate.plan?.moreTopics).toEqual(['f1']);
  });
});
