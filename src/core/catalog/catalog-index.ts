/**
 * Lookup structures over a catalog, built once and shared by the simulator, the
 * recommenders and the planner. Items keep their catalog order everywhere, so
 * iteration is deterministic.
 */
import type { Catalog, Item } from '../types';

export interface CatalogIndex {
  catalog: Catalog;
  /** Item id -> item. */
  byId: Map<string, Item>;
  /** Item id -> position in `catalog.items` (dense integer ids for arrays and matrices). */
  position: Map<string, number>;
  /** Topic id -> items of that topic, in catalog order. */
  byTopic: Map<string, Item[]>;
  /** Creator id -> items. */
  byCreator: Map<string, Item[]>;
  /** Tag -> items. */
  byTag: Map<string, Item[]>;
  /** Topic ids in catalog order of first appearance. */
  topicIds: string[];
  /** Topic id -> related topic ids (from `catalog.topics`). */
  related: Map<string, string[]>;
  /** Item id -> popularity in [0, 1] (log-scaled engagement, normalised to the catalog max). */
  popularity: Map<string, number>;
}

function push<K>(map: Map<K, Item[]>, key: K, item: Item): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Raw engagement of an item: likes plus heavier weights for shares and comments. */
export function engagementCount(item: Item): number {
  return item.likes + 3 * item.shares + 2 * item.comments;
}

/** Build the index. O(items x tags). */
export function buildCatalogIndex(catalog: Catalog): CatalogIndex {
  const byId = new Map<string, Item>();
  const position = new Map<string, number>();
  const byTopic = new Map<string, Item[]>();
  const byCreator = new Map<string, Item[]>();
  const byTag = new Map<string, Item[]>();
  const topicIds: string[] = [];
  let maxLog = 0;
  catalog.items.forEach((item, i) => {
    if (byId.has(item.id)) throw new Error(`Catalog "${catalog.id}" has a duplicate item id "${item.id}"`);
    byId.set(item.id, item);
    position.set(item.id, i);
    if (!byTopic.has(item.topic)) topicIds.push(item.topic);
    push(byTopic, item.topic, item);
    if (item.creator) push(byCreator, item.creator, item);
    for (const tag of item.tags) push(byTag, tag, item);
    maxLog = Math.max(maxLog, Math.log1p(engagementCount(item)));
  });
  const popularity = new Map<string, number>();
  for (const item of catalog.items) {
    popularity.set(item.id, maxLog > 0 ? Math.log1p(engagementCount(item)) / maxLog : 0);
  }
  const related = new Map<string, string[]>();
  for (const t of catalog.topics) related.set(t.id, t.related);
  return { catalog, byId, position, byTopic, byCreator, byTag, topicIds, related, popularity };
}
