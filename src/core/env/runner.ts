/**
 * The session runner (interfaces.md): one session (`runSession`), several sessions of
 * one user with memory and retention (`runUserSessions`), and batches of users x
 * recommenders (`runBatch`). Event order and semantics: see session-driver.ts.
 */
import type { EventSink } from './environment';
import { driveSession, makeEnv, type RunConfig } from './session-driver';
import type { Trajectory } from '../types';

export { SessionError, recommenderRng, type RunConfig, type Transition } from './session-driver';
export { runUserSessions, type UserSessionsConfig, type UserSessionsResult } from './user-sessions';
export { runBatch, type BatchConfig, type BatchResult, type BatchProgress } from './batch';

/**
 * Run one session and return its trajectory. A stopped run (signal aborted) resolves
 * with endReason 'stopped' and the turns so far; a failed one rejects with a
 * `SessionError` carrying the partial trajectory (endReason 'error').
 */
export async function runSession(cfg: RunConfig, onEvent?: EventSink): Promise<Trajectory> {
  const env = makeEnv(cfg, onEvent);
  return driveSession(env, cfg, onEvent);
}
