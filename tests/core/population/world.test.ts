import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { recommenders } from '../../../src/core/recommenders/registry';
import { resolveParams } from '../../../src/core/simulator/rule-params';
import { buildPopulation } from '../../../src/core/population/users';
import { generateGraph, FAMILY, CLASSMATE, FRIEND, FOLLOW, degree } from '../../../src/core/population/graph';
import { buildWorldItems, NEW_CREATOR } from '../../../src/core/population/world-items';
import { buildOonPools } from '../../../src/core/population/oon';
import { advance, initialWorld, type WeekSetup } from '../../../src/core/population/week';
import { EV_EXPOSURE, EV_SHARE, EV_VIEW, type WorldState } from '../../../src/core/population/world';
import { builtin } from './helpers';

async function ruleSetup(n: number, seed: number): Promise<WeekSetup> {
  const { catalog, personas } = await builtin();
  const items = buildWorldItems(catalog, [{ title: 'Sunrise lobster run', topic: 'fishing', format: 'short_video', durationSec: 35 }]);
  const rng = createRng(seed);
  const pop = buildPopulation({ n, bases: personas, topicIds: items.topicIds }, rng);
  const you = items.creatorIds.indexOf(NEW_CREATOR);
  const extra = Array.from({ length: 40 }, (_, k) => ({ a: k * 3, b: you, kind: FOLLOW }));
  const graph = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight, extraCreatorFollows: extra }, rng);
  const rec = recommenders.get('popular').create();
  rec.fit?.({ catalog, users: personas }, rng.fork('fit'));
  const oon = await buildOonPools(rec, personas, items, 3, 60, rng.fork('oon'));
  return { pop, graph, items, response: { kind: 'rule', params: resolveParams() }, oon, focusCreator: you, posts: [{ item: items.n - 1, publishMin: 60, audience: 'followers' }] };
}

const arrays = (w: WorldState) => [w.exposures, w.views, w.likes, w.comments, w.shares, w.newFollows, w.quality, w.seen, w.fatigue].map((a) => Array.from(a as ArrayLike<number>));

describe('a population week (rule-based users)', () => {
  it('is deterministic: same seed, same world; another seed, another world; the input world is not modified', async () => {
    const setup = await ruleSetup(300, 4);
    const w0 = initialWorld(setup);
    const before = arrays(w0);
    const a = advance(w0, setup, 36 * 60, createRng(9));
    const b = advance(w0, setup, 36 * 60, createRng(9));
    const c = advance(w0, setup, 36 * 60, createRng(10));
    expect(arrays(w0)).toEqual(before);
    expect(w0.clockMin).toBe(0);
    expect(a.clockMin).toBe(36 * 60);
    expect(arrays(a)).toEqual(arrays(b));
    expect(a.evCount).toBe(b.evCount);
    expect(arrays(c)).not.toEqual(arrays(a));
    // Advancing in two steps gives the same world as in one (each hour has its own stream).
    const half = advance(w0, setup, 12 * 60, createRng(9));
    expect(arrays(advance(half, setup, 36 * 60, createRng(9)))).toEqual(arrays(a));
  });

  it('conserves: views <= exposures, likes/comments/shares <= views, per item and per user of the post', async () => {
    const setup = await ruleSetup(400, 5);
    const w = advance(initialWorld(setup), setup, 48 * 60, createRng(2));
    expect(w.totalViews).toBeGreaterThan(0);
    let shares = 0;
    for (let i = 0; i < setup.items.n; i++) {
      expect(w.views[i]).toBeLessThanOrEqual(w.exposures[i]);
      expect(w.likes[i]).toBeLessThanOrEqual(w.views[i]);
      expect(w.comments[i]).toBeLessThanOrEqual(w.views[i]);
      expect(w.shares[i]).toBeLessThanOrEqual(w.views[i]);
      shares += w.shares[i];
    }
    expect(shares).toBeGreaterThan(0);
    // Each user is exposed to the post at most once (seen items are not shown again).
    const exposed = new Map<number, number>();
    const counts = [0, 0, 0, 0, 0];
    for (let e = 0; e < w.evCount; e++) {
      counts[w.evKind[e]]++;
      if (w.evKind[e] === EV_EXPOSURE) exposed.set(w.evUser[e], (exposed.get(w.evUser[e]) ?? 0) + 1);
    }
    expect(Math.max(...exposed.values())).toBe(1);
    expect(counts[EV_VIEW]).toBeLessThanOrEqual(counts[EV_EXPOSURE]);
    expect(counts[EV_SHARE]).toBeLessThanOrEqual(counts[EV_VIEW]);
    expect(counts[EV_VIEW]).toBe(w.views[setup.posts[0].item]);
  });

  it('conformity reads the live counters: a post with engagement already on it gets more views', async () => {
    const setup = await ruleSetup(400, 6);
    const w0 = initialWorld(setup);
    const boosted = initialWorld(setup);
    const post = setup.posts[0].item;
    boosted.likes[post] = 5000;
    boosted.shares[post] = 1000;
    let plain = 0;
    let herd = 0;
    for (let s = 0; s < 4; s++) {
      plain += advance(w0, setup, 24 * 60, createRng(s)).views[post];
      herd += advance(boosted, setup, 24 * 60, createRng(s)).views[post];
    }
    expect(herd).toBeGreaterThan(plain);
  });
});

describe('the generated graph', () => {
  it('has every tie kind, homophily by community and a heavy-tailed follower count', async () => {
    const { catalog, personas } = await builtin();
    const items = buildWorldItems(catalog);
    const rng = createRng(11);
    const pop = buildPopulation({ n: 2000, bases: personas, topicIds: items.topicIds }, rng);
    const g = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight }, rng);
    const kinds = new Set(Array.from(g.ties.kind));
    expect([...kinds].sort()).toEqual([FAMILY, CLASSMATE, FRIEND, FOLLOW]);
    let same = 0;
    let friends = 0;
    for (let u = 0; u < pop.n; u++) {
      for (let k = g.ties.offsets[u]; k < g.ties.offsets[u + 1]; k++) {
        if (g.ties.kind[k] !== FRIEND) continue;
        friends++;
        if (pop.community[g.ties.to[k]] === pop.community[u]) same++;
      }
    }
    // Share of same-community pairs if friends were random.
    const sizes = new Map<number, number>();
    for (let u = 0; u < pop.n; u++) sizes.set(pop.community[u], (sizes.get(pop.community[u]) ?? 0) + 1);
    let chance = 0;
    for (const s of sizes.values()) chance += (s / pop.n) ** 2;
    expect(same / friends).toBeGreaterThan(chance + 0.2);
    // Preferential attachment: the most-followed user has many times the mean reach.
    let max = 0;
    let sum = 0;
    for (let u = 0; u < pop.n; u++) {
      const d = degree(g.reach, u);
      sum += d;
      max = Math.max(max, d);
    }
    expect(max).toBeGreaterThan(8 * (sum / pop.n));
    // Catalog creators have followers.
    let followed = 0;
    for (let c = 0; c < g.creatorIds.length; c++) if (degree(g.creatorFollowers, c) > 0) followed++;
    expect(followed).toBeGreaterThan(g.creatorIds.length * 0.8);
  });
});
