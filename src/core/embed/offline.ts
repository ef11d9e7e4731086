/**
 * The offline embedding: TF-IDF over each item's title, description, tags, topic,
 * sub-topic and creator (the content recommender's features), reduced to `dim` dense
 * dimensions by a seeded randomized truncated SVD (Halko, Martinsson & Tropp 2011:
 * a Gaussian sketch, power iterations, then an exact eigen-decomposition of the small
 * projected matrix). No download, pure core, the same vectors for the same seed.
 *
 * Instructions and other free text are projected with the same TF-IDF vocabulary and
 * SVD basis, so "more like the crab boil one" lands near the crab boil items.
 */
import { buildTfIdf, tokenize, type TfIdfMatrix } from '../recommenders/text-features';
import { normal } from '../rng';
import type { Catalog, Rng } from '../types';
import { orthonormalizeColumns, symmetricEigen } from './linalg';
import { normalizeInPlace, normalizeRows, type ItemVectors } from './vectors';
import { CHUNK_ROWS, chunkRows, runChunked, runSteps, type ChunkedOptions, type Steps } from './steps';

/** Model name of the offline embedding in `ItemVectors.model`. */
export const OFFLINE_MODEL = 'offline';

/** Default number of dimensions. */
export const OFFLINE_DIM = 64;

/** The fitted projection: TF-IDF vocabulary plus the right singular vectors. */
export interface OfflineBasis {
  vocab: Map<string, number>;
  idf: Float64Array;
  /** Feature count x dim, row-major: column j is the j-th right singular vector. */
  basis: Float64Array;
  dim: number;
  /** Singular values, descending. */
  singular: Float64Array;
}

/** Item vectors plus the basis that projects new text into the same space. */
export interface OfflineEmbedding {
  vectors: ItemVectors;
  basis: OfflineBasis;
}

export interface OfflineOptions {
  dim?: number;
  /** Power iterations of the randomized SVD (more = closer to the exact SVD). Default 4. */
  powerIterations?: number;
  /** Extra sketch columns beyond `dim`. Default 10. */
  oversample?: number;
}

// The fit yields between chunks of its passes over the matrix (steps.ts): the one-go fit runs
// it straight through, the chunked one pauses there. Same arithmetic: same vectors.

/** Where the fit is: `pass` of `passes`, each pass from 0 to 1. */
class Passes {
  pass = 0;
  constructor(readonly passes: number, readonly chunk: number) {}
  at(done: number, of: number): number {
    return Math.min(1, (this.pass + (of > 0 ? done / of : 1)) / this.passes);
  }
}

/** y (rows x l) = A (rows x V, CSR) * x (V x l). */
function* mulA(m: TfIdfMatrix, x: Float64Array, l: number, rows: number, p: Passes): Steps<Float64Array> {
  const y = new Float64Array(rows * l);
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % p.chunk === 0) yield p.at(i, rows);
    for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) {
      const c = m.rowCols[j];
      const v = m.rowVals[j];
      for (let k = 0; k < l; k++) y[i * l + k] += v * x[c * l + k];
    }
  }
  p.pass++;
  return y;
}

/** z (V x l) = A^T (V x rows) * y (rows x l). */
function* mulAT(m: TfIdfMatrix, y: Float64Array, l: number, rows: number, cols: number, p: Passes): Steps<Float64Array> {
  const z = new Float64Array(cols * l);
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % p.chunk === 0) yield p.at(i, rows);
    for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) {
      const c = m.rowCols[j];
      const v = m.rowVals[j];
      for (let k = 0; k < l; k++) z[c * l + k] += v * y[i * l + k];
    }
  }
  p.pass++;
  return z;
}

/**
 * The most dimensions the offline embedding of `catalog` can have: one per item or per
 * distinct feature (word, topic, creator), whichever is fewer (1 for a catalog without
 * text). A `dim` above it comes out smaller; the fit may give fewer still when items
 * share their text (the matrix's rank). Cheap: the TF-IDF matrix only, no SVD.
 */
export function offlineMaxDim(catalog: Catalog): number {
  return Math.max(1, Math.min(catalog.items.length, buildTfIdf(catalog.items).vocab.size));
}

/**
 * Fit the offline embedding of a catalog. Vectors are L2-normalised; dims beyond the
 * rank of the TF-IDF matrix (tiny catalogs) are dropped, so `dim` may come out smaller.
 */
export function fitOfflineEmbedding(catalog: Catalog, rng: Rng, opts: OfflineOptions = {}): OfflineEmbedding {
  return runSteps(fitSteps(catalog, rng, opts, CHUNK_ROWS));
}

/** How the chunked fit reports, pauses and stops. */
export interface ChunkedFitOptions extends OfflineOptions, ChunkedOptions {}

/**
 * `fitOfflineEmbedding` in chunks: the same vectors, with a pause, progress and a check of
 * the signal between chunks (on a large MovieLens catalog the one-go fit held the page's
 * thread for seconds with no progress and no way to stop it).
 */
export async function fitOfflineEmbeddingChunked(catalog: Catalog, rng: Rng, opts: ChunkedFitOptions = {}): Promise<OfflineEmbedding> {
  return runChunked(fitSteps(catalog, rng, opts, chunkRows(opts)), opts, 'offline embedding');
}

function* fitSteps(catalog: Catalog, rng: Rng, opts: OfflineOptions, chunk: number): Steps<OfflineEmbedding> {
  const items = catalog.items;
  const m = buildTfIdf(items);
  const rows = items.length;
  const cols = m.vocab.size;
  if (rows === 0 || cols === 0) {
    // Nothing to learn from (no items, or items without any text): one all-zero dimension.
    const empty = { vocab: m.vocab, idf: m.idf, basis: new Float64Array(0), dim: 1, singular: new Float64Array(1) };
    return { vectors: { catalogId: catalog.id, model: OFFLINE_MODEL, dim: 1, ids: items.map((i) => i.id), data: new Float32Array(rows) }, basis: empty };
  }
  const want = Math.max(1, Math.min(opts.dim ?? OFFLINE_DIM, rows, cols));
  const l = Math.min(want + (opts.oversample ?? 10), rows, cols);
  const power = opts.powerIterations ?? 4;
  // Passes: A, then (A^T, A) per power iteration, A^T once more, the Gram matrix, the basis, the item vectors.
  const p = new Passes(2 * power + 5, chunk);
  const omega = new Float64Array(cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal(rng);
  let y = yield* mulA(m, omega, l, rows, p);
  orthonormalizeColumns(y, rows, l);
  yield p.at(0, 1);
  for (let q = 0; q < power; q++) {
    const z = yield* mulAT(m, y, l, rows, cols, p);
    orthonormalizeColumns(z, cols, l);
    yield p.at(0, 1);
    y = yield* mulA(m, z, l, rows, p);
    orthonormalizeColumns(y, rows, l);
    yield p.at(0, 1);
  }
  // B^T = A^T Q (V x l); C = B B^T (l x l) = its Gram matrix; C = U diag(s^2) U^T.
  const bt = yield* mulAT(m, y, l, rows, cols, p);
  const c = new Float64Array(l * l);
  for (let f = 0; f < cols; f++) {
    if (f > 0 && f % chunk === 0) yield p.at(f, cols);
    const o = f * l;
    for (let a = 0; a < l; a++) {
      const va = bt[o + a];
      if (va === 0) continue;
      for (let b = a; b < l; b++) c[a * l + b] += va * bt[o + b];
    }
  }
  p.pass++;
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) c[a * l + b] = c[b * l + a];
  const { values, vectors: u } = symmetricEigen(c, l);
  yield p.at(0, 1);
  let dim = 0;
  while (dim < want && values[dim] > 1e-9 * Math.max(values[0], 1e-30)) dim++;
  dim = Math.max(dim, 1);
  const singular = new Float64Array(dim);
  for (let k = 0; k < dim; k++) singular[k] = Math.sqrt(Math.max(values[k], 0));
  // Right singular vectors V_k = B^T U_k / s_k (V x dim), sign fixed so the largest entry is positive.
  const basis = new Float64Array(cols * dim);
  for (let k = 0; k < dim; k++) {
    yield p.at(k, dim);
    const s = singular[k] || 1;
    let big = 0;
    for (let f = 0; f < cols; f++) {
      let v = 0;
      for (let a = 0; a < l; a++) v += bt[f * l + a] * u[a * l + k];
      v /= s;
      basis[f * dim + k] = v;
      if (Math.abs(v) > Math.abs(big)) big = v;
    }
    if (big < 0) for (let f = 0; f < cols; f++) basis[f * dim + k] = -basis[f * dim + k];
  }
  p.pass++;
  // Item vectors = A V_k, normalised.
  const data = new Float32Array(rows * dim);
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % chunk === 0) yield p.at(i, rows);
    for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) {
      const f = m.rowCols[j];
      const v = m.rowVals[j];
      for (let k = 0; k < dim; k++) data[i * dim + k] += v * basis[f * dim + k];
    }
  }
  p.pass++;
  normalizeRows(data, dim);
  return {
    vectors: { catalogId: catalog.id, model: OFFLINE_MODEL, dim, ids: items.map((i) => i.id), data },
    basis: { vocab: m.vocab, idf: m.idf, basis, dim, singular },
  };
}

/**
 * Project free text (an instruction, a query) into the embedding space. Each word counts
 * as itself and as a tag or topic of the same name where the catalog has one ("crab"
 * matches the title word and #crab). Null when no word is in the vocabulary.
 */
export function embedText(basis: OfflineBasis, text: string): Float32Array | null {
  const tf = new Map<number, number>();
  for (const w of tokenize(text)) {
    for (const key of [w, `tag:${w}`, `topic:${w}`]) {
      const c = basis.vocab.get(key);
      if (c !== undefined) tf.set(c, (tf.get(c) ?? 0) + 1);
    }
  }
  if (tf.size === 0) return null;
  const out = new Float32Array(basis.dim);
  for (const [c, f] of tf) {
    const w = (1 + Math.log(f)) * basis.idf[c];
    for (let k = 0; k < basis.dim; k++) out[k] += w * basis.basis[c * basis.dim + k];
  }
  let n = 0;
  for (const v of out) n += v * v;
  return n > 0 ? normalizeInPlace(out) : null;
}
