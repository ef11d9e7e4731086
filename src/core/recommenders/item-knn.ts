/**
 * Item-kNN collaborative filtering. `fit` counts how the training users' positively
 * engaged items co-occur (weighted by engagement strength) and keeps, per item, its
 * `k` most cosine-similar neighbours. A user's score for item j is the sum, over the
 * items i they engaged with, of sim(i, j) x their (recency-weighted) strength for i.
 * Items without co-occurrence data (cold items) get their neighbours from content
 * (TF-IDF) similarity instead, scaled down; a small content-profile term ranks items
 * that no neighbour reaches, and popularity breaks the remaining ties.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import type { Observation, TrainingData } from '../types';
import { ScoringRecommender } from './base';
import { popularityArray, profileKey, profileVector, TIE_BREAK } from './content';
import { numOption } from './options';
import { interactionStrength, weightHistory, type WeightedHistory } from './signals';
import { addCosineScores, buildTfIdf, cosineNeighbours, type SparseVector, type TfIdfMatrix } from './text-features';
import { topKMasked } from './top-k';
import { UserCache } from './user-cache';

/** One item's neighbours: catalog positions and similarities, best first. */
interface Neighbours {
  items: Int32Array;
  sims: Float64Array;
}

const EMPTY: Neighbours = { items: new Int32Array(0), sims: new Float64Array(0) };

export class ItemKnnRecommender extends ScoringRecommender {
  readonly name = 'item-knn';
  private readonly k: number;
  private readonly coldScale: number;
  private readonly contentWeight: number;
  private neighbours: (Neighbours | null)[] = [];
  /** True for items with co-occurrence data. */
  private warm: Uint8Array = new Uint8Array(0);
  private tfidf: TfIdfMatrix | null = null;
  private popularity: Float64Array = new Float64Array(0);
  /** Reused buffers for the lazy content neighbours of cold items. */
  private coldBuf: Float64Array = new Float64Array(0);
  private coldMarks: Uint8Array = new Uint8Array(0);
  private readonly cache = new UserCache<{ profile: SparseVector | null; wh: WeightedHistory }>();

  constructor(options?: Record<string, unknown>) {
    super();
    this.k = Math.round(numOption(options, 'neighbours', 50, 1, 1000));
    this.coldScale = numOption(options, 'coldScale', 0.5, 0, 1);
    this.contentWeight = numOption(options, 'contentWeight', 0.02, 0, 10);
  }

  protected train(data: TrainingData, index: CatalogIndex): void {
    const n = data.catalog.items.length;
    this.tfidf = buildTfIdf(data.catalog.items);
    this.popularity = popularityArray(index);
    this.coldBuf = new Float64Array(n);
    this.coldMarks = new Uint8Array(n);
    this.cache.clear();
    // Per-user positive items with weights (CSR), and the transposed item -> users.
    const userItems: number[][] = [];
    const userW: number[][] = [];
    for (const u of data.users) {
      const agg = new Map<number, number>();
      for (const it of u.history) {
        const p = index.position.get(it.itemId);
        if (p === undefined) continue;
        const s = interactionStrength(it, data.catalog.items[p]);
        if (s > 0) agg.set(p, Math.max(agg.get(p) ?? 0, s));
      }
      if (agg.size < 2) continue; // a single item co-occurs with nothing
      userItems.push([...agg.keys()]);
      userW.push([...agg.values()]);
    }
    const itemUsers: number[][] = Array.from({ length: n }, () => []);
    const itemUW: number[][] = Array.from({ length: n }, () => []);
    const norm2 = new Float64Array(n);
    userItems.forEach((items, u) => {
      items.forEach((p, j) => {
        itemUsers[p].push(u);
        itemUW[p].push(userW[u][j]);
        norm2[p] += userW[u][j] * userW[u][j];
      });
    });
    // Co-occurrence row by row in a dense accumulator: O(sum over users of |items|^2).
    const acc = new Float64Array(n);
    const touched = new Uint8Array(n);
    const list: number[] = [];
    this.neighbours = new Array<Neighbours | null>(n).fill(null);
    this.warm = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (itemUsers[i].length === 0) continue;
      list.length = 0;
      for (let a = 0; a < itemUsers[i].length; a++) {
        const u = itemUsers[i][a];
        const wi = itemUW[i][a];
        const items = userItems[u];
        const ws = userW[u];
        for (let b = 0; b < items.length; b++) {
          const j = items[b];
          if (j === i) continue;
          if (!touched[j]) {
            touched[j] = 1;
            list.push(j);
          }
          acc[j] += wi * ws[b];
        }
      }
      for (const j of list) acc[j] /= Math.sqrt(norm2[i] * norm2[j]) || 1;
      this.neighbours[i] = this.topNeighbours(acc, list);
      this.warm[i] = 1;
      for (const j of list) {
        acc[j] = 0;
        touched[j] = 0;
      }
    }
  }

  /** The best `k` of the touched positions in `acc`. */
  private topNeighbours(acc: Float64Array, list: number[]): Neighbours {
    if (list.length === 0) return EMPTY;
    const vals = list.map((j) => acc[j]);
    const best = topKMasked(vals, this.k, new Uint8Array(vals.length), 0);
    return { items: Int32Array.from(best.map((b) => list[b])), sims: Float64Array.from(best.map((b) => vals[b])) };
  }

  /** Neighbours of item i: co-occurrence if warm, else content similarity (computed once, lazily). */
  neighboursOf(i: number): Neighbours {
    const cached = this.neighbours[i];
    if (cached) return cached;
    const found = cosineNeighbours(this.tfidf as TfIdfMatrix, i, this.k, this.coldBuf, this.coldMarks);
    const nb = { items: Int32Array.from(found.items), sims: Float64Array.from(found.sims, (v) => v * this.coldScale) };
    this.neighbours[i] = nb;
    return nb;
  }

  /** Whether item i had co-occurrence data in training. */
  isWarm(i: number): boolean {
    return this.warm[i] === 1;
  }

  protected score(obs: Observation, index: CatalogIndex, scores: Float64Array): void {
    const pop = this.popularity;
    for (let i = 0; i < scores.length; i++) scores[i] = TIE_BREAK * pop[i];
    const user = this.cache.get(profileKey(obs), obs.history, () => ({
      profile: this.contentWeight > 0 ? profileVector(this.tfidf as TfIdfMatrix, index, obs, 0.3) : null,
      wh: weightHistory(obs.history, index, 200),
    }));
    if (user.profile) addCosineScores(this.tfidf as TfIdfMatrix, user.profile, scores, this.contentWeight);
    const wh = user.wh;
    for (let h = 0; h < wh.items.length; h++) {
      const w = wh.weights[h];
      if (w <= 0) continue;
      const nb = this.neighboursOf(wh.items[h]);
      for (let j = 0; j < nb.items.length; j++) scores[nb.items[j]] += w * nb.sims[j];
    }
  }
}

/** Factory for the registry. */
export function createItemKnn(options?: Record<string, unknown>): ItemKnnRecommender {
  return new ItemKnnRecommender(options);
}
