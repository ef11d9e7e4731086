/**
 * Per-item features of a catalog, computed once and cached per catalog object (WeakMap),
 * so that `decide()` does one Map lookup and reads numbers from typed arrays instead of
 * re-deriving popularity, locale keys and topic indices for every decision.
 *
 * Items and topics that are not in the catalog (a recommender may show anything) are
 * appended on first sight; the values never depend on the index, so the order in which
 * they are appended does not change any decision.
 */
import type { Catalog, Item } from '../types';
import { engagementCount } from '../catalog/catalog-index';
import { localeKey } from './locale';
import { inSentence, prettyTopic } from './topic-text';

export { prettyTopic } from './topic-text';

const DAY_MS = 86_400_000;

/** Typed-array features of a catalog's items and topics. */
export class CatalogFeatures {
  readonly catalog: Catalog;
  /** Item id -> dense index. */
  readonly itemIndex = new Map<string, number>();
  /** Topic id -> dense index. */
  readonly topicIndex = new Map<string, number>();
  readonly topicIds: string[] = [];
  /** Human label per topic index. */
  readonly topicLabels: string[] = [];
  /** Related topic indices per topic index (made symmetric). */
  readonly related: number[][] = [];
  /** Locale key -> dense index (0 is the empty locale). */
  readonly localeIndex = new Map<string, number>([['', 0]]);
  /** Creator id -> dense index (0 is "no creator"). */
  readonly creatorIndex = new Map<string, number>([['', 0]]);
  readonly creatorIds: string[] = [''];

  itemTopic: Int32Array;
  itemLocale: Int32Array;
  itemCreator: Int32Array;
  /** Log-scaled engagement normalised to the catalog maximum, [0, 1]. */
  popularity: Float64Array;
  durationSec: Float64Array;
  quality: Float64Array;
  /** Days between publication and the catalog's "now" (>= 0). */
  ageDays: Float64Array;
  size = 0;
  private readonly maxLog: number;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
    const n = Math.max(16, catalog.items.length);
    this.itemTopic = new Int32Array(n);
    this.itemLocale = new Int32Array(n);
    this.itemCreator = new Int32Array(n);
    this.popularity = new Float64Array(n);
    this.durationSec = new Float64Array(n);
    this.quality = new Float64Array(n);
    this.ageDays = new Float64Array(n);
    let maxLog = 0;
    for (const item of catalog.items) maxLog = Math.max(maxLog, Math.log1p(engagementCount(item)));
    this.maxLog = maxLog;
    for (const t of catalog.topics) this.topic(t.id, t.label);
    for (const t of catalog.topics) {
      const a = this.topic(t.id);
      for (const r of t.related) {
        const b = this.topic(r);
        if (a === b) continue;
        if (!this.related[a].includes(b)) this.related[a].push(b);
        if (!this.related[b].includes(a)) this.related[b].push(a);
      }
    }
    for (const item of catalog.items) this.add(item);
  }

  /** Index of a topic id, creating it when new. */
  topic(id: string, label?: string): number {
    let t = this.topicIndex.get(id);
    if (t === undefined) {
      t = this.topicIds.length;
      this.topicIndex.set(id, t);
      this.topicIds.push(id);
      this.topicLabels.push(label ?? prettyTopic(id));
      this.related.push([]);
    }
    return t;
  }

  /** A creator's display name (the catalog's `creators`), else its id. */
  creatorName(c: number): string {
    const id = this.creatorIds[c] ?? '';
    if (!this.creatorNames) this.creatorNames = new Map(this.catalog.creators.map((x) => [x.id, x.name]));
    return this.creatorNames.get(id) || id;
  }

  private creatorNames: Map<string, string> | null = null;

  /** The topic's label as it reads inside a sentence ("hairstyling", "UFC"), cached. */
  sentenceLabel(t: number): string {
    let s = this.sentenceLabels[t];
    if (s === undefined) s = this.sentenceLabels[t] = inSentence(this.topicLabels[t]);
    return s;
  }

  private readonly sentenceLabels: string[] = [];

  /** Index of an item; appends items the catalog does not hold. */
  index(item: Item): number {
    const i = this.itemIndex.get(item.id);
    return i === undefined ? this.add(item) : i;
  }

  private add(item: Item): number {
    if (this.itemIndex.has(item.id)) return this.itemIndex.get(item.id) as number;
    if (this.size === this.itemTopic.length) this.grow();
    const i = this.size++;
    this.itemIndex.set(item.id, i);
    this.itemTopic[i] = this.topic(item.topic);
    const lk = localeKey(item.locale);
    let l = this.localeIndex.get(lk);
    if (l === undefined) {
      l = this.localeIndex.size;
      this.localeIndex.set(lk, l);
    }
    this.itemLocale[i] = l;
    let c = this.creatorIndex.get(item.creator);
    if (c === undefined) {
      c = this.creatorIds.length;
      this.creatorIndex.set(item.creator, c);
      this.creatorIds.push(item.creator);
    }
    this.itemCreator[i] = c;
    const log = Math.log1p(engagementCount(item));
    this.popularity[i] = this.maxLog > 0 ? Math.min(1, log / this.maxLog) : 0;
    this.durationSec[i] = Math.max(0, item.durationSec || 0);
    this.quality[i] = Number.isFinite(item.quality) ? item.quality : 0.5;
    this.ageDays[i] = Math.max(0, (this.catalog.now - item.publishedAt) / DAY_MS);
    return i;
  }

  /** Locale index of a place, or -1 when no catalog item is from there. */
  locale(place: string): number {
    const k = localeKey(place);
    return k ? (this.localeIndex.get(k) ?? -1) : -1;
  }

  private grow(): void {
    const n = this.itemTopic.length * 2;
    const gi = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const gf = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.itemTopic = gi(this.itemTopic);
    this.itemLocale = gi(this.itemLocale);
    this.itemCreator = gi(this.itemCreator);
    this.popularity = gf(this.popularity);
    this.durationSec = gf(this.durationSec);
    this.quality = gf(this.quality);
    this.ageDays = gf(this.ageDays);
  }
}

const cache = new WeakMap<Catalog, CatalogFeatures>();

/** The cached features of a catalog (built on first use). */
export function catalogFeatures(catalog: Catalog): CatalogFeatures {
  let f = cache.get(catalog);
  if (!f) {
    f = new CatalogFeatures(catalog);
    cache.set(catalog, f);
  }
  return f;
}
