import { describe, expect, it } from 'vitest';
import { baseRecommenderName, fitRng } from '../../../src/core/env/fit-rng';
import { createRng } from '../../../src/core/rng';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { makeCatalog, observe, topicUsers } from '../recommenders/fixtures';

const draws = (r: { next(): number }, n = 8) => Array.from({ length: n }, () => r.next());

describe('fitRng', () => {
  it('is one stream per (seed, base recommender): "+follow" trains exactly what the base trains', () => {
    expect(baseRecommenderName('mf-bpr+follow')).toBe('mf-bpr');
    expect(baseRecommenderName('mf-bpr')).toBe('mf-bpr');
    expect(draws(fitRng(7, 'mf-bpr'))).toEqual(draws(fitRng(7, 'mf-bpr')));
    expect(draws(fitRng(7, 'mf-bpr+follow'))).toEqual(draws(fitRng(7, 'mf-bpr')));
    expect(draws(fitRng(7, 'mf-bpr'))).not.toEqual(draws(fitRng(8, 'mf-bpr')));
    expect(draws(fitRng(7, 'mf-bpr'))).not.toEqual(draws(fitRng(7, 'item-knn')));
    // The drift issue 9 reported: the Live view used this other stream.
    expect(draws(fitRng(7, 'mf-bpr'))).not.toEqual(draws(createRng(7).fork('fit')));
  });

  it('fixes what a seeded recommender learns (mf-bpr first list)', async () => {
    const catalog = makeCatalog(12);
    const users = topicUsers(catalog, 3);
    const first = async (rng: ReturnType<typeof fitRng>) => {
      const rec = createRecommender('mf-bpr', { epochs: 3, minSteps: 2000, maxSteps: 4000 });
      rec.fit!({ catalog, users }, rng);
      return (await rec.recommend(observe(users[0]), 5, createRng(1))).itemIds;
    };
    expect(await first(fitRng(7, 'mf-bpr'))).toEqual(await first(fitRng(7, 'mf-bpr+follow')));
    expect(await first(fitRng(7, 'mf-bpr'))).not.toEqual(await first(fitRng(9, 'mf-bpr')));
  });
});
