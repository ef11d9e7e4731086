/**
 * A user's vector in an item embedding space: the strength- and recency-weighted mean of
 * the vectors of the items they engaged with (skips pull away), plus a weak pull towards
 * the centroids of their declared interest topics, so a user with no history still has one.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { weightHistory } from '../recommenders/signals';
import type { Interaction } from '../types';
import { normalizeInPlace, row, type ItemVectors } from './vectors';

/** Centroid (unit length) of each topic's item vectors; vectors must be in catalog order. */
export function topicCentroids(vectors: ItemVectors, index: CatalogIndex): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [topic, items] of index.byTopic) {
    const c = new Float32Array(vectors.dim);
    for (const it of items) {
      const r = row(vectors.data, vectors.dim, index.position.get(it.id)!);
      for (let d = 0; d < c.length; d++) c[d] += r[d];
    }
    out.set(topic, normalizeInPlace(c));
  }
  return out;
}

/**
 * The user's unit vector, or null when neither history nor interests say anything.
 * `prior` weighs the declared interests against the history's total weight.
 */
export function userVector(
  vectors: ItemVectors,
  index: CatalogIndex,
  history: readonly Interaction[],
  interests: Record<string, number> = {},
  centroids?: Map<string, Float32Array>,
  prior = 0.3,
): Float32Array | null {
  const dim = vectors.dim;
  const out = new Float32Array(dim);
  const wh = weightHistory(history, index);
  let mass = 0;
  wh.items.forEach((p, k) => {
    const w = wh.weights[k];
    mass += Math.abs(w);
    const r = row(vectors.data, dim, p);
    for (let d = 0; d < dim; d++) out[d] += w * r[d];
  });
  if (centroids) {
    const scale = prior * Math.max(1, mass / 4);
    for (const [topic, w] of Object.entries(interests)) {
      const c = centroids.get(topic);
      if (!c || !(w > 0)) continue;
      for (let d = 0; d < dim; d++) out[d] += scale * w * c[d];
    }
  }
  let n = 0;
  for (const v of out) n += v * v;
  return n > 0 ? normalizeInPlace(out) : null;
}
