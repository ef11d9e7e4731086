import { describe, expect, it } from 'vitest';
import type { ItemVectors } from '../../../src/core/embed/vectors';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { CONTEXT, makeCatalog, makeUser, TOPIC_IDS } from '../recommenders/fixtures';

const catalog = makeCatalog(6); // topics without a hand-written topic graph
const dim = TOPIC_IDS.length;
/** One direction per topic, except ufc, which leans towards fishing (cosine ~0.96). */
function vectors(): ItemVectors {
  const data = new Float32Array(catalog.items.length * dim);
  catalog.items.forEach((it, i) => {
    const t = TOPIC_IDS.indexOf(it.topic);
    if (it.topic === 'ufc') {
      data[i * dim + TOPIC_IDS.indexOf('fishing')] = 0.96;
      data[i * dim + t] = 0.28;
    } else data[i * dim + t] = 1;
  });
  return { catalogId: catalog.id, model: 'test', dim, ids: catalog.items.map((i) => i.id), data };
}

const user = makeUser('angler', [], { fishing: 0.9 });
const start = () => ({ user, context: CONTEXT, memory: emptyMemory(user.id), catalog, rng: createRng(5), instructionsEnabled: false });
const item = (id: string) => catalog.items.find((i) => i.id === id)!;

describe('rule-based simulator with item vectors (optional)', () => {
  it('counts a topic with a close centroid as related; without vectors it stays unrelated', () => {
    const plain = createRuleBasedSimulator().startSession(start()).decide(item('ufc-0'), 0, 0);
    expect(plain.reasons).toContain('unrelated');
    expect(plain.relatedTopic).toBeUndefined();
    const withVec = createRuleBasedSimulator({ itemVectors: vectors() }).startSession(start()).decide(item('ufc-0'), 0, 0);
    expect(withVec.reasons.some((r) => r === 'related_interest' || r === 'novel_topic')).toBe(true);
    expect(withVec.relatedTopic).toBe('fishing');
    expect(withVec.interest).toBeGreaterThan(plain.interest);
  });

  it('an item nearly identical to one seen this session counts as seen', () => {
    const plain = createRuleBasedSimulator().startSession(start());
    plain.decide(item('baking-0'), 0, 0);
    expect(plain.decide(item('baking-1'), 1, 0).reasons).not.toContain('seen_before');
    const s = createRuleBasedSimulator({ itemVectors: vectors() }).startSession(start());
    expect(s.decide(item('baking-0'), 0, 0).reasons).not.toContain('seen_before');
    expect(s.decide(item('baking-1'), 1, 0).reasons).toContain('seen_before');
    expect(s.decide(item('f1-0'), 2, 0).reasons).not.toContain('seen_before');
  });

  it('vectors of another catalog are ignored', () => {
    const other = { ...vectors(), catalogId: 'other' };
    const d = createRuleBasedSimulator({ itemVectors: other }).startSession(start()).decide(item('ufc-0'), 0, 0);
    expect(d.reasons).toContain('unrelated');
  });
});
