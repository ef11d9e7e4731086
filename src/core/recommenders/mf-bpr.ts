/**
 * Matrix factorisation trained with BPR (Bayesian Personalised Ranking, Rendle et al. 2009)
 * on the training users' positive interactions: SGD over (user, liked item, random other
 * item) triples pushes the liked item's score above the other's. Item biases capture
 * popularity. Seeded initialisation and sampling; a bounded number of SGD steps.
 *
 * Users seen in training use their learned vector; their newer positives (this session)
 * nudge it. Users not in training get a fold-in vector: the strength-weighted mean of the
 * factors of the items they liked, scaled to the typical trained user's norm.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { normal } from '../rng';
import type { Observation, Rng, TrainingData } from '../types';
import { ScoringRecommender } from './base';
import { popularityArray, TIE_BREAK } from './content';
import { numOption } from './options';
import { interactionStrength, weightHistory } from './signals';
import { UserCache } from './user-cache';

export interface MfBprOptions {
  factors?: number;
  epochs?: number;
  learningRate?: number;
  regularization?: number;
  /** Upper bound on SGD steps, whatever the data size (keeps training time bounded). */
  maxSteps?: number;
  /** Lower bound on SGD steps (small data sets need more passes). */
  minSteps?: number;
}

export class MfBprRecommender extends ScoringRecommender {
  readonly name = 'mf-bpr';
  readonly factors: number;
  private readonly epochs: number;
  private readonly lr: number;
  private readonly reg: number;
  private readonly maxSteps: number;
  private readonly minSteps: number;
  /** Item factors, row-major (n x factors), and biases. */
  private itemF: Float64Array = new Float64Array(0);
  private itemB: Float64Array = new Float64Array(0);
  private userF = new Map<string, { vec: Float64Array; trainedLen: number }>();
  private meanUserNorm = 1;
  private popularity: Float64Array = new Float64Array(0);
  private readonly cache = new UserCache<Float64Array>();
  /** Mean BPR loss per epoch of the last `fit` (for tests and diagnostics). */
  lossHistory: number[] = [];

  constructor(options?: Record<string, unknown>) {
    super();
    this.factors = Math.round(numOption(options, 'factors', 32, 1, 256));
    this.epochs = Math.round(numOption(options, 'epochs', 30, 1, 1000));
    this.lr = numOption(options, 'learningRate', 0.05, 1e-5, 1);
    this.reg = numOption(options, 'regularization', 0.01, 0, 1);
    this.maxSteps = Math.round(numOption(options, 'maxSteps', 2_500_000, 1, 1e9));
    this.minSteps = Math.round(numOption(options, 'minSteps', 200_000, 0, 1e9));
  }

  protected train(data: TrainingData, index: CatalogIndex, rng: Rng): void {
    const n = data.catalog.items.length;
    const f = this.factors;
    const init = rng.fork('mf-bpr:init');
    const sample = rng.fork('mf-bpr:sample');
    this.popularity = popularityArray(index);
    this.cache.clear();
    this.userF.clear();
    this.itemF = new Float64Array(n * f);
    this.itemB = new Float64Array(n);
    for (let j = 0; j < this.itemF.length; j++) this.itemF[j] = normal(init, 0, 0.1);

    // Positives per user, sorted (binary search rejects sampled negatives that are positives).
    const users: { id: string; pos: Int32Array; len: number }[] = [];
    let nnz = 0;
    for (const u of data.users) {
      const set = new Set<number>();
      for (const it of u.history) {
        const p = index.position.get(it.itemId);
        if (p !== undefined && interactionStrength(it, data.catalog.items[p]) > 0) set.add(p);
      }
      if (set.size === 0 || set.size >= n) continue;
      const pos = Int32Array.from(set).sort();
      users.push({ id: u.id, pos, len: u.history.length });
      nnz += pos.length;
    }
    const U = users.length;
    const userVecs = new Float64Array(U * f);
    for (let j = 0; j < userVecs.length; j++) userVecs[j] = normal(init, 0, 0.1);
    // Flat (user, item) pairs: sampling a pair uniformly weights users by activity, as BPR does.
    const pairU = new Int32Array(nnz);
    const pairI = new Int32Array(nnz);
    let k = 0;
    users.forEach((u, ui) => {
      for (const p of u.pos) {
        pairU[k] = ui;
        pairI[k] = p;
        k++;
      }
    });

    this.lossHistory = [];
    if (nnz > 0) {
      const total = Math.min(this.maxSteps, Math.max(this.minSteps, this.epochs * nnz));
      const epochs = Math.max(1, Math.min(this.epochs, Math.ceil(total / nnz)));
      const perEpoch = Math.ceil(total / epochs);
      const { lr, reg } = this;
      const itemF = this.itemF;
      const itemB = this.itemB;
      for (let e = 0; e < epochs; e++) {
        let loss = 0;
        for (let s = 0; s < perEpoch; s++) {
          const pi = sample.int(nnz);
          const u = pairU[pi];
          const i = pairI[pi];
          const pos = users[u].pos;
          let j = sample.int(n);
          for (let t = 0; t < 5 && contains(pos, j); t++) j = sample.int(n);
          if (contains(pos, j)) continue;
          const uo = u * f;
          const io = i * f;
          const jo = j * f;
          let x = itemB[i] - itemB[j];
          for (let d = 0; d < f; d++) x += userVecs[uo + d] * (itemF[io + d] - itemF[jo + d]);
          // d/dx of ln sigmoid(x) = sigmoid(-x); loss = -ln sigmoid(x) = ln(1 + e^-x).
          const g = 1 / (1 + Math.exp(x));
          loss += x > 30 ? Math.exp(-x) : Math.log1p(Math.exp(-x));
          itemB[i] += lr * (g - reg * itemB[i]);
          itemB[j] += lr * (-g - reg * itemB[j]);
          for (let d = 0; d < f; d++) {
            const wu = userVecs[uo + d];
            const hi = itemF[io + d];
            const hj = itemF[jo + d];
            userVecs[uo + d] += lr * (g * (hi - hj) - reg * wu);
            itemF[io + d] += lr * (g * wu - reg * hi);
            itemF[jo + d] += lr * (-g * wu - reg * hj);
          }
        }
        this.lossHistory.push(loss / perEpoch);
      }
    }
    let normSum = 0;
    users.forEach((u, ui) => {
      const vec = userVecs.slice(ui * f, (ui + 1) * f);
      this.userF.set(u.id, { vec, trainedLen: u.len });
      normSum += Math.hypot(...vec);
    });
    this.meanUserNorm = U > 0 ? normSum / U : 1;
  }

  /** Model score of item i for a user vector (no exclusions). */
  itemScore(vec: Float64Array, i: number): number {
    const f = this.factors;
    let s = this.itemB[i];
    for (let d = 0; d < f; d++) s += vec[d] * this.itemF[i * f + d];
    return s;
  }

  /** The user's vector: trained (plus recent drift) or folded in from the history. */
  userVector(obs: Observation): Float64Array {
    const index = this.requireIndex();
    return this.cache.get(obs.userId, obs.history, () => {
      const f = this.factors;
      const trained = this.userF.get(obs.userId);
      // Trained users: fold in only what happened after training (the session so far).
      const hist = trained ? obs.history.slice(trained.trainedLen) : obs.history;
      const wh = weightHistory(hist, index, 200);
      const fold = new Float64Array(f);
      let wsum = 0;
      for (let h = 0; h < wh.items.length; h++) {
        const w = wh.weights[h];
        if (w <= 0) continue;
        const o = wh.items[h] * f;
        for (let d = 0; d < f; d++) fold[d] += w * this.itemF[o + d];
        wsum += w;
      }
      const norm = Math.hypot(...fold);
      if (norm > 0) for (let d = 0; d < f; d++) fold[d] *= this.meanUserNorm / norm;
      if (!trained) return fold;
      const out = trained.vec.slice();
      // Session drift: at most a third of the way towards the recent positives.
      const beta = wsum > 0 ? Math.min(1 / 3, wsum / 10) : 0;
      for (let d = 0; d < f; d++) out[d] = (1 - beta) * out[d] + beta * fold[d];
      return out;
    });
  }

  protected score(obs: Observation, _index: CatalogIndex, scores: Float64Array): void {
    const u = this.userVector(obs);
    const f = this.factors;
    const F = this.itemF;
    const B = this.itemB;
    const pop = this.popularity;
    for (let i = 0, o = 0; i < scores.length; i++, o += f) {
      let s = B[i] + TIE_BREAK * pop[i];
      for (let d = 0; d < f; d++) s += u[d] * F[o + d];
      scores[i] = s;
    }
  }
}

function contains(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Factory for the registry. */
export function createMfBpr(options?: Record<string, unknown>): MfBprRecommender {
  return new MfBprRecommender(options);
}
