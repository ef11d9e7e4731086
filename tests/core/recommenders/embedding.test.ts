import { describe, expect, it } from 'vitest';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { EmbeddingRecommender } from '../../../src/core/recommenders/embedding';
import { fitOfflineEmbedding } from '../../../src/core/embed/offline';
import { cosine, row } from '../../../src/core/embed/vectors';
import { createRng } from '../../../src/core/rng';
import type { Slate } from '../../../src/core/types';
import { history, makeCatalog, makeUser, observe, topicUsers } from './fixtures';

const catalog = makeCatalog();
const users = topicUsers(catalog, 10);
const topicOf = (id: string) => catalog.items.find((i) => i.id === id)!.topic;

function fitted(options?: Record<string, unknown>): EmbeddingRecommender {
  const r = new EmbeddingRecommender(options);
  r.fit({ catalog, users }, createRng(1));
  return r;
}

describe('embedding recommender', () => {
  const fan = makeUser('fan', history(['baking-0', 'baking-1', 'baking-2', 'baking-3']));

  it('recommends what is close to the engaged items', async () => {
    const slate = (await fitted().recommend(observe(fan), 8, createRng(2))) as Slate;
    expect(slate.itemIds.filter((id) => topicOf(id) === 'baking').length).toBeGreaterThanOrEqual(6);
  });

  it('MMR (lambda < 1) makes the list less redundant than pure similarity', async () => {
    const pure = fitted({ lambda: 1 });
    const mmr = fitted({ lambda: 0.3 });
    const v = pure.itemVectors!;
    const pos = new Map(v.ids.map((id, i) => [id, i]));
    const meanPairSim = (ids: string[]) => {
      let s = 0, n = 0;
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) {
        s += cosine(row(v.data, v.dim, pos.get(ids[a])!), row(v.data, v.dim, pos.get(ids[b])!));
        n++;
      }
      return s / n;
    };
    const a = ((await pure.recommend(observe(fan), 8, createRng(2))) as Slate).itemIds;
    const b = ((await mmr.recommend(observe(fan), 8, createRng(2))) as Slate).itemIds;
    expect(meanPairSim(b)).toBeLessThan(meanPairSim(a) - 0.05);
  });

  it('uses given vectors (e.g. from Transformers.js or an import) in any order', async () => {
    const emb = fitOfflineEmbedding(catalog, createRng(77), { dim: 8 });
    // Reverse the rows: the recommender must realign them to the catalog.
    const n = emb.vectors.ids.length;
    const data = new Float32Array(n * 8);
    for (let i = 0; i < n; i++) data.set(row(emb.vectors.data, 8, n - 1 - i), i * 8);
    const rec = fitted({ vectors: { ...emb.vectors, model: 'given', ids: [...emb.vectors.ids].reverse(), data } });
    expect(rec.itemVectors!.model).toBe('given');
    expect(rec.itemVectors!.dim).toBe(8);
    const slate = (await rec.recommend(observe(fan), 6, createRng(2))) as Slate;
    expect(slate.itemIds.filter((id) => topicOf(id) === 'baking').length).toBeGreaterThanOrEqual(4);
    expect(() => fitted({ vectors: { ...emb.vectors, ids: emb.vectors.ids.slice(1), data: emb.vectors.data.subarray(8) } })).toThrow(/lack 1 of the catalog/);
  });

  it('wraps with +follow: "less baking, more f1" is obeyed', async () => {
    const rec = createRecommender('embedding+follow');
    rec.fit?.({ catalog, users }, createRng(1));
    const slate = (await rec.recommend({ ...observe(fan), instruction: 'Less baking, more f1' }, 6, createRng(3))) as Slate;
    const topics = slate.itemIds.map(topicOf);
    expect(topics).not.toContain('baking');
    expect(topics.filter((t) => t === 'f1').length).toBeGreaterThanOrEqual(3);
  });
});
