/**
 * The key item vectors are cached under: the catalog id plus a content hash of what the
 * embedders read (each item's id, its embedding text, topic and creator, in catalog order).
 * Keyed by the catalog id alone, a catalog re-imported with the same ids but other titles or
 * descriptions got its old vectors back.
 */
import type { Catalog } from '../types';
import { itemText } from './item-text';
import { Hash64 } from '../hash64';

const memo = new WeakMap<Catalog, string>();

/** A 64-bit hash (`Hash64`) of `parts`, in order: 16 hex digits. */
export function contentHash(parts: Iterable<string>): string {
  const h = new Hash64();
  for (const s of parts) h.str(s);
  return h.hex();
}

/** `<catalog id>#<content hash>`: the vector cache's key for this catalog (memoised per catalog object). */
export function vectorCacheKey(catalog: Catalog): string {
  const hit = memo.get(catalog);
  if (hit !== undefined) return hit;
  const topics = new Map(catalog.topics.map((t) => [t.id, t]));
  function* parts(): Generator<string> {
    for (const it of catalog.items) {
      yield it.id;
      yield itemText(it, topics);
      yield it.topic;
      yield it.creator ?? '';
    }
  }
  const key = `${catalog.id}#${contentHash(parts())}`;
  memo.set(catalog, key);
  return key;
}
