/**
 * Matching free-form text to catalog topics by embedding similarity: the text is
 * projected into the item embedding space, the most similar items vote for their topics
 * (weighted by similarity), and the topics with a clear share of the vote are returned.
 * Used by the rule-based planner when its lexicon finds nothing ("something relaxing after
 * work", "more like the crab boil one").
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { embedText, type OfflineEmbedding } from './offline';
import { scoreAll } from './vectors';

/** One matched topic with its share of the vote, in (0, 1]. */
export interface TopicMatch {
  topic: string;
  weight: number;
}

/** Text -> matched topics, best first; null when the text says nothing the embedding knows. */
export type TextTopicMatcher = (text: string) => TopicMatch[] | null;

export interface TopicMatchOptions {
  /** Items that vote. Default 15. */
  voters?: number;
  /** The best item must be at least this similar, or nothing matches. Default 0.3. */
  minSimilarity?: number;
  /** A topic needs this share of the vote. Default 0.25. */
  minShare?: number;
  /** Most topics returned. Default 2. */
  maxTopics?: number;
}

/**
 * Words of requests that say how, not what ("show me more stuff please"): dropped before
 * embedding so they do not pull towards items whose titles happen to use them.
 */
const REQUEST_WORDS = new Set(
  'more less show want wanna please stuff videos video clips posts something anything like give need see watch watching enough stop really kind content feed tired thing things lot lots love would maybe any some else again instead anymore keep getting lately today'.split(
    ' ',
  ),
);

/** Build a matcher over the offline embedding of a catalog (vectors in catalog order). */
export function offlineTopicMatcher(emb: OfflineEmbedding, index: CatalogIndex, opts: TopicMatchOptions = {}): TextTopicMatcher {
  const voters = opts.voters ?? 15;
  const minSim = opts.minSimilarity ?? 0.3;
  const minShare = opts.minShare ?? 0.25;
  const maxTopics = opts.maxTopics ?? 2;
  const items = index.catalog.items;
  const scores = new Float64Array(items.length);
  return (text) => {
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !REQUEST_WORDS.has(w));
    const q = embedText(emb.basis, words.join(' '));
    if (!q) return null;
    scoreAll(emb.vectors, q, scores);
    const order = Array.from(scores.keys())
      .sort((a, b) => scores[b] - scores[a] || a - b)
      .slice(0, voters);
    if (!order.length || scores[order[0]] < minSim) return null;
    const mass = new Map<string, number>();
    let total = 0;
    for (const i of order) {
      const s = Math.max(0, scores[i]);
      mass.set(items[i].topic, (mass.get(items[i].topic) ?? 0) + s);
      total += s;
    }
    if (total <= 0) return null;
    const out = [...mass.entries()]
      .map(([topic, m]) => ({ topic, weight: m / total }))
      .filter((t) => t.weight >= minShare)
      .sort((a, b) => b.weight - a.weight || (a.topic < b.topic ? -1 : 1))
      .slice(0, maxTopics);
    return out.length ? out : null;
  };
}
