/**
 * Item vectors: one dense, L2-normalised row per item of a catalog, from one model
 * (the offline TF-IDF + SVD embedding, a Transformers.js model, or an imported file).
 * Rows are stored flat in one Float32Array so a catalog's vectors are one buffer (cheap
 * to cache in IndexedDB and to send to a worker).
 */

/** A catalog's vectors from one model. Row i (`data[i*dim .. (i+1)*dim)`) belongs to `ids[i]`. */
export interface ItemVectors {
  catalogId: string;
  /** "offline" for the TF-IDF + SVD embedding, a model id, or "import:<file>". */
  model: string;
  dim: number;
  ids: string[];
  data: Float32Array;
}

/** Row i of a flat matrix (a view, not a copy). */
export function row(data: Float32Array, dim: number, i: number): Float32Array {
  return data.subarray(i * dim, (i + 1) * dim);
}

/** Dot product of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/** Scale a vector to unit length in place (a zero vector stays zero). Returns it. */
export function normalizeInPlace<T extends Float32Array | Float64Array>(v: T): T {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  if (n > 0) {
    const s = 1 / Math.sqrt(n);
    for (let i = 0; i < v.length; i++) v[i] *= s;
  }
  return v;
}

/** L2-normalise every row of a flat matrix in place. */
export function normalizeRows(data: Float32Array, dim: number): Float32Array {
  for (let i = 0; i * dim < data.length; i++) normalizeInPlace(row(data, dim, i));
  return data;
}

/** Weighted sum of rows (positions into the matrix), L2-normalised; null when it is all zeros. */
export function weightedMean(vectors: ItemVectors, positions: readonly number[], weights: readonly number[]): Float32Array | null {
  const out = new Float32Array(vectors.dim);
  for (let k = 0; k < positions.length; k++) {
    const w = weights[k];
    if (!w) continue;
    const r = row(vectors.data, vectors.dim, positions[k]);
    for (let d = 0; d < out.length; d++) out[d] += w * r[d];
  }
  let n = 0;
  for (let d = 0; d < out.length; d++) n += out[d] * out[d];
  return n > 0 ? normalizeInPlace(out) : null;
}

/** id -> row position. */
export function positionsById(vectors: ItemVectors): Map<string, number> {
  return new Map(vectors.ids.map((id, i) => [id, i]));
}

/** Similarity of a query vector to every row (rows and query assumed unit length). */
export function scoreAll(vectors: ItemVectors, query: ArrayLike<number>, out: Float64Array = new Float64Array(vectors.ids.length)): Float64Array {
  const { data, dim } = vectors;
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    const o = i * dim;
    for (let d = 0; d < dim; d++) s += data[o + d] * query[d];
    out[i] = s;
  }
  return out;
}

/**
 * Whether vectors are for exactly these items in this order (a cache keyed by catalog id
 * and model can hold another catalog's rows: a folder re-imported under the same id).
 */
export function rowsMatch(vectors: ItemVectors, ids: readonly string[]): boolean {
  return vectors.ids.length === ids.length && vectors.ids.every((id, i) => id === ids[i]);
}

/**
 * Check that vectors fit a catalog: same item ids (any order) and finite values.
 * Returns vectors reordered to the catalog's order; throws a clear error otherwise.
 */
export function alignToCatalog(vectors: ItemVectors, catalogIds: readonly string[]): ItemVectors {
  const pos = positionsById(vectors);
  const missing = catalogIds.filter((id) => !pos.has(id));
  if (missing.length) {
    throw new Error(`Vectors (${vectors.model}) lack ${missing.length} of the catalog's ${catalogIds.length} items, e.g. "${missing.slice(0, 3).join('", "')}"`);
  }
  const dim = vectors.dim;
  const data = new Float32Array(catalogIds.length * dim);
  catalogIds.forEach((id, i) => data.set(row(vectors.data, dim, pos.get(id)!), i * dim));
  return { ...vectors, ids: [...catalogIds], data };
}
