/**
 * Recommenders with one global order (popular, trending): the order is computed in
 * `fit`, and a call walks it from the top, skipping excluded items. O(k + excluded).
 */
import type { Rng } from '../types';
import { ScoringRecommender } from './base';

export abstract class FixedOrderRecommender extends ScoringRecommender {
  /** Catalog positions, best first; set by `train` through `setOrder`. */
  private order: Int32Array = new Int32Array(0);

  /** Store the global ranking of these per-position scores (ties: catalog order). */
  protected setOrder(scores: ArrayLike<number>): void {
    const idx = Array.from({ length: scores.length }, (_, i) => i);
    idx.sort((a, b) => scores[b] - scores[a] || a - b);
    this.order = Int32Array.from(idx);
    for (let i = 0; i < scores.length; i++) this.scores[i] = scores[i];
  }

  /** The item-independent order needs no per-call scoring. */
  protected score(): void {}

  protected override pick(want: number, m: number, marks: Uint8Array, _rng: Rng): number[] {
    const out: number[] = [];
    const order = this.order;
    for (let r = 0; r < order.length && out.length < m; r++) {
      if (marks[order[r]] === want) out.push(order[r]);
    }
    return out;
  }
}
