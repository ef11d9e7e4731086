/**
 * Several sessions of one user: the same memory (interaction-wise and session-wise) and
 * the same growing history carry from one session to the next, and the simulator's
 * retention model decides whether the user comes back and after how many hours (the
 * paper's retention signal: session length and the interval between sessions).
 */
import { createRng, hashString } from '../rng';
import type { UserMemory } from '../simulator/memory';
import { memoryFromHistory } from '../simulator/memory-ops';
import type { Context, Trajectory } from '../types';
import type { EventSink } from './environment';
import { driveSession, makeEnv, type RunConfig } from './session-driver';

export interface UserSessionsConfig extends RunConfig {
  /** Most sessions to run (the user may stop coming back before). */
  sessions: number;
  /**
   * When false, every session runs regardless of the return model (the gaps still use its
   * interval). Default true: a draw against the return probability decides.
   */
  churn?: boolean;
}

/** One gap between sessions, as the retention model saw it. */
export interface ReturnGap {
  afterSession: number;
  returnProbability: number;
  returnAfterHours: number;
  returned: boolean;
}

export interface UserSessionsResult {
  trajectories: Trajectory[];
  memory: UserMemory;
  gaps: ReturnGap[];
  /** True when the user did not come back before `sessions` were run. */
  churned: boolean;
}

/** Seed of the i-th session of a run seeded `seed`: the first session uses `seed` itself. */
export function sessionSeed(seed: number, i: number): number {
  return i === 0 ? seed : hashString(`${seed}/session/${i}`);
}

const HOUR_OF: Record<Context['timeOfDay'], number> = { morning: 9, afternoon: 14, evening: 19, night: 23 };

function timeOfDay(hour: number): Context['timeOfDay'] {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

/**
 * The context `hours` later: time of day and weekday move on (from a representative
 * hour of the starting time of day), device and location stay.
 */
export function advanceContext(base: Context, hours: number): Context {
  const total = HOUR_OF[base.timeOfDay] + Math.max(0, hours);
  const days = Math.floor(total / 24);
  return { ...base, timeOfDay: timeOfDay(Math.floor(total % 24)), dayOfWeek: (base.dayOfWeek + days) % 7 };
}

/**
 * Run up to `cfg.sessions` sessions of one user. Stops early when the user does not
 * return, or when a session was stopped. Events of all sessions go to `onEvent`.
 */
export async function runUserSessions(cfg: UserSessionsConfig, onEvent?: EventSink): Promise<UserSessionsResult> {
  const memory = cfg.memory ?? memoryFromHistory(cfg.user, cfg.catalog);
  const env = makeEnv({ ...cfg, memory }, onEvent);
  const draws = createRng(cfg.seed).fork('retention');
  const trajectories: Trajectory[] = [];
  const gaps: ReturnGap[] = [];
  let startedAt = cfg.startedAt ?? cfg.catalog.now;
  let hoursSinceStart = 0;
  let context = cfg.context;
  let churned = false;
  for (let i = 0; i < cfg.sessions; i++) {
    const trajectoryId = cfg.trajectoryId === undefined ? undefined : i === 0 ? cfg.trajectoryId : `${cfg.trajectoryId}/${i}`;
    const t = await driveSession(env, { ...cfg, seed: sessionSeed(cfg.seed, i), startedAt, context, trajectoryId }, onEvent);
    trajectories.push(t);
    if (i === cfg.sessions - 1 || t.endReason === 'stopped' || cfg.signal?.aborted) break;
    const { returnProbability, returnAfterHours } = t.metrics;
    const returned = cfg.churn === false || draws.next() < returnProbability;
    gaps.push({ afterSession: i, returnProbability, returnAfterHours, returned });
    if (!returned) {
      churned = true;
      break;
    }
    const gapHours = t.metrics.sessionSec / 3600 + returnAfterHours;
    startedAt += Math.round(gapHours * 3_600_000);
    hoursSinceStart += gapHours;
    context = advanceContext(cfg.context, hoursSinceStart);
  }
  return { trajectories, memory, gaps, churned };
}
