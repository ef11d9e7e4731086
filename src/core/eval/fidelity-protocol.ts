/**
 * The fidelity protocol (issue 8; docs/evaluation.md "Fidelity"): can a simulated user,
 * knowing only what a real MovieLens user did before their cut-off, tell
 * (a) the movies that user went on to like from movies they never rated (1:1, 1:3, 1:9),
 * (b) their held-out likes (>= 4) from their held-out dislikes (taste), and
 * (c) what rating they gave (RMSE, MAE)?
 * Every figure stands beside baselines scored on the same items in the same run, all
 * computed as of each user's cut-off (rating-log.ts). Users are split (seeded) into a
 * tuning half and a test half: the response model's weights and every threshold
 * (simulator and baselines) are fitted on the tuning half; both halves are reported.
 * Repeated over seeds (new split, new negatives); figures are means over seeds.
 */
import { createRng, shuffle } from '../rng';
import { emptyMemory } from '../simulator/memory';
import { attachResponseModel, ratingInputs, type MovieResponseModel } from '../simulator/movie-response';
import { bestThreshold, fitLogistic, fitRidge } from '../simulator/response-fit';
import { fitTrees, treeScore } from '../simulator/response-trees';
import { linearScore } from '../simulator/linear-model';
import { globalMeanAsOf, itemAsOf, itemCountBetween, type RatingLog } from '../simulator/rating-log';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Item, ItemDecision, UserProfile } from '../types';
import { defaultContext } from '../users/context';
import { isEngaged } from './fidelity';
import { existence, userLists, type UserLists } from './fidelity-lists';
import { auc, bootstrapAucMargin, errors, orderByScore, pearson, rates, type Rates } from './fidelity-metrics';
import { aucByPopularity, type PopularityBand } from './fidelity-popularity';
import { averageReports, calibrationReport, rocPoints, type CalibrationReport } from './fidelity-report';

const YEAR_MS = 365.25 * 86_400_000;
/** Ridge strength of the rating correction (standardised inputs, a few thousand tuning ratings). */
const RATING_RIDGE = 50;

/**
 * On datasets with more users than this, the protocol's entry points (CLI, Fidelity worker)
 * sample this many qualifying users (seeded) unless told otherwise: a full release has
 * 160,000 users, and each costs tens of milliseconds per seed.
 */
export const DEFAULT_MAX_USERS = 2000;

/** The user cap an entry point passes when none was asked for. */
export function defaultUserCap(users: number, asked?: number): number | undefined {
  return asked ?? (users > DEFAULT_MAX_USERS ? DEFAULT_MAX_USERS : undefined);
}

export interface FidelityProtocolOptions {
  seeds: number[];
  ratios?: number[];
  /** Cap on qualifying users (a seeded sample); default all. */
  maxUsers?: number;
  listSize?: number;
  likeThreshold?: number;
  maxPositives?: number;
  maxRated?: number;
  bootstrap?: number;
  onProgress?: (stage: string, done: number, total: number) => void | Promise<void>;
  /**
   * Give the simulator a summary of the user's rated history in the profile's bio (the
   * last `n` rated movies with their ratings); for LLM simulators, which read the bio.
   */
  summariseHistory?: number;
  /** Checked between users: an aborted run throws an AbortError. */
  signal?: { readonly aborted: boolean };
}

export interface BaselineFigures { auc: number; balancedAccuracy: number; accuracy: number }
export interface Margin { auc: number; ci95: [number, number]; over: string }
export interface EngageReport extends Rates {
  items: number;
  positives: number;
  auc: number;
  baselines: Record<string, BaselineFigures>;
  margin: Margin;
  roc?: { simulator: [number, number][]; best: [number, number][] };
  /** AUC by the positives' number of earlier ratings (fidelity-popularity.ts); the first ratio only, like `roc`. */
  byPopularity?: Record<string, PopularityBand>;
}
export interface TasteReport { items: number; auc: number; balancedAccuracy: number; accuracy: number; baselines: Record<string, BaselineFigures>; margin: Margin }
export interface SplitReport {
  users: number;
  byRatio: Record<string, EngageReport>;
  taste: TasteReport;
  rating: { rmse: number; mae: number; baselineRmse: number; baselineMae: number };
  calibration: CalibrationReport;
}
export interface FidelityReport {
  simulator: string;
  seeds: number[];
  ratios: number[];
  test: SplitReport;
  tuning: SplitReport;
  perSeed: { seed: number; test: SplitReport; tuning: SplitReport }[];
  /** Share of decisions a fallback made (LLM simulators: the rule-based stand-in after a failed call). */
  fallbackShare: number;
}

/** One judged item: which split, user, label, the simulator's outputs and each baseline's score. */
interface Row { user: number; label: boolean; score: number; pred: boolean; rating: number; truth: number; base: Record<string, number> }

type Judge = (user: UserProfile, items: Item[], key: string, restartOnLeave: boolean) => Promise<(ItemDecision | null)[]>;

function makeJudge(catalog: Catalog, simulator: UserSimulator, listSize: number, seed: number, count: { decisions: number; fallbacks: number }): Judge {
  const root = createRng(seed);
  return async (user, items, key, restartOnLeave) => {
    const out: (ItemDecision | null)[] = [];
    let l = 0;
    for (let i = 0; i < items.length; ) {
      const session = simulator.startSession({ user, context: defaultContext(user), memory: emptyMemory(user.id), catalog, rng: root.fork(`${key}:${user.id}:${l++}`), instructionsEnabled: false });
      const end = Math.min(items.length, i + listSize);
      let left = false;
      for (let p = 0; i < end; i++, p++) {
        if (left) {
          if (restartOnLeave) break;
          out.push(null);
          continue;
        }
        const d = await session.decide(items[i], p, 0);
        count.decisions++;
        if (d.fallback) count.fallbacks++;
        out.push(d);
        left = d.actions.includes('leave');
      }
      session.end(left ? 'left_silent' : 'no_instructions');
    }
    return out;
  };
}

/** Baseline scores of item i for user u as of the cut-off (never engage / always engage are constants). */
function baselineScores(log: RatingLog, u: number, i: number, t: number, userMean: number): Record<string, number> {
  const { count, sum } = itemAsOf(log, i, t);
  const mu = globalMeanAsOf(log, t);
  const itemMean = (sum + 10 * mu) / (count + 10);
  return {
    neverEngage: 0,
    alwaysEngage: 1,
    popularity: itemCountBetween(log, i, t - YEAR_MS, t),
    numRatings: count,
    itemMean,
    userItemMean: userMean + itemMean - mu,
  };
}

const ENGAGE_BASELINES = ['neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean'];
const TASTE_BASELINES = ['neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean', 'userItemMean'];

function judgeFigures(rows: Row[], tuning: Row[], names: string[], users: number, reps: number, seed: number, withRoc: boolean) {
  const labels = rows.map((r) => r.label);
  const scores = rows.map((r) => r.score);
  const simAuc = auc(scores, labels);
  const baselines: Record<string, BaselineFigures> = {};
  let best = '';
  let bestAuc = -1;
  for (const n of names) {
    const s = rows.map((r) => r.base[n]);
    const thr = n === 'neverEngage' ? Infinity : n === 'alwaysEngage' ? -Infinity : bestThreshold(tuning.map((r) => r.base[n]), tuning.map((r) => r.label));
    const rr = rates(s.map((v) => v >= thr), labels);
    const a = auc(s, labels);
    baselines[n] = { auc: a, balancedAccuracy: rr.balancedAccuracy, accuracy: rr.accuracy };
    if (a > bestAuc) (bestAuc = a), (best = n);
  }
  const userOf = Int32Array.from(rows, (r) => r.user);
  const bestScores = rows.map((r) => r.base[best]);
  const ci95 = bootstrapAucMargin(scores, bestScores, labels, userOf, users, reps, createRng(seed).fork(`bootstrap:${names.length}:${rows.length}`));
  const roc = withRoc ? { simulator: rocPoints(scores, labels), best: rocPoints(bestScores, labels) } : undefined;
  // Every ranking baseline per band (never/always engage rank nothing): averaging seeds then compares like with like.
  const ranked = Object.fromEntries(names.filter((n) => n !== 'neverEngage' && n !== 'alwaysEngage').map((n) => [n, rows.map((r) => r.base[n])]));
  const byPopularity = withRoc ? aucByPopularity(scores, ranked, labels, rows.map((r) => r.base.numRatings)) : undefined;
  return { simAuc, baselines, margin: { auc: simAuc - bestAuc, ci95, over: best }, roc, byPopularity, labels };
}

/** Run the protocol. With a response model, its weights are refitted on each seed's tuning split. */
export async function runFidelityProtocol(catalog: Catalog, users: UserProfile[], log: RatingLog, simulator: UserSimulator, model: MovieResponseModel | null, o: FidelityProtocolOptions): Promise<FidelityReport> {
  const ratios = o.ratios ?? [1, 3, 9];
  const listOpts = { likeThreshold: o.likeThreshold ?? 4, maxPositives: o.maxPositives ?? 10, maxRatio: Math.max(...ratios), maxRated: o.maxRated ?? 20 };
  const ex = existence(log);
  const byId = new Map(catalog.items.map((it) => [it.id, it] as const));
  const profiles = new Map(users.map((p) => [p.id, p] as const));
  const reps = o.bootstrap ?? 1000;
  const perSeed: FidelityReport['perSeed'] = [];
  const count = { decisions: 0, fallbacks: 0 };
  for (const seed of o.seeds) {
    const rng = createRng(seed);
    let all: UserLists[] = [];
    for (let u = 0; u < log.userIds.length; u++) {
      const l = userLists(log, ex, u, listOpts, rng.fork(`lists:${log.userIds[u]}`));
      if (l && l.positives.every((i) => byId.has(log.itemIds[i]))) all.push(l);
    }
    all = shuffle(rng.fork('split'), all);
    if (o.maxUsers !== undefined) all = all.slice(0, o.maxUsers);
    const half = Math.ceil(all.length / 2);
    const split = { tuning: all.slice(0, half), test: all.slice(half) };
    if (model) fitModelWeights(model, log, split.tuning);
    if (model) attachResponseModel(catalog, model);
    const judge = makeJudge(catalog, simulator, o.listSize ?? 10, seed, count);
    const rowsOf = { tuning: {} as Record<string, Row[]>, test: {} as Record<string, Row[]> };
    const tasteOf = { tuning: [] as Row[], test: [] as Row[] };
    let done = 0;
    const total = all.length;
    for (const part of ['tuning', 'test'] as const) {
      for (let k = 0; k < split[part].length; k++) {
        const L = split[part][k];
        const full = profiles.get(L.userId) as UserProfile;
        const { heldOut: _hidden, ...shown } = full;
        const visible = o.summariseHistory ? { ...shown, bio: `${shown.bio} ${historySummary(shown, byId, o.summariseHistory)}`.trim() } : shown;
        const a = log.userStart[L.u];
        let um = 0;
        for (let q = a; q < a + log.historyLen[L.u]; q++) um += log.userRating[q];
        um /= Math.max(1, log.historyLen[L.u]);
        for (const ratio of ratios) {
          const ids = shuffle(rng.fork(`mix:${ratio}:${L.userId}`), [...L.positives.map((i) => ({ i, pos: true })), ...L.negatives.slice(0, ratio * L.positives.length).map((i) => ({ i, pos: false }))]);
          const ds = await judge(visible, ids.map((x) => byId.get(log.itemIds[x.i]) as Item), `engage:${ratio}`, false);
          const rows = (rowsOf[part][ratio] ??= []);
          ids.forEach((x, j) => {
            const d = ds[j];
            const item = byId.get(log.itemIds[x.i]) as Item;
            rows.push({ user: k, label: x.pos, score: d ? d.interest : -1, pred: d ? isEngaged(d, item) : false, rating: NaN, truth: NaN, base: baselineScores(log, L.u, x.i, L.cutoff, um) });
          });
        }
        const items = L.rated.map((i) => byId.get(log.itemIds[i])).filter((x): x is Item => !!x);
        const ds = await judge(visible, items, 'taste', true);
        L.rated.forEach((i, j) => {
          const d = ds[j];
          if (!d) return;
          const rating = d.rating ?? NaN;
          const likes = d.likes ?? (Number.isFinite(rating) ? rating >= listOpts.likeThreshold : d.actions.includes('like'));
          tasteOf[part].push({ user: k, label: L.ratings[j] >= listOpts.likeThreshold, score: Number.isFinite(rating) ? rating : d.interest, pred: likes, rating, truth: L.ratings[j], base: baselineScores(log, L.u, i, L.cutoff, um) });
        });
        await o.onProgress?.(`seed ${seed}`, ++done, total);
        if (o.signal?.aborted) throw Object.assign(new Error('Fidelity run cancelled'), { name: 'AbortError' });
      }
    }
    const report = (part: 'tuning' | 'test'): SplitReport => {
      const byRatio: Record<string, EngageReport> = {};
      for (const ratio of ratios) {
        const rows = rowsOf[part][ratio] ?? [];
        const f = judgeFigures(rows, rowsOf.tuning[ratio] ?? [], ENGAGE_BASELINES, split[part].length, reps, seed, ratio === ratios[0]);
        const rr = rates(rows.map((r) => r.pred), f.labels);
        byRatio[String(ratio)] = { items: rows.length, positives: f.labels.filter(Boolean).length, auc: f.simAuc, ...rr, baselines: f.baselines, margin: f.margin, roc: f.roc, ...(f.byPopularity ? { byPopularity: f.byPopularity } : {}) };
      }
      const T = tasteOf[part];
      const tf = judgeFigures(T, tasteOf.tuning, TASTE_BASELINES, split[part].length, reps, seed, false);
      const tr = rates(T.map((r) => r.pred), tf.labels);
      const rated = T.filter((r) => Number.isFinite(r.rating));
      const sim = errors(rated.map((r) => r.rating), rated.map((r) => r.truth));
      const base = errors(T.map((r) => r.base.userItemMean), T.map((r) => r.truth));
      return {
        users: split[part].length,
        byRatio,
        taste: { items: T.length, auc: tf.simAuc, balancedAccuracy: tr.balancedAccuracy, accuracy: tr.accuracy, baselines: tf.baselines, margin: tf.margin },
        rating: { rmse: rated.length ? sim.rmse : NaN, mae: rated.length ? sim.mae : NaN, baselineRmse: base.rmse, baselineMae: base.mae },
        calibration: calibrationReport(T),
      };
    };
    perSeed.push({ seed, test: report('test'), tuning: report('tuning') });
  }
  return {
    simulator: simulator.name,
    seeds: o.seeds,
    ratios,
    test: averageReports(perSeed.map((p) => p.test)),
    tuning: averageReports(perSeed.map((p) => p.tuning)),
    perSeed,
    fallbackShare: count.decisions ? count.fallbacks / count.decisions : 0,
  };
}

/** "Recently rated: Heat (1995) 4/5, ..." from the last `n` history entries (oldest first). */
export function historySummary(user: UserProfile, byId: Map<string, Item>, n: number): string {
  const parts = user.history.slice(-n).map((x) => `${byId.get(x.itemId)?.title ?? x.itemId}${x.rating !== undefined ? ` ${x.rating}/5` : ''}`);
  return parts.length ? `Recently rated: ${parts.join('; ')}.` : '';
}

/** Fit the engagement logistic regression and both thresholds on the tuning users' lists. */
export function fitModelWeights(model: MovieResponseModel, log: RatingLog, tuning: UserLists[]): void {
  const X: number[][] = [];
  const y: number[] = [];
  const rIn: number[][] = [];
  const rBase: number[] = [];
  const rTruth: number[] = [];
  for (const L of tuning) {
    const ur = model.user(L.userId);
    if (!ur) continue;
    for (const i of L.positives) (X.push(ur.featuresOf(log.itemIds[i]).x), y.push(1));
    for (const i of L.negatives) (X.push(ur.featuresOf(log.itemIds[i]).x), y.push(0));
    L.rated.forEach((i, j) => {
      const f = ur.featuresOf(log.itemIds[i]);
      rIn.push(ratingInputs(f.x, f.rating, ur.userMean, f.parts));
      rBase.push(f.rating);
      rTruth.push(L.ratings[j]);
    });
  }
  const fit = fitLogistic(X, y, 1);
  const logits = X.map((x) => linearScore(fit, x));
  // Boosted trees on the features plus the linear logit, from that logit (response-trees.ts).
  const trees = fitTrees(X.map((x, r) => [...x, logits[r]]), y, logits);
  const final = logits.map((z, r) => z + treeScore(trees, [...X[r], z]));
  // The fold-in rating, corrected by a ridge fit of its residual (taste +0.005 to +0.008
  // AUC, RMSE -0.004 on ml-latest-small's test users in a harness, seeds 42 and 43).
  const ratingCorrection = fitRidge(rIn, rTruth.map((r, k) => r - rBase[k]), RATING_RIDGE);
  const corrected = rIn.map((v, k) => linearScore(ratingCorrection, v, rBase[k]));
  model.weights = { engageMean: fit.mean, engageSd: fit.sd, engageW: fit.w, trees, engageThreshold: bestThreshold(final, y.map(Boolean)), likeThreshold: bestThreshold(corrected, rTruth.map((r) => r >= 4)), ratingCorrection };
}

export { orderByScore, pearson };
