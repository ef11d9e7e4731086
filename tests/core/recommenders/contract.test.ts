import { describe, expect, it } from 'vitest';
import { recommenders } from '../../../src/core/recommenders/registry';
import { createRng } from '../../../src/core/rng';
import type { Recommender } from '../../../src/core/types';
import { decision, history, makeCatalog, makeUser, observe, topicUsers } from './fixtures';

const NAMES = ['random', 'popular', 'trending', 'content', 'item-knn', 'mf-bpr', 'linucb', 'embedding', 'rl-policy'];
const catalog = makeCatalog();
const ids = new Set(catalog.items.map((i) => i.id));
const users = topicUsers(catalog, 20);
const maya = makeUser('maya', history(['fishing-0', 'fishing-1', 'ufc-2', 'ufc-3']), { fishing: 0.9, ufc: 0.7 });

function fitted(name: string, seed = 1): Recommender {
  const r = recommenders.get(name).create();
  r.fit?.({ catalog, users }, createRng(seed));
  return r;
}

async function ids10(r: Recommender, seed: number, shown: string[] = []): Promise<string[]> {
  return (await r.recommend(observe(maya, shown), 10, createRng(seed))).itemIds;
}

describe('recommender registry', () => {
  it('has exactly the agreed names, with labels and descriptions', () => {
    expect(recommenders.names()).toEqual(NAMES);
    for (const e of recommenders.list()) {
      expect(e.label.length).toBeGreaterThan(2);
      expect(e.description).toMatch(/\w+.*\.$/);
      const r = e.create();
      expect(r.name).toBe(e.name);
      expect(r.followsInstructions).toBe(false);
    }
  });
});

describe.each(NAMES)('%s', (name) => {
  it('refuses to recommend before fit', () => {
    const r = recommenders.get(name).create();
    expect(() => r.recommend(observe(maya), 5, createRng(1))).toThrow(/fit/);
  });

  it('returns k unique, valid ids, none from the history or shown', async () => {
    const shown = ['fishing-5', 'ufc-7', 'hair-1', 'f1-3', 'baking-9'];
    const out = await ids10(fitted(name), 3, shown);
    expect(out).toHaveLength(10);
    expect(new Set(out).size).toBe(10);
    const seen = new Set([...shown, ...maya.history.map((h) => h.itemId)]);
    for (const id of out) {
      expect(ids.has(id)).toBe(true);
      expect(seen.has(id)).toBe(false);
    }
  });

  it('is deterministic for the same seed', async () => {
    expect(await ids10(fitted(name, 5), 9)).toEqual(await ids10(fitted(name, 5), 9));
  });

  it('ignores the instruction', async () => {
    const a = fitted(name, 2);
    const b = fitted(name, 2);
    const plain = (await a.recommend(observe(maya), 10, createRng(4))).itemIds;
    const told = (await b.recommend({ ...observe(maya), instruction: 'show me more baking' }, 10, createRng(4))).itemIds;
    expect(told).toEqual(plain);
  });

  it('never repeats a shown id over a session, and runs out only when the catalog does', async () => {
    const r = fitted(name, 11);
    const shown: string[] = [];
    let hist = maya.history.slice();
    const rng = createRng(12);
    // 100 items, 4 in the history: 10 full turns draw everything; the history items come last.
    for (let turn = 0; turn < 11; turn++) {
      const obs = observe(maya, shown.slice(), turn, hist);
      const slate = await r.recommend(obs, 10, rng);
      const expected = Math.min(10, catalog.items.length - shown.length);
      expect(slate.itemIds).toHaveLength(expected);
      for (const id of slate.itemIds) expect(shown).not.toContain(id);
      if (turn < 9) for (const id of slate.itemIds) expect(maya.history.map((h) => h.itemId)).not.toContain(id);
      const decisions = slate.itemIds.map((id, p) => decision(id, p, p % 2 ? ['skip'] : ['watch'], p % 2 ? 0 : 10));
      r.observe?.({ observation: obs, slate, decisions });
      hist = [...hist, ...decisions.map((d, i) => ({ itemId: d.itemId, action: d.actions[0], at: 1e13 + turn * 100 + i, watchSec: d.watchSec }))];
      shown.push(...slate.itemIds);
    }
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toHaveLength(catalog.items.length);
  });

  it('copes with an empty catalog and a one-item catalog', async () => {
    const empty = recommenders.get(name).create();
    empty.fit?.({ catalog: { ...catalog, items: [] }, users }, createRng(1));
    expect((await empty.recommend(observe(maya), 5, createRng(1))).itemIds).toEqual([]);
    const one = recommenders.get(name).create();
    one.fit?.({ catalog: { ...catalog, items: [catalog.items[0]] }, users: [] }, createRng(1));
    expect((await one.recommend(observe(maya), 5, createRng(1))).itemIds).toEqual([catalog.items[0].id]);
  });

  it('returns an empty slate for k = 0', async () => {
    expect((await fitted(name).recommend(observe(maya), 0, createRng(1))).itemIds).toEqual([]);
  });
});
