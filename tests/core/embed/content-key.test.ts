/**
 * The Items view's vector cache key: the catalog id plus a content hash of what the
 * embedders read. Keyed by the id alone, a catalog re-imported with the same ids but other
 * texts got its old vectors back.
 */
import { describe, expect, it } from 'vitest';
import { contentHash, vectorCacheKey } from '../../../src/core/embed/content-key';
import type { Catalog, Item } from '../../../src/core/types';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { movieWorldCsv } from '../simulator/movie-fixture';

const base: Catalog = importMovieLens(movieWorldCsv({ users: 5, movies: 12, seed: 3 })).catalog;
const withItem = (c: Catalog, i: number, patch: Partial<Item>): Catalog => ({ ...c, items: c.items.map((it, k) => (k === i ? { ...it, ...patch } : it)) });

describe('vectorCacheKey', () => {
  it('is the catalog id plus a 64-bit hex hash, the same for the same content (another object too)', () => {
    const k = vectorCacheKey(base);
    expect(k).toMatch(new RegExp(`^${base.id}#[0-9a-f]{16}$`));
    expect(vectorCacheKey(structuredClone(base))).toBe(k);
  });

  it('changes with any text an embedder reads, the same ids kept', () => {
    const k = vectorCacheKey(base);
    const it0 = base.items[0];
    const changed = [
      withItem(base, 0, { title: `${it0.title}!` }),
      withItem(base, 5, { description: `${base.items[5].description} more` }),
      withItem(base, 3, { tags: [...base.items[3].tags, 'new-tag'] }),
      withItem(base, 2, { creator: 'someone-else' }),
      withItem(base, 1, { subtopic: 'other-sub' }),
      { ...base, topics: base.topics.map((t) => (t.id === it0.topic ? { ...t, label: `${t.label} (renamed)` } : t)) },
      { ...base, items: [base.items[1], base.items[0], ...base.items.slice(2)] },
      { ...base, items: base.items.slice(1) },
    ];
    const keys = changed.map(vectorCacheKey);
    for (const c of keys) expect(c.startsWith(`${base.id}#`)).toBe(true);
    expect(new Set([k, ...keys]).size).toBe(1 + keys.length);
  });

  it('separates fields: moving text between them changes the hash', () => {
    expect(contentHash(['ab', 'c'])).not.toBe(contentHash(['a', 'bc']));
    expect(contentHash(['abc'])).not.toBe(contentHash(['ab', 'c']));
    expect(contentHash([])).toMatch(/^[0-9a-f]{16}$/);
  });
});
