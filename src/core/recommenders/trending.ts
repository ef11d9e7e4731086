/**
 * Trending: engagement with exponential time decay relative to `catalog.now`,
 * score = log(1 + engagement) x 2^(-age / halfLife). Fresh items with a good start beat
 * old hits. Not personalised.
 */
import { engagementCount, type CatalogIndex } from '../catalog/catalog-index';
import type { TrainingData } from '../types';
import { numOption } from './options';
import { FixedOrderRecommender } from './ranked';

const DAY_MS = 86_400_000;

export interface TrendingOptions {
  /** Half-life of an item's engagement in days (default 3). */
  halfLifeDays?: number;
}

export class TrendingRecommender extends FixedOrderRecommender {
  readonly name = 'trending';
  private readonly halfLifeDays: number;

  constructor(options?: Record<string, unknown>) {
    super();
    this.halfLifeDays = numOption(options, 'halfLifeDays', 3, 0.01, 3650);
  }

  protected train(data: TrainingData, _index: CatalogIndex): void {
    const { items, now } = data.catalog;
    const scores = new Float64Array(items.length);
    for (let p = 0; p < items.length; p++) {
      // Items "from the future" (clock skew in imported data) count as brand new.
      const ageDays = Math.max(0, now - items[p].publishedAt) / DAY_MS;
      scores[p] = Math.log1p(engagementCount(items[p])) * Math.pow(2, -ageDays / this.halfLifeDays);
    }
    this.setOrder(scores);
  }
}

/** Factory for the registry. */
export function createTrending(options?: Record<string, unknown>): TrendingRecommender {
  return new TrendingRecommender(options);
}
