/**
 * The items of a simulated world: the catalog's items (read, never modified) followed by the
 * posts being tested, as typed columns. Times are minutes relative to the start of the
 * simulated week, which is the catalog's "now" (catalog items have negative publish times).
 */
import type { Catalog, Item, ItemFormat } from '../types';
import { engagementCount } from '../catalog/catalog-index';
import { regionOfLocale } from './demographics';

/** A post under test: composed by a creator, or a catalog item posted anew. */
export interface PostDraft {
  title: string;
  topic: string;
  format: ItemFormat;
  durationSec: number;
  description?: string;
  /** [0, 1]; default 0.6 (a typical catalog item). */
  quality?: number;
  /** Where it is from ("Oakland, CA"); default "". */
  locale?: string;
  /** Creator id: a catalog creator, or a new one (default "you"). */
  creator?: string;
}

/** Id of the creator of a composed post when none is named. */
export const NEW_CREATOR = 'you';

export interface WorldItems {
  n: number;
  /** Items 0..catalogCount-1 are the catalog's, in catalog order. */
  catalogCount: number;
  ids: string[];
  titles: string[];
  topic: Int32Array;
  creator: Int32Array;
  durationSec: Float32Array;
  quality: Float32Array;
  /** Index into REGIONS; REGIONS.length - 1 ("Other") also for unknown. */
  region: Uint8Array;
  /** Minutes from the start of the week (negative: published before it). */
  publishedMin: Float64Array;
  /** 1 for movies (MovieLens catalogs): length and recency do not count against them, as in the rule-based simulator. */
  isMovie: Uint8Array;
  /** Engagement carried from the catalog (likes + 3 shares + 2 comments); 0 for posts. */
  baseEngagement: Float32Array;
  /** Normaliser of log engagement (the catalog's maximum), so popularity stays in [0, 1]. */
  maxLog: number;
  topicIds: string[];
  /** Symmetric related-topic lists by topic index. */
  related: Int32Array[];
  creatorIds: string[];
  /** Home topic of each creator (-1 when unknown). */
  creatorTopic: Int32Array;
  /** log1p of each creator's catalog engagement (a prior for who gets followers). */
  creatorWeight: Float64Array;
  /** Catalog items of each creator, newest first. */
  byCreator: Int32Array[];
}

/** Build the world's items from a catalog and the posts (posts get ids `post-1`, `post-2`, ...). */
export function buildWorldItems(catalog: Catalog, posts: readonly PostDraft[] = []): WorldItems {
  const topicIds: string[] = [];
  const topicIndex = new Map<string, number>();
  const topic = (id: string): number => {
    let t = topicIndex.get(id);
    if (t === undefined) {
      t = topicIds.length;
      topicIndex.set(id, t);
      topicIds.push(id);
    }
    return t;
  };
  for (const t of catalog.topics) topic(t.id);
  const creatorIds: string[] = [];
  const creatorIndex = new Map<string, number>();
  const creator = (id: string): number => {
    let c = creatorIndex.get(id);
    if (c === undefined) {
      c = creatorIds.length;
      creatorIndex.set(id, c);
      creatorIds.push(id);
    }
    return c;
  };
  for (const c of catalog.creators) creator(c.id);
  const all: (Item | PostDraft)[] = [...catalog.items, ...posts];
  const n = all.length;
  const w: WorldItems = {
    n,
    catalogCount: catalog.items.length,
    ids: [],
    titles: [],
    topic: new Int32Array(n),
    creator: new Int32Array(n),
    durationSec: new Float32Array(n),
    quality: new Float32Array(n),
    region: new Uint8Array(n),
    publishedMin: new Float64Array(n),
    isMovie: new Uint8Array(n),
    baseEngagement: new Float32Array(n),
    maxLog: 0,
    topicIds,
    related: [],
    creatorIds,
    creatorTopic: new Int32Array(0),
    creatorWeight: new Float64Array(0),
    byCreator: [],
  };
  let maxLog = 0;
  all.forEach((it, i) => {
    const isPost = i >= catalog.items.length;
    w.ids.push(isPost ? `post-${i - catalog.items.length + 1}` : (it as Item).id);
    w.titles.push(it.title);
    w.topic[i] = topic(it.topic);
    w.creator[i] = creator(it.creator || (isPost ? NEW_CREATOR : ''));
    w.durationSec[i] = Math.max(1, it.durationSec || 30);
    w.quality[i] = Number.isFinite(it.quality) ? (it.quality as number) : 0.6;
    w.region[i] = regionOfLocale(it.locale ?? '');
    w.isMovie[i] = it.format === 'movie' ? 1 : 0;
    w.publishedMin[i] = isPost ? 0 : ((it as Item).publishedAt - catalog.now) / 60_000;
    const e = isPost ? 0 : engagementCount(it as Item);
    w.baseEngagement[i] = e;
    maxLog = Math.max(maxLog, Math.log1p(e));
  });
  w.maxLog = maxLog > 0 ? maxLog : 1;
  const related: Set<number>[] = topicIds.map(() => new Set<number>());
  for (const t of catalog.topics) {
    for (const r of t.related) {
      const a = topic(t.id);
      const b = topicIndex.get(r);
      if (b === undefined || a === b) continue;
      related[a].add(b);
      related[b].add(a);
    }
  }
  w.related = related.map((s) => Int32Array.from([...s].sort((a, b) => a - b)));
  while (w.related.length < topicIds.length) w.related.push(new Int32Array(0));
  const C = creatorIds.length;
  w.creatorTopic = new Int32Array(C).fill(-1);
  w.creatorWeight = new Float64Array(C);
  for (const c of catalog.creators) w.creatorTopic[creatorIndex.get(c.id)!] = topicIndex.get(c.topic) ?? -1;
  const lists: number[][] = creatorIds.map(() => []);
  for (let i = 0; i < w.catalogCount; i++) {
    lists[w.creator[i]].push(i);
    w.creatorWeight[w.creator[i]] += w.baseEngagement[i];
  }
  for (let c = 0; c < C; c++) w.creatorWeight[c] = Math.log1p(w.creatorWeight[c]);
  w.byCreator = lists.map((l) => Int32Array.from(l.sort((a, b) => w.publishedMin[b] - w.publishedMin[a] || a - b)));
  return w;
}
