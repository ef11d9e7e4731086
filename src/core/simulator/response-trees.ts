/**
 * Gradient-boosted regression trees on top of the engagement logistic regression
 * (movie-response.ts): the linear model over as-of features saturates (squared terms did
 * not help), and a few shallow trees capture the interactions (a popular movie matters
 * less to a user who watches obscure ones, co-occurrence matters more for heavy raters).
 * Fitted on the tuning split only (response-fit / fidelity-protocol), starting from the
 * logistic regression's logit, class-balanced, on the features plus that logit.
 *
 * A tree of depth D is one flat array of numbers (so weights stay plain JSON): for each of
 * the 2^D - 1 internal nodes in heap order, [feature, threshold] (feature -1: always left),
 * then the 2^D leaf values (already scaled by the learning rate).
 */

export interface TreeOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** Leaf ridge (on the hessian sum). */
  lambda: number;
  /** Candidate thresholds per feature (quantiles of the training values). */
  bins: number;
  /** Fewest rows in a child (hessian-weighted rows are not used: plain counts). */
  minRows: number;
}

export const DEFAULT_TREE_OPTIONS: TreeOptions = Object.freeze({ trees: 60, depth: 3, learningRate: 0.1, lambda: 10, bins: 32, minRows: 40 });

/** Sum of the trees' outputs for a feature vector. */
export function treeScore(trees: readonly (readonly number[])[], x: readonly number[]): number {
  let s = 0;
  for (const t of trees) {
    const internal = (t.length - 1) / 3;
    let node = 0;
    while (node < internal) {
      const f = t[2 * node];
      node = 2 * node + (f >= 0 && x[f] >= t[2 * node + 1] ? 2 : 1);
    }
    s += t[2 * internal + (node - internal)];
  }
  return s;
}

/**
 * Boost `opts.trees` trees on rows X (labels y in {0, 1}) from the starting logits `f0`
 * (class-balanced logistic loss, Newton leaves). Deterministic.
 */
export function fitTrees(X: number[][], y: number[], f0: number[], opts: TreeOptions = DEFAULT_TREE_OPTIONS): number[][] {
  const n = X.length;
  if (!n) return [];
  const p = X[0].length;
  const cuts: number[][] = [];
  for (let f = 0; f < p; f++) {
    const v = X.map((x) => x[f]).sort((a, b) => a - b);
    const c = new Set<number>();
    for (let q = 1; q < opts.bins; q++) c.add(v[Math.floor((q / opts.bins) * n)]);
    cuts.push([...c].sort((a, b) => a - b));
  }
  // Bin index of every value (first cut above it), so a split search is a histogram pass.
  const bin = cuts.map((c, f) => Int32Array.from(X, (x) => {
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (x[f] >= c[m]) lo = m + 1;
      else hi = m;
    }
    return lo;
  }));
  let pos = 0;
  for (const v of y) pos += v;
  const wPos = pos > 0 ? n / (2 * pos) : 1;
  const wNeg = n - pos > 0 ? n / (2 * (n - pos)) : 1;
  const F = Float64Array.from(f0);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const internal = (1 << opts.depth) - 1;
  const trees: number[][] = [];
  for (let m = 0; m < opts.trees; m++) {
    for (let i = 0; i < n; i++) {
      const pr = 1 / (1 + Math.exp(-F[i]));
      const w = y[i] ? wPos : wNeg;
      g[i] = w * (pr - y[i]);
      h[i] = w * pr * (1 - pr);
    }
    const t = new Array<number>(2 * internal + internal + 1).fill(0);
    const grow = (idx: number[], node: number): void => {
      let G = 0;
      let H = 0;
      for (const i of idx) (G += g[i]), (H += h[i]);
      if (node >= internal) {
        t[2 * internal + node - internal] = (-G / (H + opts.lambda)) * opts.learningRate;
        return;
      }
      let best = 0;
      let bf = -1;
      let bb = 0;
      for (let f = 0; f < p; f++) {
        const nb = cuts[f].length + 1;
        const GL = new Float64Array(nb);
        const HL = new Float64Array(nb);
        const CL = new Int32Array(nb);
        const bf_ = bin[f];
        for (const i of idx) (GL[bf_[i]] += g[i]), (HL[bf_[i]] += h[i]), CL[bf_[i]]++;
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += GL[b];
          hl += HL[b];
          cl += CL[b];
          if (cl < opts.minRows || idx.length - cl < opts.minRows) continue;
          const gain = (gl * gl) / (hl + opts.lambda) + ((G - gl) * (G - gl)) / (H - hl + opts.lambda) - (G * G) / (H + opts.lambda);
          if (gain > best) (best = gain), (bf = f), (bb = b);
        }
      }
      t[2 * node] = bf;
      if (bf < 0) {
        grow(idx, 2 * node + 1);
        grow([], 2 * node + 2);
        return;
      }
      // Values in bins <= bb go left: x < cuts[bb].
      t[2 * node + 1] = cuts[bf][bb];
      grow(idx.filter((i) => bin[bf][i] <= bb), 2 * node + 1);
      grow(idx.filter((i) => bin[bf][i] > bb), 2 * node + 2);
    };
    grow(Array.from({ length: n }, (_, i) => i), 0);
    trees.push(t);
    for (let i = 0; i < n; i++) F[i] += treeScore([t], X[i]);
  }
  return trees;
}
