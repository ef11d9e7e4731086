/**
 * Sparse TF-IDF item vectors over title, description, tags, topic, subtopic and creator,
 * with an inverted index for fast scoring of one user vector against the whole catalog.
 *
 * Fields are prefixed (`tag:`, `topic:`, ...) so a tag "ufc" and the word "ufc" in a title
 * are different features, and weighted: the curated fields (topic, tags) say more about
 * an item than free text does.
 */
import type { Item } from '../types';
import { topKMasked } from './top-k';

const STOPWORDS = new Set(
  'the a an and or but of to in on at for with from by is are was were be been it its this that these those as into out up down over under about after before than then so very just not no yes you your our their his her she he they we i me my mine what when where who how why all any some more most less new one two three can will would could should has have had do does did here there'.split(
    ' ',
  ),
);

/** Field weights (term frequency multipliers). */
const FIELD_WEIGHT = { topic: 3, subtopic: 2, tag: 2, creator: 1.5, title: 1, text: 0.5 } as const;

/** Lower-case word tokens of free text, without stopwords and very short words. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length >= 3 && !STOPWORDS.has(raw)) out.push(raw);
  }
  return out;
}

/** Weighted raw features of one item: feature name -> term frequency. */
export function itemTerms(item: Item): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (key: string, w: number): void => {
    tf.set(key, (tf.get(key) ?? 0) + w);
  };
  if (item.topic) add(`topic:${item.topic}`, FIELD_WEIGHT.topic);
  if (item.subtopic) add(`sub:${item.topic}/${item.subtopic}`, FIELD_WEIGHT.subtopic);
  for (const tag of item.tags) if (tag) add(`tag:${tag.toLowerCase()}`, FIELD_WEIGHT.tag);
  if (item.creator) add(`creator:${item.creator}`, FIELD_WEIGHT.creator);
  for (const w of tokenize(item.title)) add(w, FIELD_WEIGHT.title);
  for (const w of tokenize(item.description)) add(w, FIELD_WEIGHT.text);
  return tf;
}

/** L2-normalised TF-IDF rows (CSR) plus the transposed postings for scoring. */
export interface TfIdfMatrix {
  /** Feature name -> column. */
  vocab: Map<string, number>;
  /** Inverse document frequency per column. */
  idf: Float64Array;
  /** Row i's entries are rowCols/rowVals[rowPtr[i] .. rowPtr[i+1]). */
  rowPtr: Int32Array;
  rowCols: Int32Array;
  rowVals: Float64Array;
  /** Column c's postings are postRows/postVals[colPtr[c] .. colPtr[c+1]). */
  colPtr: Int32Array;
  postRows: Int32Array;
  postVals: Float64Array;
}

/** Build TF-IDF vectors for every item, in catalog order. */
export function buildTfIdf(items: readonly Item[]): TfIdfMatrix {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const rows: { cols: number[]; tf: number[] }[] = [];
  for (const item of items) {
    const cols: number[] = [];
    const tf: number[] = [];
    for (const [term, f] of itemTerms(item)) {
      let c = vocab.get(term);
      if (c === undefined) {
        c = vocab.size;
        vocab.set(term, c);
        df.push(0);
      }
      df[c]++;
      cols.push(c);
      tf.push(f);
    }
    rows.push({ cols, tf });
  }
  const n = items.length;
  const idf = new Float64Array(vocab.size);
  for (let c = 0; c < idf.length; c++) idf[c] = Math.log((1 + n) / (1 + df[c])) + 1;
  let nnz = 0;
  for (const r of rows) nnz += r.cols.length;
  const rowPtr = new Int32Array(n + 1);
  const rowCols = new Int32Array(nnz);
  const rowVals = new Float64Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    rowPtr[i] = k;
    let norm = 0;
    const start = k;
    for (let j = 0; j < r.cols.length; j++) {
      const v = (1 + Math.log(r.tf[j])) * idf[r.cols[j]];
      rowCols[k] = r.cols[j];
      rowVals[k] = v;
      norm += v * v;
      k++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = start; j < k; j++) rowVals[j] /= norm;
  });
  rowPtr[n] = k;
  // Transpose (postings), rows ascending inside each column.
  const colPtr = new Int32Array(vocab.size + 1);
  for (let j = 0; j < nnz; j++) colPtr[rowCols[j] + 1]++;
  for (let c = 0; c < vocab.size; c++) colPtr[c + 1] += colPtr[c];
  const fill = colPtr.slice(0, vocab.size);
  const postRows = new Int32Array(nnz);
  const postVals = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let j = rowPtr[i]; j < rowPtr[i + 1]; j++) {
      const c = rowCols[j];
      postRows[fill[c]] = i;
      postVals[fill[c]] = rowVals[j];
      fill[c]++;
    }
  }
  return { vocab, idf, rowPtr, rowCols, rowVals, colPtr, postRows, postVals };
}

/** A sparse vector: parallel column and value arrays. */
export interface SparseVector {
  cols: number[];
  vals: number[];
}

/**
 * Weighted sum of item rows (a user profile), L2-normalised, truncated to the
 * `maxTerms` entries of largest magnitude (keeps scoring cost bounded).
 */
export function combineRows(
  m: TfIdfMatrix,
  rows: readonly number[],
  weights: readonly number[],
  extra?: Map<number, number>,
  maxTerms = 96,
): SparseVector {
  const acc = new Map<number, number>(extra ?? []);
  for (let r = 0; r < rows.length; r++) {
    const w = weights[r];
    if (w === 0) continue;
    const i = rows[r];
    for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) {
      acc.set(m.rowCols[j], (acc.get(m.rowCols[j]) ?? 0) + w * m.rowVals[j]);
    }
  }
  let entries = [...acc.entries()].filter(([, v]) => v !== 0);
  if (entries.length > maxTerms) {
    entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
    entries = entries.slice(0, maxTerms);
  }
  let norm = 0;
  for (const [, v] of entries) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return { cols: entries.map((e) => e[0]), vals: entries.map((e) => e[1] / norm) };
}

/** scores[i] += scale x cosine(v, row i) for every item (via the postings). */
export function addCosineScores(m: TfIdfMatrix, v: SparseVector, scores: Float64Array, scale = 1): void {
  for (let t = 0; t < v.cols.length; t++) {
    const c = v.cols[t];
    const w = v.vals[t] * scale;
    for (let j = m.colPtr[c]; j < m.colPtr[c + 1]; j++) scores[m.postRows[j]] += w * m.postVals[j];
  }
}

/** The row of item i as a sparse vector. */
export function rowVector(m: TfIdfMatrix, i: number): SparseVector {
  const cols: number[] = [];
  const vals: number[] = [];
  for (let j = m.rowPtr[i]; j < m.rowPtr[i + 1]; j++) {
    cols.push(m.rowCols[j]);
    vals.push(m.rowVals[j]);
  }
  return { cols, vals };
}

/**
 * The `k` items most cosine-similar to item i (excluding i), best first, with their
 * similarities. Only items sharing a feature with i are touched; `acc` (length n, all
 * zeros) and `seen` (length n, all zeros) are scratch buffers, left zeroed on return.
 */
export function cosineNeighbours(
  m: TfIdfMatrix,
  i: number,
  k: number,
  acc: Float64Array,
  seen: Uint8Array,
): { items: number[]; sims: number[] } {
  const touched: number[] = [];
  for (let a = m.rowPtr[i]; a < m.rowPtr[i + 1]; a++) {
    const c = m.rowCols[a];
    const w = m.rowVals[a];
    for (let j = m.colPtr[c]; j < m.colPtr[c + 1]; j++) {
      const r = m.postRows[j];
      if (!seen[r]) {
        seen[r] = 1;
        touched.push(r);
      }
      acc[r] += w * m.postVals[j];
    }
  }
  const sims = touched.map((r) => (r === i ? -Infinity : acc[r]));
  for (const r of touched) {
    acc[r] = 0;
    seen[r] = 0;
  }
  const best = topKMasked(sims, k, new Uint8Array(sims.length), 0).filter((b) => sims[b] > 0);
  return { items: best.map((b) => touched[b]), sims: best.map((b) => sims[b]) };
}
