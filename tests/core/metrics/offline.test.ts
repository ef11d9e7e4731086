import { describe, expect, it } from 'vitest';
import {
  coverage,
  intraListDiversity,
  ndcgAtN,
  novelty,
  popularityFromUsers,
  recallAtN,
  topicTagSimilarity,
} from '../../../src/core/metrics/offline';
import type { Item, UserProfile } from '../../../src/core/types';

function item(id: string, topic: string, tags: string[]): Item {
  return {
    id, title: id, description: '', topic, subtopic: '', tags, creator: '', format: 'short_video',
    durationSec: 30, publishedAt: 0, locale: '', likes: 0, shares: 0, comments: 0, quality: 0.5,
  };
}

describe('Recall@N and NDCG@N', () => {
  it('Recall@N counts hits in the first N over all relevant items', () => {
    expect(recallAtN(['a', 'b', 'c', 'd'], new Set(['b', 'd', 'x']), 3)).toBeCloseTo(1 / 3, 12);
    expect(recallAtN(['a', 'b', 'c', 'd'], ['b', 'd', 'x'], 4)).toBeCloseTo(2 / 3, 12);
    expect(recallAtN(['a'], [], 5)).toBe(0);
  });
  it('NDCG@N with binary relevance (hand-computed)', () => {
    // DCG = 1/log2(3) + 1/log2(4) = 1.130930; IDCG = 1 + 1/log2(3) = 1.630930
    expect(ndcgAtN(['a', 'b', 'c'], ['b', 'c'], 3)).toBeCloseTo(1.13093 / 1.63093, 5);
    expect(ndcgAtN(['b', 'c', 'a'], ['b', 'c'], 3)).toBeCloseTo(1, 12);
    expect(ndcgAtN(['a', 'x'], ['b'], 2)).toBe(0);
  });
  it('NDCG@N with graded gains', () => {
    // ideal order b(3), a(1): IDCG = 3 + 1/log2(3); list a, b: DCG = 1 + 3/log2(3)
    const gains = new Map([['a', 1], ['b', 3]]);
    expect(ndcgAtN(['a', 'b'], gains, 2)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 12);
  });
});

describe('diversity, coverage, novelty', () => {
  const A = item('A', 'x', ['p', 'q']);
  const B = item('B', 'x', ['q', 'r']);
  const C = item('C', 'y', ['s']);
  it('similarity: half topic, half tag Jaccard', () => {
    expect(topicTagSimilarity(A, B)).toBeCloseTo(0.5 + 0.5 / 3, 12);
    expect(topicTagSimilarity(A, C)).toBe(0);
    expect(topicTagSimilarity(A, A)).toBe(1);
  });
  it('intra-list diversity = 1 - mean pairwise similarity', () => {
    // pairs: AB = 2/3, AC = 0, BC = 0 -> mean 2/9
    expect(intraListDiversity([A, B, C])).toBeCloseTo(1 - 2 / 9, 12);
    expect(intraListDiversity([A])).toBe(0);
  });
  it('coverage is the share of catalog items recommended at least once', () => {
    expect(coverage([['a', 'b'], ['b', 'c']], 10)).toBeCloseTo(0.3, 12);
  });
  it('popularity and novelty in bits', () => {
    const users = [{ history: [{ itemId: 'a' }, { itemId: 'a' }, { itemId: 'b' }] }, { history: [{ itemId: 'a' }] }] as unknown as UserProfile[];
    const pop = popularityFromUsers(users);
    expect(pop.get('a')).toBe(1);
    expect(pop.get('b')).toBe(0.5);
    const p = new Map([['a', 0.5], ['b', 0.25]]);
    expect(novelty(['a', 'b'], p)).toBeCloseTo(1.5, 12);
    // unknown item: half the smallest popularity (0.125) -> 3 bits
    expect(novelty(['a', 'b', 'c'], p)).toBeCloseTo(2, 12);
    expect(novelty(['c'], p, 0.5)).toBeCloseTo(1, 12);
  });
});
