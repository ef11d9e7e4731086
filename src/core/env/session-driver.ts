/**
 * The session driver behind `runSession` and `runUserSessions`: drives a recommender against the environment and emits typed
 * events for the UI (environment.ts `SessionEvent`), in this order per session:
 *
 *   session_start
 *   per list:  list, [reply], per item: item_start, thought_delta*, decision,
 *              [leave, reflection, [instruction]]
 *   session_end (always, also for stopped and failed sessions)
 *
 * `reply` follows `list` when the slate carries a message after an instruction. Every
 * event is awaited, so the UI can pace, pause or step the run from its sink.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { createRng } from '../rng';
import type { AbortLike, UserSimulator } from '../simulator/simulator';
import type { UserMemory } from '../simulator/memory';
import type { Catalog, Context, Observation, Recommender, Rng, SessionSummary, Slate, Trajectory, UserProfile } from '../types';
import type { ReturnEstimate } from '../metrics/session-metrics';
import type { EventSink, StepInfo } from './environment';
import { RecoEnv } from './reco-env';
import type { RewardName } from './reward';

/** One session's configuration (interfaces.md). The recommender must already be fitted. */
export interface RunConfig {
  catalog: Catalog;
  index?: CatalogIndex;
  user: UserProfile;
  context: Context;
  simulator: UserSimulator;
  recommender: Recommender;
  seed: number;
  /** Items per list (the `k` passed to `recommend`). */
  listSize: number;
  /** Most lists per session. */
  maxTurns: number;
  instructionsEnabled: boolean;
  /** The user's memory, carried across sessions (fresh when absent). */
  memory?: UserMemory;
  reward?: RewardName;
  /** Epoch ms the session starts at (default `catalog.now`). */
  startedAt?: number;
  signal?: AbortLike;
  onThoughtDelta?: (turn: number, position: number, text: string) => void;
  /** Retention model for `metrics.returnProbability` (default: the simulator's `returnModel`). */
  retention?: (sessions: SessionSummary[]) => ReturnEstimate;
  /**
   * Id of the trajectory. Default `<recommender>/<user id>/<seed>/<session index>`, which is
   * the same for reruns with other settings: a store keyed by it should pass its own.
   */
  trajectoryId?: string;
  /** Called after every step with the Gym-style transition (the CLI's JSONL uses it). */
  onStep?: (t: Transition) => void;
}

/** One Gym-style transition: the observation the recommender acted on and what followed. */
export interface Transition {
  observation: Observation;
  action: Slate;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: StepInfo;
}

/** A failed session: the error, with the trajectory up to the failure (endReason 'error'). */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly trajectory: Trajectory,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

/** The recommender's random stream for a session seed (forked apart from the simulator's). */
export function recommenderRng(seed: number): Rng {
  return createRng(seed).fork('recommender');
}

/** The env a run config describes (one user, one simulator, the run's pacing hooks). */
export function makeEnv(cfg: RunConfig, onEvent?: EventSink): RecoEnv {
  return new RecoEnv({
    catalog: cfg.catalog,
    index: cfg.index,
    user: cfg.user,
    context: cfg.context,
    simulator: cfg.simulator,
    recommenderName: cfg.recommender.name,
    maxTurns: cfg.maxTurns,
    instructionsEnabled: cfg.instructionsEnabled,
    memory: cfg.memory,
    reward: cfg.reward,
    startedAt: cfg.startedAt,
    onEvent,
    signal: cfg.signal,
    onThoughtDelta: cfg.onThoughtDelta,
    retention: cfg.retention,
  });
}

/**
 * Drive one session on an existing env (shared by `runSession` and `runUserSessions`).
 * @internal
 */
export async function driveSession(
  env: RecoEnv,
  cfg: Pick<RunConfig, 'recommender' | 'user' | 'seed' | 'listSize' | 'signal' | 'onStep' | 'trajectoryId'> & {
    startedAt?: number;
    context?: Context;
  },
  onEvent?: EventSink,
): Promise<Trajectory> {
  const emit = async (e: Parameters<EventSink>[0]) => {
    if (onEvent) await onEvent(e);
  };
  const { recommender, seed } = cfg;
  recommender.resetSession?.(cfg.user.id);
  const rng = recommenderRng(seed);
  let { observation } = await env.reset({ seed, options: { startedAt: cfg.startedAt, context: cfg.context, trajectoryId: cfg.trajectoryId } });
  const start = env.mindsetNow();
  await emit({ type: 'session_start', trajectoryId: env.trajectory().id, userId: cfg.user.id, seed, ...(start ? { start } : {}) });
  try {
    for (;;) {
      if (cfg.signal?.aborted) {
        env.stop();
        break;
      }
      const slate = await recommender.recommend(observation, cfg.listSize, rng);
      if (cfg.signal?.aborted) {
        env.stop();
        break;
      }
      const turn = observation.turn;
      if (slate.itemIds.length > 0) {
        await emit({ type: 'list', turn, slate });
        if (slate.message && observation.instruction !== null) {
          await emit({ type: 'reply', turn, message: slate.message, slate });
        }
      }
      const r = await env.step(slate);
      cfg.onStep?.({ observation, action: slate, reward: r.reward, terminated: r.terminated, truncated: r.truncated, info: r.info });
      recommender.observe?.({ observation, slate, decisions: r.info.decisions });
      if (r.terminated || r.truncated) break;
      observation = r.observation;
    }
  } catch (err) {
    if (cfg.signal?.aborted) {
      // Cancellation surfacing as an AbortError from an async recommender: a stop, not a failure.
      const stopped = env.stop('stopped');
      await emit({ type: 'session_end', trajectory: stopped });
      return stopped;
    }
    const partial = env.stop('error');
    await emit({ type: 'session_end', trajectory: partial });
    throw new SessionError(`Session ${partial.id} failed: ${(err as Error)?.message ?? String(err)}`, partial, err);
  }
  const trajectory = env.trajectory();
  await emit({ type: 'session_end', trajectory });
  return trajectory;
}

