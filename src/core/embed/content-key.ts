/**
 * The key item vectors are cached under: the catalog id plus a content hash of what the
 * embedders read (each item's id, its embedding text, topic and creator, in catalog order).
 * Keyed by the catalog id alone, a catalog re-imported with the same ids but other titles or
 * descriptions got its old vectors back.
 */
import type { Catalog } from '../types';
import { itemText } from './item-text';

const memo = new WeakMap<Catalog, string>();

/**
 * 64-bit content hash (two FNV-1a 32-bit streams with different offset bases), hex. Fast and
 * not cryptographic: it tells versions of a catalog apart, it guards nothing.
 */
export function contentHash(parts: Iterable<string>): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  const eat = (c: number): void => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  };
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) eat(s.charCodeAt(i));
    // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
    eat(0x1f);
    eat(0);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
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
