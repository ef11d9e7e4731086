import { describe, expect, it } from 'vitest';
import { createContent } from '../../../src/core/recommenders/content';
import { createItemKnn } from '../../../src/core/recommenders/item-knn';
import { createLinUcb } from '../../../src/core/recommenders/linucb';
import { createRng } from '../../../src/core/rng';
import type { Observation } from '../../../src/core/types';
import { decision, history, makeCatalog, makeUser, observe, TOPIC_IDS, topicUsers } from './fixtures';

const catalog = makeCatalog();
const topicOf = new Map(catalog.items.map((i) => [i.id, i.topic]));
const share = (ids: string[], topic: string): number => ids.filter((id) => topicOf.get(id) === topic).length / ids.length;

describe('content', () => {
  it('ranks items similar to the history above unrelated ones', async () => {
    const r = createContent();
    r.fit({ catalog, users: [] }, createRng(1));
    const fan = makeUser('fan', history(['baking-0', 'baking-1', 'baking-2', 'baking-3']));
    const out = (await r.recommend(observe(fan), 10, createRng(1))).itemIds;
    expect(share(out, 'baking')).toBe(1);
  });

  it('counts skips against an item’s features', async () => {
    const r = createContent();
    r.fit({ catalog, users: [] }, createRng(1));
    const hist = [...history(['f1-0', 'f1-1', 'f1-2']), ...history(['hair-0', 'hair-1', 'hair-2', 'hair-3'], 'skip')];
    const out = (await r.recommend(observe(makeUser('u', hist)), 10, createRng(1))).itemIds;
    expect(share(out, 'f1')).toBe(1);
    const scores = r.userVector(observe(makeUser('u', hist)));
    expect(scores.vals.some((v) => v < 0)).toBe(true);
  });

  it('recomputes the profile when the history or the interests change, even at the same length', async () => {
    const r = createContent();
    r.fit({ catalog, users: [] }, createRng(1));
    const a = (await r.recommend(observe(makeUser('x', history(['baking-0', 'baking-1']))), 5, createRng(1))).itemIds;
    const b = (await r.recommend(observe(makeUser('x', history(['f1-0', 'f1-1']))), 5, createRng(1))).itemIds;
    const c = (await r.recommend(observe(makeUser('x', [], { hair: 1 })), 5, createRng(1))).itemIds;
    const d = (await r.recommend(observe(makeUser('x', [], { ufc: 1 })), 5, createRng(1))).itemIds;
    expect([share(a, 'baking'), share(b, 'f1'), share(c, 'hair'), share(d, 'ufc')]).toEqual([1, 1, 1, 1]);
  });

  it('uses declared interests for a user without history', async () => {
    const r = createContent();
    r.fit({ catalog, users: [] }, createRng(1));
    const out = (await r.recommend(observe(makeUser('new', [], { ufc: 1 })), 10, createRng(1))).itemIds;
    expect(share(out, 'ufc')).toBe(1);
  });
});

describe('item-knn', () => {
  // Training users all consume fishing-0..4 together with f1-0..4: content-unrelated items.
  const pairs = ['fishing-0', 'fishing-1', 'fishing-2', 'fishing-3', 'fishing-4', 'f1-0', 'f1-1', 'f1-2', 'f1-3', 'f1-4'];
  const users = [
    ...Array.from({ length: 12 }, (_, u) => makeUser(`pair-${u}`, history(pairs.filter((_, j) => (j + u) % 4 !== 0)))),
    ...topicUsers(catalog, 15),
  ];

  it('recommends items co-consumed with the user’s items', async () => {
    const r = createItemKnn();
    r.fit({ catalog, users }, createRng(1));
    const out = (await r.recommend(observe(makeUser('new', history(['fishing-0', 'fishing-1']))), 10, createRng(1))).itemIds;
    for (const id of ['f1-0', 'f1-1', 'f1-2', 'f1-3', 'f1-4']) expect(out).toContain(id);
    // Content alone would not: f1 shares no words with fishing.
    const c = createContent();
    c.fit({ catalog, users }, createRng(1));
    const cOut = (await c.recommend(observe(makeUser('new', history(['fishing-0', 'fishing-1']))), 10, createRng(1))).itemIds;
    expect(share(cOut, 'f1')).toBe(0);
  });

  it('falls back to content similarity for items nobody co-consumed', async () => {
    const r = createItemKnn();
    r.fit({ catalog, users }, createRng(1));
    const cold = catalog.items.find((i) => i.topic === 'hair' && !users.some((u) => u.history.some((h) => h.itemId === i.id)));
    expect(cold).toBeDefined();
    const pos = catalog.items.indexOf(cold!);
    expect(r.isWarm(pos)).toBe(false);
    const out = (await r.recommend(observe(makeUser('cold', history([cold!.id]))), 10, createRng(1))).itemIds;
    expect(share(out, 'hair')).toBeGreaterThanOrEqual(0.8);
  });
});

describe('linucb', () => {
  it('shifts toward a topic that keeps getting rewarded, within and across sessions', async () => {
    const big = makeCatalog(40);
    const topic = new Map(big.items.map((i) => [i.id, i]));
    const r = createLinUcb();
    r.fit({ catalog: big, users: [] }, createRng(1));
    const user = makeUser('learner', []);
    const rng = createRng(5);
    const ufcShare: number[] = [];
    for (let session = 0; session < 4; session++) {
      const shown: string[] = [];
      for (let turn = 0; turn < 3; turn++) {
        const obs: Observation = observe(user, shown.slice(), turn, []);
        const slate = await r.recommend(obs, 10, rng);
        ufcShare.push(slate.itemIds.filter((id) => topic.get(id)!.topic === 'ufc').length / 10);
        const decisions = slate.itemIds.map((id, p) => {
          const it = topic.get(id)!;
          return it.topic === 'ufc' ? decision(id, p, ['watch', 'like'], it.durationSec) : decision(id, p, ['skip'], 0);
        });
        r.observe({ observation: obs, slate, decisions });
        shown.push(...slate.itemIds);
      }
    }
    expect(ufcShare[0]).toBeLessThan(0.5);
    const late = ufcShare.slice(-3);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(0.7);
    const w = r.topicWeights('learner');
    for (const t of TOPIC_IDS) if (t !== 'ufc') expect(w.ufc).toBeGreaterThan(w[t]);
  });

  it('fast scoring agrees with the direct UCB formula', async () => {
    const r = createLinUcb({ alpha: 0.7 });
    r.fit({ catalog, users: [] }, createRng(1));
    const user = makeUser('u', history(['hair-0', 'f1-1', 'ufc-2']), { ufc: 0.6, baking: 0.3 });
    const obs0 = observe(user);
    const slate = await r.recommend(obs0, 10, createRng(1));
    r.observe({
      observation: obs0,
      slate,
      decisions: slate.itemIds.map((id, p) => decision(id, p, p < 4 ? ['watch', 'like'] : ['skip'], p < 4 ? 30 : 0)),
    });
    const obs1 = observe(user, slate.itemIds, 1);
    const fast = (await r.recommend(obs1, 10, createRng(1))).itemIds;
    const seen = new Set([...slate.itemIds, ...user.history.map((h) => h.itemId)]);
    const direct = catalog.items
      .filter((it) => !seen.has(it.id))
      .map((it, i) => {
        const u = r.ucb(obs1, it.id);
        return { id: it.id, s: u.mean + u.bonus, i };
      })
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, 10)
      .map((x) => x.id);
    expect(fast).toEqual(direct);
  });

  it('keeps one model per user', async () => {
    const r = createLinUcb();
    r.fit({ catalog, users: [] }, createRng(1));
    const a = makeUser('a', history(['hair-0', 'hair-1', 'hair-2']));
    const b = makeUser('b', history(['f1-0', 'f1-1', 'f1-2']));
    const outA = (await r.recommend(observe(a), 10, createRng(1))).itemIds;
    const outB = (await r.recommend(observe(b), 10, createRng(1))).itemIds;
    expect(share(outA, 'hair')).toBeGreaterThan(share(outA, 'f1'));
    expect(share(outB, 'f1')).toBeGreaterThan(share(outB, 'hair'));
  });
});
