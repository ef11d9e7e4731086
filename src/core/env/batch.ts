/**
 * Batches: N users x M recommenders, each user for up to `sessionsPerUser` sessions.
 * Used by the CLI and the UI's batch worker. Pure and sequential (deterministic): each
 * recommender is fitted once, then meets every user in order; a recommender that
 * learns online (bandits) carries what it learned from one user to the next.
 *
 * Every user gets the same session seeds whatever the recommender (common random
 * numbers), so differences between recommenders are not noise from the seeds.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { buildCatalogIndex } from '../catalog/catalog-index';
import { hashString } from '../rng';
import type { UserSimulator, AbortLike } from '../simulator/simulator';
import type { Catalog, Context, Recommender, SessionMetrics, TrainingData, Trajectory, UserProfile } from '../types';
import type { RewardName } from './reward';
import { SessionError, type Transition } from './session-driver';
import { runUserSessions } from './user-sessions';
import { fitRng } from './fit-rng';

export interface BatchProgress {
  /** Users finished so far (over all recommenders). */
  done: number;
  /** Users x recommenders. */
  total: number;
  recommender: string;
  userId: string;
  /** Sessions run so far (over all recommenders and users). */
  sessions: number;
}

/** Where a trajectory or transition came from in the batch. */
export interface BatchPosition {
  recommender: string;
  userIndex: number;
  sessionIndex: number;
}

export interface BatchConfig {
  catalog: Catalog;
  index?: CatalogIndex;
  users: UserProfile[];
  /** The situation of each user's first session. */
  contextFor: (user: UserProfile) => Context;
  simulator: UserSimulator;
  recommenders: Recommender[];
  /** Training data for `fit` (default: the catalog and `users`); false: already fitted. */
  training?: TrainingData | false;
  seed: number;
  listSize: number;
  maxTurns: number;
  instructionsEnabled: boolean;
  reward?: RewardName;
  /** Sessions per user (default 1); later ones only when the user returns. */
  sessionsPerUser?: number;
  /** When false, users always return for all `sessionsPerUser` (default true: retention decides). */
  churn?: boolean;
  startedAt?: number;
  signal?: AbortLike;
  /** Keep trajectories in the result (default true; false for big runs that stream them). */
  keepTrajectories?: boolean;
  onProgress?: (p: BatchProgress) => void | Promise<void>;
  onTrajectory?: (t: Trajectory, where: BatchPosition) => void | Promise<void>;
  onStep?: (t: Transition, where: BatchPosition) => void;
}

export interface BatchRun {
  recommender: string;
  /** Per session, in order (users in order, their sessions in order). */
  metrics: SessionMetrics[];
  trajectories: Trajectory[];
  errors: { userId: string; message: string }[];
}

export interface BatchResult {
  runs: BatchRun[];
  /** True when the signal stopped the batch before the end. */
  stopped: boolean;
}

/** The seed of a user's first session in a batch seeded `seed` (independent of the recommender). */
export function userSeed(seed: number, user: Pick<UserProfile, 'id'>): number {
  return hashString(`${seed}|${user.id}`);
}

/** Run the batch. Failed sessions are recorded (endReason 'error') and the batch goes on. */
export async function runBatch(cfg: BatchConfig): Promise<BatchResult> {
  const index = cfg.index ?? buildCatalogIndex(cfg.catalog);
  const total = cfg.users.length * cfg.recommenders.length;
  const keep = cfg.keepTrajectories !== false;
  const training = cfg.training === undefined ? { catalog: cfg.catalog, users: cfg.users } : cfg.training;
  const runs: BatchRun[] = [];
  let done = 0;
  let sessions = 0;
  for (const recommender of cfg.recommenders) {
    if (cfg.signal?.aborted) return { runs, stopped: true };
    if (training) recommender.fit?.(training, fitRng(cfg.seed, recommender.name));
    const run: BatchRun = { recommender: recommender.name, metrics: [], trajectories: [], errors: [] };
    runs.push(run);
    for (let u = 0; u < cfg.users.length; u++) {
      if (cfg.signal?.aborted) return { runs, stopped: true };
      const user = cfg.users[u];
      let trajectories: Trajectory[];
      let sessionIndex = 0;
      const where = (): BatchPosition => ({ recommender: recommender.name, userIndex: u, sessionIndex });
      try {
        const res = await runUserSessions(
          {
            catalog: cfg.catalog,
            index,
            user,
            context: cfg.contextFor(user),
            simulator: cfg.simulator,
            recommender,
            seed: userSeed(cfg.seed, user),
            listSize: cfg.listSize,
            maxTurns: cfg.maxTurns,
            instructionsEnabled: cfg.instructionsEnabled,
            reward: cfg.reward,
            startedAt: cfg.startedAt,
            signal: cfg.signal,
            sessions: cfg.sessionsPerUser ?? 1,
            churn: cfg.churn,
            onStep: cfg.onStep ? (t) => cfg.onStep!(t, where()) : undefined,
          },
          (e) => {
            if (e.type === 'session_end') sessionIndex++;
          },
        );
        trajectories = res.trajectories;
      } catch (err) {
        if (!(err instanceof SessionError)) throw err;
        run.errors.push({ userId: user.id, message: err.message });
        trajectories = [err.trajectory];
      }
      for (let s = 0; s < trajectories.length; s++) {
        const t = trajectories[s];
        run.metrics.push(t.metrics);
        if (keep) run.trajectories.push(t);
        sessions++;
        await cfg.onTrajectory?.(t, { recommender: recommender.name, userIndex: u, sessionIndex: s });
      }
      done++;
      await cfg.onProgress?.({ done, total, recommender: recommender.name, userId: user.id, sessions });
    }
  }
  return { runs, stopped: false };
}
