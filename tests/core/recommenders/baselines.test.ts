import { describe, expect, it } from 'vitest';
import { engagementCount } from '../../../src/core/catalog/catalog-index';
import { createPopular } from '../../../src/core/recommenders/popular';
import { createRandom } from '../../../src/core/recommenders/random';
import { createTrending } from '../../../src/core/recommenders/trending';
import { createRng } from '../../../src/core/rng';
import { DAY, NOW, history, makeCatalog, makeUser, observe } from './fixtures';

const catalog = makeCatalog();
const byId = new Map(catalog.items.map((i) => [i.id, i]));
const nobody = makeUser('nobody', []);

describe('popular', () => {
  it('ranks by engagement when there are no training interactions', async () => {
    const r = createPopular();
    r.fit({ catalog, users: [] }, createRng(1));
    const out = (await r.recommend(observe(nobody), 15, createRng(1))).itemIds;
    const expected = catalog.items
      .slice()
      .sort((a, b) => engagementCount(b) - engagementCount(a))
      .slice(0, 15)
      .map((i) => i.id);
    expect(out).toEqual(expected);
  });

  it('blends in what training users engaged with', async () => {
    const coldest = catalog.items.slice().sort((a, b) => engagementCount(a) - engagementCount(b))[0];
    const fans = Array.from({ length: 30 }, (_, i) => makeUser(`fan-${i}`, history([coldest.id])));
    const plain = createPopular();
    plain.fit({ catalog, users: [] }, createRng(1));
    const blended = createPopular({ interactionWeight: 0.8 });
    blended.fit({ catalog, users: fans }, createRng(1));
    expect((await plain.recommend(observe(nobody), 10, createRng(1))).itemIds).not.toContain(coldest.id);
    expect((await blended.recommend(observe(nobody), 10, createRng(1))).itemIds[0]).toBe(coldest.id);
  });
});

describe('trending', () => {
  it('prefers recent items over older ones with similar engagement', async () => {
    const items = catalog.items.map((it, i) => ({ ...it, likes: 1000, shares: 10, comments: 10, publishedAt: NOW - (i % 20) * DAY }));
    const r = createTrending();
    r.fit({ catalog: { ...catalog, items }, users: [] }, createRng(1));
    const out = (await r.recommend(observe(nobody), 10, createRng(1))).itemIds;
    const ages = out.map((id) => (NOW - items.find((i) => i.id === id)!.publishedAt) / DAY);
    expect(Math.max(...ages)).toBeLessThanOrEqual(1);
  });

  it('lets a fresh item beat an old hit, unlike popular', async () => {
    const t = createTrending({ halfLifeDays: 3 });
    const p = createPopular();
    t.fit({ catalog, users: [] }, createRng(1));
    p.fit({ catalog, users: [] }, createRng(1));
    const meanAge = (ids: string[]): number => ids.reduce((s, id) => s + (NOW - byId.get(id)!.publishedAt), 0) / ids.length / DAY;
    const tIds = (await t.recommend(observe(nobody), 10, createRng(1))).itemIds;
    const pIds = (await p.recommend(observe(nobody), 10, createRng(1))).itemIds;
    expect(meanAge(tIds)).toBeLessThan(meanAge(pIds));
  });
});

describe('random', () => {
  it('draws different lists for different seeds and covers the catalog', async () => {
    const r = createRandom();
    r.fit({ catalog, users: [] }, createRng(1));
    const a = (await r.recommend(observe(nobody), 10, createRng(1))).itemIds;
    const b = (await r.recommend(observe(nobody), 10, createRng(2))).itemIds;
    expect(a).not.toEqual(b);
    const seen = new Set<string>();
    const rng = createRng(3);
    for (let i = 0; i < 100; i++) for (const id of (await r.recommend(observe(nobody), 10, rng)).itemIds) seen.add(id);
    expect(seen.size).toBeGreaterThan(90);
  });
});
