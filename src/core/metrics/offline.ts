/**
 * Offline ranking metrics: how a recommender's list compares with what a real user did
 * later (the held-out interactions of MovieLens profiles), and how varied, broad and
 * novel the lists are. The paper (§3) argues these are orthogonal to the simulated
 * engagement rewards; the evaluation view puts both side by side.
 */
import type { Item, UserProfile } from '../types';

type Relevant = ReadonlySet<string> | readonly string[];

function toSet(relevant: Relevant): ReadonlySet<string> {
  return Array.isArray(relevant) ? new Set(relevant) : (relevant as ReadonlySet<string>);
}

/**
 * Recall@N: the share of the relevant (held-out) items found in the first `n` recommended.
 * 0 when there is nothing relevant (callers usually leave such users out of the mean).
 */
export function recallAtN(recommended: readonly string[], relevant: Relevant, n: number): number {
  const rel = toSet(relevant);
  if (rel.size === 0) return 0;
  let hits = 0;
  const top = Math.min(n, recommended.length);
  for (let i = 0; i < top; i++) if (rel.has(recommended[i])) hits++;
  return hits / rel.size;
}

/**
 * NDCG@N with binary relevance (a set/array of ids) or graded gains (a map id -> gain):
 * DCG = Σ_{i<n} gain(rec_i) / log2(i + 2), divided by the DCG of the ideal ordering of
 * the relevant items. 0 when nothing is relevant.
 */
export function ndcgAtN(recommended: readonly string[], relevant: Relevant | ReadonlyMap<string, number>, n: number): number {
  const gains: ReadonlyMap<string, number> =
    relevant instanceof Map ? relevant : new Map([...toSet(relevant as Relevant)].map((id) => [id, 1]));
  let dcg = 0;
  const top = Math.min(n, recommended.length);
  for (let i = 0; i < top; i++) dcg += (gains.get(recommended[i]) ?? 0) / Math.log2(i + 2);
  const ideal = [...gains.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(n, ideal.length); i++) idcg += ideal[i] / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

/**
 * Similarity of two items in [0, 1]: half for sharing the topic, half the Jaccard
 * overlap of their tags. Cheap, and meaningful for both the short-video catalog
 * (topics + hashtags) and MovieLens (genres + tags).
 */
export function topicTagSimilarity(a: Item, b: Item): number {
  const topic = a.topic === b.topic ? 1 : 0;
  let inter = 0;
  const tagsA = new Set(a.tags);
  const tagsB = new Set(b.tags);
  for (const t of tagsA) if (tagsB.has(t)) inter++;
  const union = tagsA.size + tagsB.size - inter;
  const jaccard = union > 0 ? inter / union : 0;
  return 0.5 * topic + 0.5 * jaccard;
}

/**
 * Intra-list diversity: 1 - the mean pairwise similarity of the items in a list
 * (0 for lists of fewer than two items).
 */
export function intraListDiversity(items: readonly Item[], similarity: (a: Item, b: Item) => number = topicTagSimilarity): number {
  if (items.length < 2) return 0;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      sum += similarity(items[i], items[j]);
      pairs++;
    }
  }
  return 1 - sum / pairs;
}

/** Catalogue coverage: the share of the catalog's items that appear in at least one list. */
export function coverage(lists: Iterable<readonly string[]>, catalogSize: number): number {
  if (catalogSize <= 0) return 0;
  const seen = new Set<string>();
  for (const list of lists) for (const id of list) seen.add(id);
  return seen.size / catalogSize;
}

/**
 * Item popularity as the share of users who interacted with the item (in their history),
 * the usual basis of novelty. Items nobody touched are absent.
 */
export function popularityFromUsers(users: readonly UserProfile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of users) {
    const seen = new Set<string>();
    for (const it of u.history) seen.add(it.itemId);
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const pop = new Map<string, number>();
  if (users.length === 0) return pop;
  for (const [id, c] of counts) pop.set(id, c / users.length);
  return pop;
}

/**
 * Novelty in bits: the mean of -log2(popularity) over the recommended items. Items with
 * no (or zero) popularity count as `floor` (default: half the smallest positive
 * popularity in the map, i.e. rarer than anything observed; 1e-6 when the map is empty).
 */
export function novelty(recommended: readonly string[], popularity: ReadonlyMap<string, number>, floor?: number): number {
  if (recommended.length === 0) return 0;
  let f = floor;
  if (f === undefined) {
    let min = Infinity;
    for (const p of popularity.values()) if (p > 0 && p < min) min = p;
    f = Number.isFinite(min) ? min / 2 : 1e-6;
  }
  let sum = 0;
  for (const id of recommended) {
    const p = popularity.get(id);
    sum += -Math.log2(p !== undefined && p > 0 ? Math.min(p, 1) : f);
  }
  return sum / recommended.length;
}
