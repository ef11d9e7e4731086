/**
 * Most popular: catalog engagement (likes, shares, comments; the CatalogIndex popularity,
 * log-scaled), optionally blended with how often the training users engaged with an item.
 * Not personalised: every user gets the same order, minus what they have seen.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import type { TrainingData } from '../types';
import { numOption } from './options';
import { FixedOrderRecommender } from './ranked';
import { interactionStrength } from './signals';

export interface PopularOptions {
  /**
   * Weight in [0, 1] of the training users' positive interactions against catalog
   * engagement. Default 0.3; ignored (0) when the training data has no interactions.
   */
  interactionWeight?: number;
}

export class PopularRecommender extends FixedOrderRecommender {
  readonly name = 'popular';
  private readonly interactionWeight: number;

  constructor(options?: Record<string, unknown>) {
    super();
    this.interactionWeight = numOption(options, 'interactionWeight', 0.3, 0, 1);
  }

  protected train(data: TrainingData, index: CatalogIndex): void {
    const items = data.catalog.items;
    const counts = new Float64Array(items.length);
    let any = false;
    for (const u of data.users) {
      for (const it of u.history) {
        const p = index.position.get(it.itemId);
        if (p === undefined) continue;
        if (interactionStrength(it, items[p]) > 0) {
          counts[p] += 1;
          any = true;
        }
      }
    }
    let maxLog = 0;
    for (let p = 0; p < counts.length; p++) maxLog = Math.max(maxLog, Math.log1p(counts[p]));
    const w = any && maxLog > 0 ? this.interactionWeight : 0;
    const scores = new Float64Array(items.length);
    for (let p = 0; p < items.length; p++) {
      const pop = index.popularity.get(items[p].id) ?? 0;
      scores[p] = (1 - w) * pop + (w > 0 ? (w * Math.log1p(counts[p])) / maxLog : 0);
    }
    this.setOrder(scores);
  }
}

/** Factory for the registry. */
export function createPopular(options?: Record<string, unknown>): PopularRecommender {
  return new PopularRecommender(options);
}
