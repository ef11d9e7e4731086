/**
 * Training `rl-policy` with REINFORCE and a baseline against the simulated users.
 *
 * One episode = one session of one training user (a seeded population variant of the
 * personas), the policy sampling its slates (Plackett-Luce). Its return G is
 * trajectory-level (objective.ts: return probability and session length by default) and
 * credits every slate of the session: theta += lr * Adam( (G - b) / s * sum_t grad log P(slate_t) ),
 * b and s a running mean and deviation of G (the baseline), averaged over a batch of
 * episodes. Evaluation: the greedy policy on held-out users (other variants, fixed by
 * `evalSeed`, never trained on), with the same session seeds as the baselines.
 *
 * Pure and seeded: the same config gives the same curve.
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { runBatch } from '../env/batch';
import { runSession } from '../env/runner';
import { meanCI, NON_NEGATIVE, PROBABILITY, type MeanCI } from '../metrics/summary';
import { intraListDiversity } from '../metrics/offline';
import { createRng, hashString } from '../rng';
import { simulators } from '../simulator/registry';
import type { Catalog, Item, Observation, Recommender, Rng, Slate, Trajectory, UserProfile } from '../types';
import { defaultContext } from '../users/context';
import { samplePopulation } from '../users/population';
import { D } from './features';
import { buildFeatureTables } from './features';
import { OBJECTIVES, type Objective } from './objective';
import { SlatePolicy, type PolicyJson } from './policy';
import { RlPolicyRecommender } from './rl-recommender';

export interface TrainConfig {
  catalog: Catalog;
  personas: UserProfile[];
  seed: number;
  /** Training users: the personas, then variants (default 200). */
  trainUsers?: number;
  /** Held-out evaluation users (default 100), drawn with `evalSeed`. */
  evalUsers?: number;
  /** Seed of the evaluation users and their sessions (default 1000: the same for every training seed). */
  evalSeed?: number;
  objective?: Objective;
  listSize?: number;
  maxTurns?: number;
  /** Adam step size (default 0.05). */
  learningRate?: number;
  /** Episodes per update (default 8). */
  batch?: number;
  /** Starting weights (default zeros: the uniform random policy). */
  init?: ArrayLike<number>;
}

/** One evaluation of a recommender on the held-out users. */
export interface EvalStats {
  reward: MeanCI;
  sessionSeconds: MeanCI;
  retention: MeanCI;
  watchSeconds: MeanCI;
  /** Mean intra-list diversity of every list shown. */
  diversity: number;
  /** Mean NDCG-free "interest hit": share of shown items in the user's declared top-3 topics (diagnostic). */
  sessions: number;
}

/** A point of the learning curve. */
export interface CurvePoint {
  episode: number;
  reward: number;
  sessionSeconds: number;
  retention: number;
  diversity: number;
  /** Mean return of the training episodes since the last point (the sampling policy). */
  trainReward: number;
}

function statsOf(trajectories: Trajectory[], index: CatalogIndex, objective: Objective): EvalStats {
  const m = trajectories.map((t) => t.metrics);
  let div = 0;
  let lists = 0;
  for (const t of trajectories) {
    for (const turn of t.turns) {
      const items = turn.slate.itemIds.map((id) => index.byId.get(id)).filter((x): x is Item => !!x);
      if (items.length < 2) continue;
      div += intraListDiversity(items);
      lists++;
    }
  }
  return {
    reward: meanCI(m.map(OBJECTIVES[objective].fn)),
    sessionSeconds: meanCI(m.map((x) => x.sessionSec), 0.95, NON_NEGATIVE),
    retention: meanCI(m.map((x) => x.returnProbability), 0.95, PROBABILITY),
    watchSeconds: meanCI(m.map((x) => x.watchSec), 0.95, NON_NEGATIVE),
    diversity: lists ? div / lists : 0,
    sessions: m.length,
  };
}

/** Sampling wrapper used during training: records the gradient of each slate's log-probability. */
class SamplingRecommender implements Recommender {
  readonly name = 'rl-policy-training';
  readonly followsInstructions = false;
  readonly grad = new Float64Array(D);
  constructor(private readonly policy: SlatePolicy) {}
  recommend(obs: Observation, k: number, rng: Rng): Slate {
    const { positions, candidates } = this.policy.act(obs, k, rng);
    this.policy.slateGradient(positions, candidates, this.grad);
    const items = this.policy.tables.index.catalog.items;
    return { itemIds: positions.map((p) => items[p].id) };
  }
}

export class Trainer {
  readonly index: CatalogIndex;
  readonly policy: SlatePolicy;
  readonly trainUsers: UserProfile[];
  readonly evalUsers: UserProfile[];
  readonly objective: Objective;
  /** Episodes trained so far. */
  episode = 0;
  private readonly cfg: TrainConfig;
  private readonly rng: Rng;
  private readonly m = new Float64Array(D);
  private readonly v = new Float64Array(D);
  private readonly acc = new Float64Array(D);
  private inBatch = 0;
  private updates = 0;
  private baseline = 0;
  private spread = 1;
  private seen = 0;
  private recent: number[] = [];

  constructor(cfg: TrainConfig) {
    this.cfg = cfg;
    this.index = buildCatalogIndex(cfg.catalog);
    this.policy = new SlatePolicy(buildFeatureTables(this.index), cfg.init);
    this.objective = cfg.objective ?? 'blend';
    this.rng = createRng(cfg.seed).fork('rl-train');
    const nTrain = Math.max(cfg.personas.length, cfg.trainUsers ?? 200);
    this.trainUsers = cfg.personas.concat(samplePopulation(cfg.personas, nTrain - cfg.personas.length, createRng(cfg.seed).fork('rl-train-users')));
    this.evalUsers = samplePopulation(cfg.personas, cfg.evalUsers ?? 100, createRng(cfg.evalSeed ?? 1000).fork('rl-eval-users'));
  }

  private get listSize(): number {
    return this.cfg.listSize ?? 6;
  }

  private get maxTurns(): number {
    return this.cfg.maxTurns ?? 8;
  }

  /** Train one episode; returns its return G. */
  async trainEpisode(): Promise<number> {
    const user = this.trainUsers[this.rng.int(this.trainUsers.length)];
    const rec = new SamplingRecommender(this.policy);
    const t = await runSession({
      catalog: this.cfg.catalog,
      index: this.index,
      user,
      context: defaultContext(user),
      simulator: simulators.get('rule-based').create(),
      recommender: rec,
      seed: hashString(`${this.cfg.seed}/episode/${this.episode}`),
      listSize: this.listSize,
      maxTurns: this.maxTurns,
      instructionsEnabled: true,
    });
    const g = OBJECTIVES[this.objective].fn(t.metrics);
    // Running baseline and scale of returns (after a few episodes, so early updates are not huge).
    this.seen++;
    const a = this.seen < 20 ? 1 / this.seen : 0.05;
    const adv = this.seen > 1 ? (g - this.baseline) / Math.max(1e-3, this.spread) : 0;
    this.baseline += a * (g - this.baseline);
    this.spread += a * (Math.abs(g - this.baseline) - this.spread);
    for (let j = 0; j < D; j++) this.acc[j] += adv * rec.grad[j];
    this.inBatch++;
    this.episode++;
    this.recent.push(g);
    if (this.inBatch >= (this.cfg.batch ?? 8)) this.update();
    return g;
  }

  /** One Adam ascent step on the accumulated gradient. */
  private update(): void {
    const lr = this.cfg.learningRate ?? 0.05;
    const b1 = 0.9;
    const b2 = 0.999;
    this.updates++;
    for (let j = 0; j < D; j++) {
      const g = this.acc[j] / this.inBatch - 1e-3 * this.policy.theta[j];
      this.m[j] = b1 * this.m[j] + (1 - b1) * g;
      this.v[j] = b2 * this.v[j] + (1 - b2) * g * g;
      const mh = this.m[j] / (1 - Math.pow(b1, this.updates));
      const vh = this.v[j] / (1 - Math.pow(b2, this.updates));
      this.policy.theta[j] += (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
    this.acc.fill(0);
    this.inBatch = 0;
  }

  /** Evaluate a recommender (default: the greedy current policy) on the held-out users. */
  async evaluate(rec?: Recommender): Promise<EvalStats> {
    const r = rec ?? new RlPolicyRecommender({ policy: this.policy.toJson() });
    const res = await runBatch({
      catalog: this.cfg.catalog,
      index: this.index,
      users: this.evalUsers,
      contextFor: defaultContext,
      simulator: simulators.get('rule-based').create(),
      recommenders: [r],
      training: { catalog: this.cfg.catalog, users: this.trainUsers },
      seed: this.cfg.evalSeed ?? 1000,
      listSize: this.listSize,
      maxTurns: this.maxTurns,
      instructionsEnabled: true,
      keepTrajectories: true,
    });
    const run = res.runs[0];
    if (run.errors.length) throw new Error(`Evaluation of ${r.name} failed: ${run.errors[0].message}`);
    return statsOf(run.trajectories, this.index, this.objective);
  }

  /** Evaluate now and return the curve point (resets the training-return window). */
  async point(): Promise<CurvePoint> {
    const s = await this.evaluate();
    const trainReward = this.recent.length ? this.recent.reduce((x, y) => x + y, 0) / this.recent.length : 0;
    this.recent = [];
    return {
      episode: this.episode,
      reward: round(s.reward.mean),
      sessionSeconds: round(s.sessionSeconds.mean),
      retention: round(s.retention.mean),
      diversity: round(s.diversity),
      trainReward: round(trainReward),
    };
  }

  toJson(): PolicyJson {
    return this.policy.toJson({ episodes: this.episode, seed: this.cfg.seed, objective: this.objective, catalog: this.cfg.catalog.id, listSize: this.listSize, maxTurns: this.maxTurns });
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
