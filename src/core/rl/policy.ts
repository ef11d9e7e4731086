/**
 * A softmax (Plackett-Luce) slate policy over item-and-user features (features.ts):
 * logit(i) = theta . phi(obs, i). A slate of k is drawn without replacement with
 * probability prod_j exp(l_aj) / sum_{i in remaining_j} exp(l_i) (Gumbel top-k draws
 * exactly this), or taken greedily (top-k logits) when acting for evaluation.
 *
 * `slateGradient` is the exact gradient of the slate's log-probability:
 *   sum_j ( phi(a_j) - E_{p_j}[phi] ),
 * which REINFORCE multiplies by the advantage. (Chen et al. WSDM'19 correct the gradient
 * of a single-item softmax for a top-K slate drawn from it by lambda_K = K (1 - pi)^(K-1);
 * sampling the slate itself from the Plackett-Luce model and differentiating its exact
 * log-probability needs no such correction.)
 *
 * Candidates follow the built-ins' rules: never an item shown in this session; items in
 * the history only when fewer than k unseen items remain.
 */
import type { Observation, Rng } from '../types';
import { D, FEATURE_NAMES, fillFeatures, type FeatureTables } from './features';

/** A policy as JSON (static-data/rl-policy.json, IndexedDB, exports). */
export interface PolicyJson {
  format: 'recoworld-rl-policy';
  version: 1;
  features: string[];
  theta: number[];
  /** How it was trained (free-form, shown in the Train view). */
  meta?: Record<string, unknown>;
}

/** Read a policy from JSON, or a clear error naming what is wrong. */
export function parsePolicyJson(v: unknown): PolicyJson {
  const o = v as Partial<PolicyJson> | null;
  if (!o || typeof o !== 'object') throw new Error('Policy file: expected a JSON object');
  if (o.format !== 'recoworld-rl-policy') throw new Error('Policy file: "format" must be "recoworld-rl-policy"');
  if (o.version !== 1) throw new Error(`Policy file: version ${JSON.stringify(o.version)} is not supported (expected 1)`);
  if (!Array.isArray(o.features) || o.features.join() !== FEATURE_NAMES.join()) {
    throw new Error(`Policy file: "features" must be exactly [${FEATURE_NAMES.join(', ')}]`);
  }
  if (!Array.isArray(o.theta) || o.theta.length !== D || !o.theta.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new Error(`Policy file: "theta" must be ${D} finite numbers`);
  }
  return { format: o.format, version: 1, features: [...o.features], theta: [...o.theta], ...(o.meta ? { meta: o.meta } : {}) };
}

/** The policy's working buffers for one catalog. */
export class SlatePolicy {
  readonly theta: Float64Array;
  private readonly phi: Float64Array;
  private readonly logits: Float64Array;
  private readonly n: number;

  constructor(
    readonly tables: FeatureTables,
    theta?: ArrayLike<number>,
  ) {
    this.n = tables.items.topic.length;
    this.theta = new Float64Array(D);
    if (theta) this.theta.set(Array.from(theta).slice(0, D));
    this.phi = new Float64Array(this.n * D);
    this.logits = new Float64Array(this.n);
  }

  /** Candidate positions for `obs` and `k` (see the module comment). */
  private candidates(obs: Observation, k: number): number[] {
    const { index } = this.tables;
    const shown = new Set<number>();
    for (const id of obs.shown) {
      const p = index.position.get(id);
      if (p !== undefined) shown.add(p);
    }
    const hist = new Set<number>();
    for (const h of obs.history) {
      const p = index.position.get(h.itemId);
      if (p !== undefined && !shown.has(p)) hist.add(p);
    }
    const free: number[] = [];
    for (let i = 0; i < this.n; i++) if (!shown.has(i) && !hist.has(i)) free.push(i);
    return free.length >= k ? free : free.concat([...hist].sort((a, b) => a - b));
  }

  /** Features and logits of every item for `obs`. */
  private prepare(obs: Observation): void {
    fillFeatures(this.tables, obs, this.phi);
    const th = this.theta;
    for (let i = 0, o = 0; i < this.n; i++, o += D) {
      let s = 0;
      for (let j = 0; j < D; j++) s += th[j] * this.phi[o + j];
      this.logits[i] = s;
    }
  }

  /**
   * A slate of up to k catalog positions: sampled (Plackett-Luce via Gumbel top-k) when
   * `rng` is given, greedy otherwise. Ties break by catalog order.
   */
  act(obs: Observation, k: number, rng?: Rng): { positions: number[]; candidates: number[] } {
    this.prepare(obs);
    const cand = this.candidates(obs, k);
    const keyed = cand.map((i) => {
      let key = this.logits[i];
      if (rng) key += -Math.log(-Math.log(Math.max(1e-300, rng.next())));
      return { i, key };
    });
    keyed.sort((a, b) => b.key - a.key || a.i - b.i);
    return { positions: keyed.slice(0, Math.max(0, k)).map((x) => x.i), candidates: cand };
  }

  /**
   * Add the gradient of log P(slate) (exact Plackett-Luce, over `candidates`) to `grad`.
   * Must follow `act` for the same observation (uses its features and logits).
   */
  slateGradient(positions: readonly number[], candidates: readonly number[], grad: Float64Array): void {
    const phi = this.phi;
    let max = -Infinity;
    for (const i of candidates) max = Math.max(max, this.logits[i]);
    let z = 0;
    const s = new Float64Array(D);
    const w = new Map<number, number>();
    for (const i of candidates) {
      const e = Math.exp(this.logits[i] - max);
      w.set(i, e);
      z += e;
      for (let j = 0, o = i * D; j < D; j++) s[j] += e * phi[o + j];
    }
    for (const a of positions) {
      const o = a * D;
      for (let j = 0; j < D; j++) grad[j] += phi[o + j] - (z > 0 ? s[j] / z : 0);
      const e = w.get(a) ?? 0;
      z -= e;
      for (let j = 0; j < D; j++) s[j] -= e * phi[o + j];
    }
  }

  toJson(meta?: Record<string, unknown>): PolicyJson {
    return { format: 'recoworld-rl-policy', version: 1, features: [...FEATURE_NAMES], theta: Array.from(this.theta, (x) => Math.round(x * 1e6) / 1e6), ...(meta ? { meta } : {}) };
  }
}
