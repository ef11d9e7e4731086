/**
 * `npm run evaluate -- --protocol fidelity --dataset DIR [--seeds 3] [--ratio 1|3|9] [--json]`:
 * the fidelity protocol (src/core/eval/fidelity-protocol.ts) on a MovieLens folder, with
 * the rule-based simulator and its response model fitted as of each user's cut-off. The
 * JSON keeps the names of issue 8: the headline figures are the TEST split's at the chosen
 * ratio (mean over seeds), `tuning` holds the same figures on the tuning split.
 */
import { importMovieLens } from '../core/catalog/movielens';
import { defaultUserCap, runFidelityProtocol, type EngageReport, type SplitReport } from '../core/eval/fidelity-protocol';
import { fidelityGoals } from '../core/eval/fidelity-goals';
import { SESSION_RECOMMENDERS, movieSessionStats, sessionSample } from '../core/eval/fidelity-sessions';
import { createRng } from '../core/rng';
import { attachResponseModel } from '../core/simulator/movie-response';
import { buildRatingLog } from '../core/simulator/rating-log';
import { buildResponseModel } from '../core/simulator/response-fit';
import type { UserSimulator } from '../core/simulator/simulator';
import { createRuleBasedSimulator } from '../core/simulator/rule-based';
import { readDatasetFolder } from './read-dataset';

export interface FidelityCliOptions {
  dataset: string;
  seed: number;
  seeds: number;
  ratio: number;
  maxUsers?: number;
  bootstrap?: number;
  /** A simulator to use instead of the rule-based one (the LLM); no response model then. */
  simulator?: UserSimulator;
  /** Run the MovieLens session statistics (default true with the rule-based simulator). */
  sessions?: boolean;
  /** The rule-based simulator without the response model (the previous movie model), for comparison. */
  noResponseModel?: boolean;
  onProgress?: (stage: string, done: number, total: number) => void;
}

const r4 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x);

/** Round every number of a JSON-able value to 4 decimals. */
export function round4<T>(v: T): T {
  if (typeof v === 'number') return r4(v) as T;
  if (Array.isArray(v)) return v.map(round4) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round4(x)])) as T;
  return v;
}

/** The flat names for one split at one ratio. */
export function headline(s: SplitReport, ratio: number): Record<string, unknown> {
  const e = s.byRatio[String(ratio)] as EngageReport;
  const { roc: _roc, byPopularity: _bands, ...engage } = e;
  const first = s.byRatio[Object.keys(s.byRatio)[0]];
  return {
    users: s.users,
    ...engage,
    ratios: Object.fromEntries(Object.entries(s.byRatio).map(([k, v]) => [k, { auc: v.auc, balancedAccuracy: v.balancedAccuracy, accuracy: v.accuracy, precision: v.precision, recall: v.recall, f1: v.f1, baselines: v.baselines, margin: v.margin }])),
    taste: s.taste,
    rating: s.rating,
    calibration: { ...s.calibration, perUser: undefined },
    goals: fidelityGoals(s),
    /** AUC by the liked movie's number of ratings before the cut-off, at the first ratio (fidelity-popularity.ts). */
    byPopularity: first?.byPopularity,
  };
}

/** Run the protocol; returns the JSON object of the CLI. */
/** The dataset gave nothing to measure (no user qualifies): said in one line, not as a crash. */
export class NoFiguresError extends Error {
  override name = 'NoFiguresError';
}

export async function evaluateFidelityProtocol(o: FidelityCliOptions): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  // A full release takes minutes before the first user: say which stage it is in.
  o.onProgress?.('importing', 0, 1);
  const { catalog, users, layout } = importMovieLens(await readDatasetFolder(o.dataset));
  o.onProgress?.('importing', 1, 1);
  const seeds = Array.from({ length: o.seeds }, (_, k) => o.seed + k);
  const model = o.simulator || o.noResponseModel ? null : buildResponseModel(catalog, users, createRng(o.seed).fork('response-model'), { onProgress: (d, t) => o.onProgress?.('fitting the response model', d, t) });
  const log = model ? model.log : buildRatingLog(users);
  const fitSeconds = (performance.now() - t0) / 1000;
  const sim = o.simulator ?? createRuleBasedSimulator({ snapshots: 'scalars' });
  // Full releases (ml-25m: 162,000 users) would take hours at one user every ~0.1 s per seed:
  // a seeded sample of DEFAULT_MAX_USERS (2,000) stands in unless --max-users says otherwise.
  const maxUsers = defaultUserCap(users.length, o.maxUsers);
  const rep = await runFidelityProtocol(catalog, users, log, sim, model, { seeds, maxUsers, bootstrap: o.bootstrap, onProgress: o.onProgress, summariseHistory: o.simulator ? 15 : undefined });
  if (rep.test.users < 1 || rep.tuning.users < 1) {
    throw new NoFiguresError(`no figures: ${rep.test.users + rep.tuning.users} user(s) qualify, at least 2 are needed (one per split). A user qualifies with a held-out movie rated >= 4 that someone had rated before the user's cut-off.`);
  }
  // Sessions of 50 real users with three recommenders, under the response model and without
  // it (the previous movie model), to show how sessions end and whether the ranking moves.
  let sessions: Record<string, unknown> | undefined;
  if (model && o.sessions !== false) {
    const sample = sessionSample(users, createRng(o.seed).fork('sessions'));
    const recs = [...SESSION_RECOMMENDERS];
    attachResponseModel(catalog, null);
    const previous = await movieSessionStats(catalog, sample, sim, recs, o.seed);
    attachResponseModel(catalog, model);
    const response = await movieSessionStats(catalog, sample, sim, recs, o.seed);
    sessions = { users: sample.length, responseModel: response, previousModel: previous };
  }
  return round4({
    protocol: 'fidelity',
    simulator: rep.simulator,
    layout,
    split: 'test',
    ratio: o.ratio,
    seeds,
    ...headline(rep.test, o.ratio),
    tuning: { split: 'tuning', ...headline(rep.tuning, o.ratio) },
    charts: {
      roc: rep.perSeed[0]?.test.byRatio[String(rep.ratios[0])]?.roc,
      reliability: rep.test.calibration.bins,
      perUser: rep.perSeed[0]?.test.calibration.perUser,
    },
    responseModel: model !== null,
    userCap: maxUsers ?? null,
    fallbackShare: rep.fallbackShare,
    sessions,
    weights: model?.weights,
    notes: 'Headline figures: test split (users not used to fit anything), mean over seeds; margin.ci95: envelope of the per-seed paired bootstrap intervals across users. Thresholds of the simulator and of every baseline are fitted on the tuning split.',
    fitSeconds,
  });
}
