/**
 * Dense per-item features for the contextual bandit: topic (as a one-hot index),
 * popularity, recency, length and quality, all in [0, 1]. Computed once in `fit`.
 */
import type { CatalogIndex } from '../catalog/catalog-index';

const DAY_MS = 86_400_000;

export interface ItemFeatures {
  /** Topic ids; an item's one-hot position is `topic[i]`. */
  topicIds: string[];
  topic: Int32Array;
  popularity: Float64Array;
  /** 2^(-age / halfLife) against `catalog.now`. */
  recency: Float64Array;
  /** log(1 + duration) / log(1 + longest duration). */
  length: Float64Array;
  quality: Float64Array;
}

/** Build the feature table; `recencyHalfLifeDays` sets how fast items age. */
export function buildItemFeatures(index: CatalogIndex, recencyHalfLifeDays = 7): ItemFeatures {
  const { items, now } = index.catalog;
  const n = items.length;
  const topicIds = index.topicIds.slice();
  const topicPos = new Map(topicIds.map((t, i) => [t, i]));
  const topic = new Int32Array(n);
  const popularity = new Float64Array(n);
  const recency = new Float64Array(n);
  const length = new Float64Array(n);
  const quality = new Float64Array(n);
  let maxLen = 1;
  for (const it of items) maxLen = Math.max(maxLen, Math.log1p(Math.max(0, it.durationSec)));
  for (let i = 0; i < n; i++) {
    const it = items[i];
    topic[i] = topicPos.get(it.topic) ?? 0;
    popularity[i] = index.popularity.get(it.id) ?? 0;
    recency[i] = Math.pow(2, -Math.max(0, now - it.publishedAt) / DAY_MS / recencyHalfLifeDays);
    length[i] = Math.log1p(Math.max(0, it.durationSec)) / maxLen;
    quality[i] = Math.min(1, Math.max(0, Number.isFinite(it.quality) ? it.quality : 0.5));
  }
  return { topicIds, topic, popularity, recency, length, quality };
}
