/**
 * Grow a catalog to n items for benchmarks: the original items first (ids unchanged,
 * so training histories still resolve), then variants of them with new ids
 * (`<id>~<copy>`), jittered engagement (log-normal factor), publish time (up to two
 * weeks earlier, never after `catalog.now`), duration and quality. Titles and tags are
 * kept, so content features stay realistic. With n below the catalog size, the first
 * n items are kept.
 */
import { normal } from '../rng';
import type { Catalog, Item, Rng } from '../types';

const DAY_MS = 86_400_000;

export function scaleCatalog(catalog: Catalog, n: number, rng: Rng): Catalog {
  const base = catalog.items;
  const target = Math.max(0, Math.floor(n));
  if (base.length === 0 || target <= base.length) return { ...catalog, items: base.slice(0, target) };
  const ids = new Set(base.map((it) => it.id));
  const items: Item[] = base.slice();
  for (let copy = 1; items.length < target; copy++) {
    for (let b = 0; b < base.length && items.length < target; b++) {
      const src = base[b];
      let id = `${src.id}~${copy}`;
      while (ids.has(id)) id += '~';
      ids.add(id);
      const f = Math.exp(normal(rng, 0, 0.6));
      const published = Math.min(catalog.now, src.publishedAt - rng.next() * 14 * DAY_MS);
      items.push({
        ...src,
        id,
        tags: src.tags.slice(),
        likes: Math.round(src.likes * f),
        shares: Math.round(src.shares * f * (0.7 + 0.6 * rng.next())),
        comments: Math.round(src.comments * f * (0.7 + 0.6 * rng.next())),
        publishedAt: Math.round(published),
        durationSec: Math.max(1, Math.round(src.durationSec * (0.7 + 0.6 * rng.next()))),
        quality: Math.min(1, Math.max(0, src.quality + normal(rng, 0, 0.08))),
      });
    }
  }
  return { ...catalog, id: `${catalog.id}-x${target}`, items };
}
