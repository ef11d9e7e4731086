/**
 * The common frame of the built-in recommenders: `fit` indexes the catalog, `recommend`
 * fills a reusable score array and selects the slate with the shared exclusion rules.
 *
 * Exclusion rules (all recommenders):
 * - items in `observation.shown` are never returned;
 * - items in the user's history are not returned while unseen items remain; when the
 *   catalog runs out of unseen items, the best-scored history items fill the rest of the
 *   slate (a re-watch is better than an empty feed);
 * - the slate has exactly `k` ids unless fewer than `k` items are left unshown.
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import type { Observation, Recommender, Rng, Slate, TrainingData } from '../types';
import { MARK_FREE, MARK_HISTORY, MARK_SHOWN, topKMasked } from './top-k';

export abstract class ScoringRecommender implements Recommender {
  abstract readonly name: string;
  readonly followsInstructions = false;

  protected index: CatalogIndex | null = null;
  /** Reused per call: one score per catalog position. */
  protected scores: Float64Array = new Float64Array(0);
  private marks: Uint8Array = new Uint8Array(0);

  fit(data: TrainingData, rng: Rng): void {
    this.index = buildCatalogIndex(data.catalog);
    const n = data.catalog.items.length;
    this.scores = new Float64Array(n);
    this.marks = new Uint8Array(n);
    this.train(data, this.index, rng);
  }

  /** Recommender-specific training or precomputation; the index is ready. */
  protected abstract train(data: TrainingData, index: CatalogIndex, rng: Rng): void;

  /** Fill `scores` (higher is better) for this observation. */
  protected abstract score(obs: Observation, index: CatalogIndex, scores: Float64Array, rng: Rng): void;

  /** The fitted index, or a clear error when `fit` was not called. */
  protected requireIndex(): CatalogIndex {
    if (!this.index) throw new Error(`Recommender "${this.name}": call fit(data, rng) before recommend()`);
    return this.index;
  }

  recommend(obs: Observation, k: number, rng: Rng): Slate {
    const index = this.requireIndex();
    this.score(obs, index, this.scores, rng);
    const marks = this.marks;
    return { itemIds: selectWithMarks(obs, index, k, marks, (want, m) => this.pick(want, m, marks, rng)) };
  }

  /**
   * Up to `m` catalog positions whose mark equals `want`, best first. Default: partial
   * top-k over `scores`; recommenders with a fixed order or random draws override it.
   */
  protected pick(want: number, m: number, marks: Uint8Array, _rng: Rng): number[] {
    return topKMasked(this.scores, m, marks, want);
  }
}

/**
 * Mark history (soft) and shown (hard) items, pick from free items first and from
 * history items when free ones run out, then clear the marks (the array is reused).
 * `pick(want, m)` returns up to m catalog positions whose mark equals `want`, best first.
 */
export function selectWithMarks(
  obs: Observation,
  index: CatalogIndex,
  k: number,
  marks: Uint8Array,
  pick: (want: number, m: number) => number[],
): string[] {
  const touched: number[] = [];
  for (const it of obs.history) {
    const p = index.position.get(it.itemId);
    if (p !== undefined && marks[p] === MARK_FREE) {
      marks[p] = MARK_HISTORY;
      touched.push(p);
    }
  }
  for (const id of obs.shown) {
    const p = index.position.get(id);
    if (p !== undefined) {
      if (marks[p] === MARK_FREE) touched.push(p);
      marks[p] = MARK_SHOWN;
    }
  }
  try {
    const want = Math.max(0, Math.floor(k));
    const chosen = pick(MARK_FREE, want);
    if (chosen.length < want) chosen.push(...pick(MARK_HISTORY, want - chosen.length));
    const items = index.catalog.items;
    return chosen.map((p) => items[p].id);
  } finally {
    for (const p of touched) marks[p] = MARK_FREE;
  }
}
