import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, BUILTIN_CATALOGS } from '../../../src/core/catalog/builtin';
import { CatalogSchema } from '../../../src/core/catalog/validate';
import { isBayArea } from '../../../src/core/users/context';
import type { Catalog } from '../../../src/core/types';

const catalog: Catalog = await loadBuiltinCatalog('shortvideo');
const DAY = 86_400_000;

describe('built-in short-video catalog', () => {
  it('matches the strict schema', () => {
    const r = CatalogSchema.safeParse(catalog);
    expect(r.success ? [] : r.error.issues.slice(0, 3)).toEqual([]);
  });

  it('has enough items, clusters and creators', () => {
    expect(catalog.items.length).toBeGreaterThanOrEqual(600);
    expect(catalog.topics.length).toBeGreaterThanOrEqual(30);
    expect(catalog.creators.length).toBeGreaterThanOrEqual(120);
    expect(new Set(catalog.items.map((i) => i.topic)).size).toBe(catalog.topics.length);
    expect(new Set(catalog.items.map((i) => i.creator)).size).toBeGreaterThanOrEqual(120);
    expect(catalog.now).toBe(Date.UTC(2025, 8, 15, 12));
  });

  it('covers the paper scenario topics and the required clusters', () => {
    const ids = new Set(catalog.topics.map((t) => t.id));
    for (const t of ['fishing', 'ufc', 'bjj', 'boxing', 'hairstyling', 'f1', 'cooking', 'travel', 'tech', 'gaming', 'fitness', 'music',
      'comedy', 'pets', 'diy', 'gardening', 'finance', 'skincare', 'basketball', 'soccer', 'hiking', 'photography', 'cars', 'anime',
      'science', 'history', 'dance', 'baking', 'camping', 'surfing', 'coffee', 'local-news']) {
      expect(ids, t).toContain(t);
    }
    const fishingSubs = new Set(catalog.items.filter((i) => i.topic === 'fishing').map((i) => i.subtopic));
    for (const s of ['lobster', 'deep-sea', 'fly']) expect(fishingSubs).toContain(s);
    const related = new Map(catalog.topics.map((t) => [t.id, t.related]));
    expect(related.get('ufc')).toEqual(expect.arrayContaining(['bjj', 'boxing', 'mma-training']));
    expect(related.get('fishing')).toEqual(expect.arrayContaining(['boating', 'seafood-cooking']));
    expect(related.get('hairstyling')).toEqual(expect.arrayContaining(['makeup', 'fashion']));
    for (const t of catalog.topics) {
      expect(t.label.length).toBeGreaterThan(0);
      for (const r of t.related) expect(ids, `${t.id} -> ${r}`).toContain(r);
      expect(t.related).not.toContain(t.id);
    }
  });

  it('fills every field of every item with a plausible value', () => {
    const creators = new Set(catalog.creators.map((c) => c.id));
    const topics = new Set(catalog.topics.map((t) => t.id));
    const ids = new Set<string>();
    for (const it of catalog.items) {
      expect(ids.has(it.id), it.id).toBe(false);
      ids.add(it.id);
      expect(it.title.trim().length, it.id).toBeGreaterThan(10);
      expect(it.title, it.id).not.toMatch(/item\s*\d+|\{|\}|undefined/i);
      expect(it.description, it.id).toMatch(/^[A-Z0-9].*[.!?]$/);
      expect(it.description, it.id).not.toMatch(/\{|\}|undefined/);
      expect(topics.has(it.topic), it.id).toBe(true);
      expect(it.subtopic.length, it.id).toBeGreaterThan(0);
      expect(it.tags.length, it.id).toBeGreaterThanOrEqual(2);
      for (const tag of it.tags) expect(tag, it.id).toMatch(/^[a-z0-9]+$/);
      expect(creators.has(it.creator), it.id).toBe(true);
      expect(it.locale, it.id).toMatch(/^[^,]+(, .+)?$/);
      expect(it.publishedAt, it.id).toBeLessThan(catalog.now);
      expect(it.publishedAt, it.id).toBeGreaterThanOrEqual(catalog.now - 30 * DAY);
      expect(it.quality).toBeGreaterThanOrEqual(0);
      expect(it.quality).toBeLessThanOrEqual(1);
      for (const n of [it.likes, it.shares, it.comments]) expect(Number.isInteger(n) && n >= 0, it.id).toBe(true);
      const [lo, hi] = { short_video: [5, 300], text_post: [10, 200], image: [3, 60], friend_suggestion: [2, 15], movie: [0, 0] }[it.format];
      expect(it.durationSec, `${it.id} ${it.format}`).toBeGreaterThanOrEqual(lo);
      expect(it.durationSec, `${it.id} ${it.format}`).toBeLessThanOrEqual(hi);
    }
  });

  it('mixes formats, mostly short videos', () => {
    const counts: Record<string, number> = {};
    for (const it of catalog.items) counts[it.format] = (counts[it.format] ?? 0) + 1;
    expect(counts.short_video / catalog.items.length).toBeGreaterThan(0.5);
    for (const f of ['text_post', 'image', 'friend_suggestion']) expect(counts[f], f).toBeGreaterThan(10);
  });

  it('has unique, varied titles', () => {
    const titles = catalog.items.map((i) => i.title);
    expect(new Set(titles).size).toBe(titles.length);
    // Variety: the titles are not one template with a number swapped.
    const skeletons = new Set(titles.map((t) => t.replace(/\d+/g, '#').replace(/^(Thread|Notes|Photo dump|Carousel): /, '')));
    expect(skeletons.size).toBeGreaterThan(titles.length * 0.6);
  });

  it('represents the San Francisco Bay Area well, with other places too', () => {
    const bay = catalog.items.filter((i) => isBayArea(i.locale));
    expect(bay.length / catalog.items.length).toBeGreaterThan(0.25);
    const bayCities = new Set(bay.map((i) => i.locale));
    for (const c of ['San Francisco, CA', 'Oakland, CA', 'Berkeley, CA', 'San Jose, CA']) expect(bayCities).toContain(c);
    expect(new Set(catalog.items.map((i) => i.locale)).size).toBeGreaterThan(20);
  });

  it('has heavy-tailed engagement', () => {
    const likes = catalog.items.map((i) => i.likes).sort((a, b) => a - b);
    const median = likes[Math.floor(likes.length / 2)];
    expect(likes[likes.length - 1]).toBeGreaterThan(20 * median);
    const top = likes.slice(Math.floor(likes.length * 0.9)).reduce((a, b) => a + b, 0);
    const total = likes.reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.4);
  });

  it('lists the catalog in BUILTIN_CATALOGS and returns a fresh copy on each load', async () => {
    expect(BUILTIN_CATALOGS.map((c) => c.id)).toContain('shortvideo');
    const again = await loadBuiltinCatalog();
    again.items[0].title = 'changed';
    expect((await loadBuiltinCatalog()).items[0].title).not.toBe('changed');
    await expect(loadBuiltinCatalog('nope')).rejects.toThrow(/nope/);
  });
});
