/**
 * Semantic IDs by residual k-means (RQ-KMeans): level 1 clusters the item vectors, each
 * next level clusters what the previous levels left unexplained (the residuals), so an
 * item's code (c1, c2, ..., cL) is coarse-to-fine and items sharing a prefix are alike.
 * Items that still share all L codes get a last digit (0, 1, ...) so every code is unique.
 * Each prefix is labelled with the top TF-IDF terms of its items.
 * `fitSemanticIdsChunked` is the same fit with a pause, progress and a stop between chunks
 * (the Items view's, on the page); `fitSemanticIds` runs it in one go.
 */
import { buildTfIdf, type TfIdfMatrix } from '../recommenders/text-features';
import type { Item, Rng } from '../types';
import { kmeansSteps } from './kmeans';
import { CHUNK_ROWS, chunkRows, mapSteps, runChunked, runSteps, type ChunkedOptions, type Steps } from './steps';
import type { ItemVectors } from './vectors';

export interface SidOptions {
  levels?: number;
  /** Codes per level. */
  k?: number;
  /** Balanced assignment (default true: it uses the codes far more evenly on the built-in feed). */
  balanced?: boolean;
}

/** Per-level figures. */
export interface SidLevelStats {
  level: number;
  /** Distinct codes used at this level / k. */
  used: number;
  k: number;
  /** Entropy of this level's code distribution, bits (max log2 k). */
  entropyBits: number;
  /** Mean squared norm of the residual after this level (0 = perfect reconstruction). */
  reconstructionMse: number;
}

export interface SemanticIds {
  catalogId: string;
  model: string;
  levels: number;
  k: number;
  ids: string[];
  /** items x levels, row-major: the RQ codes. */
  codes: Int32Array;
  /** Collision digit per item: -1 when the L-level code is unique, else 0, 1, ... */
  suffix: Int32Array;
  /** Codebooks per level: k x dim each. */
  codebooks: Float64Array[];
  dim: number;
  stats: SidLevelStats[];
  /** Share of items whose L-level code is shared with another item. */
  collisionRate: number;
  /** Distinct L-level codes (before the collision digit). */
  distinctCodes: number;
  /** Prefix key ("3", "3-1", "3-1-7") -> label terms. */
  labels: Map<string, string[]>;
}

/** A default shape for n items: 3 levels of ceil(cbrt n) codes (9 x 9 x 9 for the 729-item feed). */
export function defaultSidShape(n: number): { levels: number; k: number } {
  if (n <= 16) return { levels: 1, k: Math.max(2, n) };
  if (n <= 100) return { levels: 2, k: Math.max(2, Math.ceil(Math.sqrt(n))) };
  return { levels: 3, k: Math.min(256, Math.ceil(Math.cbrt(n) - 1e-9)) };
}

/** The code of item i as a string: "3-1-7", or "3-1-7-0" when the suffix digit is needed. */
export function sidString(s: SemanticIds, i: number): string {
  const parts: number[] = [];
  for (let l = 0; l < s.levels; l++) parts.push(s.codes[i * s.levels + l]);
  if (s.suffix[i] >= 0) parts.push(s.suffix[i]);
  return parts.join('-');
}

/** Prefix key of item i at depth `depth` (1..levels). */
export function sidPrefix(s: SemanticIds, i: number, depth: number): string {
  const parts: number[] = [];
  for (let l = 0; l < depth; l++) parts.push(s.codes[i * s.levels + l]);
  return parts.join('-');
}

function entropyBits(counts: Map<number, number>, n: number): number {
  let h = 0;
  for (const c of counts.values()) if (c > 0) h -= (c / n) * Math.log2(c / n);
  return h;
}

/** Fit semantic IDs on a catalog's vectors. `items` (same order as `vectors.ids`) feed the labels. */
export function fitSemanticIds(vectors: ItemVectors, items: readonly Item[] | null, rng: Rng, opts: SidOptions = {}): SemanticIds {
  return runSteps(sidSteps(vectors, items, rng, opts, CHUNK_ROWS));
}

/** How the chunked fit reports, pauses and stops (as the offline embedding's). */
export interface ChunkedSidOptions extends SidOptions, ChunkedOptions {}

/**
 * `fitSemanticIds` in chunks: the same codes, codebooks and labels, with a pause, progress
 * and a check of the signal between chunks (on a large MovieLens catalog the one-go fit
 * held the page's thread with no progress and no way to stop it).
 */
export async function fitSemanticIdsChunked(vectors: ItemVectors, items: readonly Item[] | null, rng: Rng, opts: ChunkedSidOptions = {}): Promise<SemanticIds> {
  return runChunked(sidSteps(vectors, items, rng, opts, chunkRows(opts)), opts, 'semantic-ID fit');
}

function* sidSteps(vectors: ItemVectors, items: readonly Item[] | null, rng: Rng, opts: SidOptions, chunk: number): Steps<SemanticIds> {
  const n = vectors.ids.length;
  const shape = defaultSidShape(n);
  const levels = Math.max(1, Math.floor(opts.levels ?? shape.levels));
  const k = Math.max(2, Math.floor(opts.k ?? shape.k));
  const dim = vectors.dim;
  // Work: each level's k-means, then (with items) the labels, as one more share.
  const parts = levels + (items ? 1 : 0);
  const residual = Float64Array.from(vectors.data);
  const codes = new Int32Array(n * levels);
  const codebooks: Float64Array[] = [];
  const stats: SidLevelStats[] = [];
  for (let l = 0; l < levels; l++) {
    const res = yield* mapSteps(kmeansSteps(residual, n, dim, k, rng.fork(`level-${l}`), { balanced: opts.balanced ?? true, chunkRows: chunk }), (f) => (l + 0.95 * f) / parts);
    const book = new Float64Array(k * dim);
    book.set(res.centroids);
    codebooks.push(book);
    const counts = new Map<number, number>();
    let mse = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % chunk === 0) yield (l + 0.95 + (0.05 * i) / n) / parts;
      const c = res.assign[i];
      codes[i * levels + l] = c;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      for (let d = 0; d < dim; d++) {
        residual[i * dim + d] -= book[c * dim + d];
        mse += residual[i * dim + d] ** 2;
      }
    }
    stats.push({ level: l + 1, used: counts.size, k, entropyBits: entropyBits(counts, n), reconstructionMse: n ? mse / n : 0 });
  }
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = Array.from(codes.subarray(i * levels, (i + 1) * levels)).join('-');
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const suffix = new Int32Array(n).fill(-1);
  let collided = 0;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    collided += g.length;
    g.forEach((i, r) => (suffix[i] = r));
  }
  const s: SemanticIds = {
    catalogId: vectors.catalogId,
    model: vectors.model,
    levels,
    k,
    ids: [...vectors.ids],
    codes,
    suffix,
    codebooks,
    dim,
    stats,
    collisionRate: n ? collided / n : 0,
    distinctCodes: groups.size,
    labels: new Map(),
  };
  if (items) {
    yield levels / parts;
    s.labels = yield* mapSteps(labelSteps(s, items, buildTfIdf(items), chunk), (f) => (levels + f) / parts);
  }
  return s;
}

/** Human name of a TF-IDF feature ("tag:crab" -> "#crab", "topic:ufc" -> "ufc"). */
function featureName(f: string): string {
  if (f.startsWith('tag:')) return `#${f.slice(4)}`;
  if (f.startsWith('creator:')) return `@${f.slice(8)}`;
  if (f.startsWith('sub:')) return f.slice(f.indexOf('/') + 1);
  if (f.startsWith('topic:')) return f.slice(6);
  return f;
}

/**
 * Label every prefix with its items' top 3 terms: summed TF-IDF weight inside the prefix,
 * skipping terms that already label the parent (so children say what sets them apart).
 */
export function labelPrefixes(s: SemanticIds, items: readonly Item[], m: TfIdfMatrix = buildTfIdf(items)): Map<string, string[]> {
  return runSteps(labelSteps(s, items, m, CHUNK_ROWS));
}

function* labelSteps(s: SemanticIds, items: readonly Item[], m: TfIdfMatrix, chunk: number): Steps<Map<string, string[]>> {
  const names: string[] = [];
  for (const [f, c] of m.vocab) names[c] = featureName(f);
  const members = new Map<string, number[]>();
  for (let i = 0; i < s.ids.length; i++) {
    if (i > 0 && i % chunk === 0) yield (0.2 * i) / s.ids.length;
    for (let depth = 1; depth <= s.levels; depth++) {
      const key = sidPrefix(s, i, depth);
      const g = members.get(key);
      if (g) g.push(i);
      else members.set(key, [i]);
    }
  }
  const labels = new Map<string, string[]>();
  const keys = [...members.keys()].sort((a, b) => a.split('-').length - b.split('-').length || (a < b ? -1 : 1));
  // A prefix's labels sum its items' rows: a chunk is about `chunk` items' worth.
  let work = 0;
  const total = s.ids.length * s.levels;
  let counted = 0;
  for (const key of keys) {
    if (work >= chunk) {
      work = 0;
      yield 0.2 + (0.8 * counted) / Math.max(1, total);
    }
    const size = members.get(key)!.length;
    work += size;
    counted += size;
    const acc = new Map<number, number>();
    for (const i of members.get(key)!) for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) acc.set(m.rowCols[j], (acc.get(m.rowCols[j]) ?? 0) + m.rowVals[j]);
    const parent = key.includes('-') ? new Set(labels.get(key.slice(0, key.lastIndexOf('-'))) ?? []) : new Set<string>();
    const top: string[] = [];
    for (const [c] of [...acc.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
      const name = names[c];
      if (parent.has(name) || top.includes(name)) continue;
      top.push(name);
      if (top.length === 3) break;
    }
    labels.set(key, top);
  }
  return labels;
}
