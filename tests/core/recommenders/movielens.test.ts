/**
 * Optional check on the real ml-latest-small data: runs only when the dataset is present
 * (../shared/datasets/ml-latest-small) and the MovieLens importer exists.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommenders } from '../../../src/core/recommenders/registry';
import { createRng } from '../../../src/core/rng';
import type { Catalog, UserProfile } from '../../../src/core/types';
import { observe } from './fixtures';

const DIR = new URL('../../../../shared/datasets/ml-latest-small/', import.meta.url).pathname;
const present = existsSync(`${DIR}ratings.csv`) && existsSync(new URL('../../../src/core/catalog/movielens.ts', import.meta.url).pathname);

async function load(): Promise<{ catalog: Catalog; users: UserProfile[] }> {
  const { importMovieLens } = await import('../../../src/core/catalog/movielens');
  const { readDatasetFolder } = await import('../../../src/cli/read-dataset');
  return importMovieLens(await readDatasetFolder(DIR));
}

describe.skipIf(!present)('recommenders on ml-latest-small (optional)', () => {
  it('collaborative recommenders recall held-out liked movies far better than random', async () => {
    const { catalog, users } = await load();
    const evalUsers = users.filter((u) => (u.heldOut ?? []).some((h) => (h.rating ?? 0) >= 4)).slice(0, 150);
    const recall: Record<string, number> = {};
    for (const name of ['random', 'popular', 'item-knn', 'mf-bpr']) {
      const r = recommenders.get(name).create();
      r.fit?.({ catalog, users }, createRng(1));
      let hits = 0;
      let total = 0;
      const rng = createRng(2);
      for (const u of evalUsers) {
        const liked = new Set(u.heldOut!.filter((h) => (h.rating ?? 0) >= 4).map((h) => h.itemId));
        const seen = new Set(u.history.map((h) => h.itemId));
        const out = (await r.recommend(observe(u), 20, rng)).itemIds;
        expect(out).toHaveLength(20);
        for (const id of out) expect(seen.has(id)).toBe(false);
        hits += out.filter((id) => liked.has(id)).length;
        total += Math.min(20, liked.size);
      }
      recall[name] = hits / total;
    }
    expect(recall['item-knn']).toBeGreaterThan(0.05);
    expect(recall['mf-bpr']).toBeGreaterThan(0.05);
    expect(recall['item-knn']).toBeGreaterThan(5 * recall.random);
    expect(recall['mf-bpr']).toBeGreaterThan(5 * recall.random);
  });
});
