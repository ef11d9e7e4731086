/**
 * Embedding recommender: the user's vector is the strength- and recency-weighted mean of
 * the vectors of the items they engaged with (skips pull away; declared interests add a
 * weak pull towards their topics' centroids); items are ranked by cosine similarity to it,
 * and the slate is picked by maximal marginal relevance (Carbonell & Goldstein 1998):
 * each next item maximises lambda x relevance - (1 - lambda) x its highest similarity to
 * the items already picked, so the list is not ten near-duplicates.
 *
 * Vectors: the offline TF-IDF + SVD embedding (fitted on `fit`), or any `ItemVectors`
 * for the catalog passed as the `vectors` option (Transformers.js, an imported file).
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { offlineEmbeddingFor } from '../embed/cache';
import { topicCentroids, userVector } from '../embed/user-vector';
import { alignToCatalog, row, scoreAll, type ItemVectors } from '../embed/vectors';
import type { Observation, Rng, TrainingData } from '../types';
import { ScoringRecommender } from './base';
import { popularityArray, profileKey, TIE_BREAK } from './content';
import { numOption } from './options';
import { topKMasked } from './top-k';
import { UserCache } from './user-cache';

function isItemVectors(x: unknown): x is ItemVectors {
  const v = x as ItemVectors;
  return !!v && typeof v === 'object' && v.data instanceof Float32Array && Array.isArray(v.ids) && typeof v.dim === 'number';
}

export class EmbeddingRecommender extends ScoringRecommender {
  readonly name = 'embedding';
  private vectors: ItemVectors | null = null;
  private centroids = new Map<string, Float32Array>();
  private popularity: Float64Array = new Float64Array(0);
  private readonly cache = new UserCache<Float32Array | null>();
  private readonly lambda: number;
  private readonly given: ItemVectors | null;

  constructor(options?: Record<string, unknown>) {
    super();
    this.lambda = numOption(options, 'lambda', 0.7, 0, 1);
    this.given = isItemVectors(options?.vectors) ? options.vectors : null;
  }

  /** The vectors in use (after `fit`). */
  get itemVectors(): ItemVectors | null {
    return this.vectors;
  }

  protected train(data: TrainingData, index: CatalogIndex, rng: Rng): void {
    const ids = data.catalog.items.map((i) => i.id);
    this.vectors = this.given ? alignToCatalog(this.given, ids) : offlineEmbeddingFor(data.catalog, rng).vectors;
    this.centroids = topicCentroids(this.vectors, index);
    this.popularity = popularityArray(index);
    this.cache.clear();
  }

  /** The user's unit vector, or null when nothing is known about them. */
  userVector(obs: Observation): Float32Array | null {
    const index = this.requireIndex();
    const v = this.vectors as ItemVectors;
    return this.cache.get(profileKey(obs), obs.history, () => userVector(v, index, obs.history, obs.profile.interests ?? {}, this.centroids));
  }

  protected score(obs: Observation, _index: CatalogIndex, scores: Float64Array): void {
    const u = this.userVector(obs);
    if (u) scoreAll(this.vectors as ItemVectors, u, scores);
    else scores.fill(0);
    for (let i = 0; i < scores.length; i++) scores[i] += TIE_BREAK * this.popularity[i];
  }

  /** MMR over the best 5m candidates of the wanted mark. */
  protected override pick(want: number, m: number, marks: Uint8Array): number[] {
    const pool = topKMasked(this.scores, Math.max(m * 5, m + 20), marks, want);
    if (this.lambda >= 1 || pool.length <= 1) return pool.slice(0, m);
    const v = this.vectors as ItemVectors;
    const chosen: number[] = [];
    const maxSim = new Float64Array(pool.length).fill(-Infinity);
    const used = new Uint8Array(pool.length);
    while (chosen.length < m && chosen.length < pool.length) {
      let best = -1;
      let bestVal = -Infinity;
      for (let c = 0; c < pool.length; c++) {
        if (used[c]) continue;
        const div = chosen.length ? maxSim[c] : 0;
        const val = this.lambda * this.scores[pool[c]] - (1 - this.lambda) * div;
        if (val > bestVal) {
          bestVal = val;
          best = c;
        }
      }
      used[best] = 1;
      const p = pool[best];
      chosen.push(p);
      const pr = row(v.data, v.dim, p);
      for (let c = 0; c < pool.length; c++) {
        if (used[c]) continue;
        const qr = row(v.data, v.dim, pool[c]);
        let s = 0;
        for (let d = 0; d < v.dim; d++) s += pr[d] * qr[d];
        if (s > maxSim[c]) maxSim[c] = s;
      }
    }
    return chosen;
  }
}

/** Factory for the registry. */
export function createEmbedding(options?: Record<string, unknown>): EmbeddingRecommender {
  return new EmbeddingRecommender(options);
}
