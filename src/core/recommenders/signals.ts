/**
 * What a history says about a user: how strongly each interaction signals liking,
 * and a per-item weighted summary that every personalised recommender builds on.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import type { Interaction, Item } from '../types';

/**
 * Strength of one interaction in [-1, 1]: share > comment > like > watch (by the
 * fraction watched) > click; skip is negative; leave says nothing about the item.
 * An explicit rating (MovieLens, 0.5..5) overrides the action: (rating - 2.5) / 2.5.
 */
export function interactionStrength(it: Interaction, item: Item | undefined): number {
  if (typeof it.rating === 'number' && Number.isFinite(it.rating)) {
    return Math.max(-1, Math.min(1, (it.rating - 2.5) / 2.5));
  }
  switch (it.action) {
    case 'share':
      return 1;
    case 'comment':
      return 0.9;
    case 'like':
      return 0.8;
    case 'watch': {
      const dur = item && item.durationSec > 0 ? item.durationSec : 0;
      const frac = dur > 0 && typeof it.watchSec === 'number' ? Math.min(1, Math.max(0, it.watchSec / dur)) : 0.5;
      // A few seconds of a long video is closer to a skip than to a like.
      return frac < 0.1 ? -0.1 : 0.15 + 0.55 * frac;
    }
    case 'click':
      return 0.15;
    case 'skip':
      return -0.4;
    default:
      return 0;
  }
}

/**
 * Recency weight by rank from the newest interaction: 1 for the newest, falling to 0.5
 * for very old ones (half of the extra weight every `halfLifeRank` interactions). Rank-based
 * so that it works both for a 7-day feed history and for years of MovieLens ratings.
 */
export function recencyWeight(rankFromEnd: number, halfLifeRank = 30): number {
  return 0.5 + 0.5 * Math.pow(0.5, rankFromEnd / halfLifeRank);
}

/** Items of a history with one aggregated, recency-weighted strength each. */
export interface WeightedHistory {
  /** Catalog positions, in order of last interaction (oldest first). */
  items: number[];
  /** Weight per entry of `items`, in [-1, 1]; positive means liked. */
  weights: number[];
}

/**
 * Aggregate a history per item: the strongest positive signal wins (a watch followed
 * by a like is a like); an item with only negative signals keeps the most negative.
 * Then multiply by the recency weight of its last interaction. Unknown ids are ignored.
 * Only the last `maxItems` distinct items are kept (long MovieLens histories).
 */
export function weightHistory(
  history: readonly Interaction[],
  index: CatalogIndex,
  maxItems = 300,
  halfLifeRank = 30,
): WeightedHistory {
  const best = new Map<number, number>();
  const order: number[] = [];
  // Walk newest first so that we can stop after maxItems distinct items.
  for (let h = history.length - 1; h >= 0; h--) {
    const it = history[h];
    const pos = index.position.get(it.itemId);
    if (pos === undefined) continue;
    const s = interactionStrength(it, index.catalog.items[pos]);
    const prev = best.get(pos);
    if (prev === undefined) {
      if (order.length >= maxItems) continue;
      order.push(pos);
      best.set(pos, s);
    } else if ((s > 0 && s > prev) || (prev <= 0 && s < prev)) {
      best.set(pos, s);
    }
  }
  const items: number[] = [];
  const weights: number[] = [];
  for (let r = order.length - 1; r >= 0; r--) {
    const pos = order[r];
    items.push(pos);
    weights.push((best.get(pos) as number) * recencyWeight(r, halfLifeRank));
  }
  return { items, weights };
}

/** Catalog positions of every known item in a history (for exclusion). */
export function historyPositions(history: readonly Interaction[], index: CatalogIndex): number[] {
  const out: number[] = [];
  for (const it of history) {
    const pos = index.position.get(it.itemId);
    if (pos !== undefined) out.push(pos);
  }
  return out;
}
