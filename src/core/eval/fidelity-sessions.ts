/**
 * How MovieLens sessions go with the response model (issue 8: "sessions behave like
 * sessions"): real users' visible profiles, each recommender, instructions on; the share
 * of sessions that end because the user was dissatisfied or bored, time ran out or the
 * turn limit hit, instructions given, and the action rates. Reported beside the fidelity
 * figures; nothing here is fitted.
 */
import { runBatch } from '../env/batch';
import { createRecommender } from '../recommenders/agentic';
import { shuffle } from '../rng';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Rng, UserProfile } from '../types';
import { defaultContext } from '../users/context';

/** The recommenders whose sessions are reported (a good list, a collaborative one, noise, a poor one for movies). */
export const SESSION_RECOMMENDERS: readonly string[] = Object.freeze(['popular', 'random', 'mf-bpr', 'content']);
/** How many real users' sessions are run. */
export const SESSION_USERS = 50;

/** The users whose sessions are run: a seeded sample of those with a held-out part. */
export function sessionSample(users: readonly UserProfile[], rng: Rng, n = SESSION_USERS): UserProfile[] {
  return shuffle(rng, users.filter((u) => (u.heldOut?.length ?? 0) > 0)).slice(0, n);
}

/** Session statistics of one recommender. */
export interface SessionStats {
  sessions: number;
  /** Share of sessions whose user left dissatisfied / bored (a 'leave' with that reason), or ran out of time. */
  leftDissatisfied: number;
  leftBored: number;
  timeUp: number;
  turnLimit: number;
  instructionsPerSession: number;
  itemsPerSession: number;
  /** Of the items shown: watched (not skipped), liked, skipped. */
  watchRate: number;
  likeRate: number;
  skipRate: number;
}

export async function movieSessionStats(catalog: Catalog, users: UserProfile[], simulator: UserSimulator, recommenders: string[], seed: number): Promise<Record<string, SessionStats>> {
  const visible = users.map(({ heldOut: _h, ...u }) => u as UserProfile);
  const res = await runBatch({
    catalog,
    users: visible,
    contextFor: defaultContext,
    simulator,
    recommenders: recommenders.map((r) => createRecommender(r)),
    seed,
    listSize: 6,
    maxTurns: 8,
    instructionsEnabled: true,
  });
  const out: Record<string, SessionStats> = {};
  for (const run of res.runs) {
    let dis = 0, bored = 0, time = 0, limit = 0, instr = 0, items = 0, watch = 0, like = 0, skip = 0;
    for (const t of run.trajectories) {
      const leaves = t.turns.flatMap((x) => x.decisions).filter((d) => d.actions.includes('leave'));
      const last = leaves[leaves.length - 1];
      if (t.endReason === 'time_up') time++;
      else if (t.endReason === 'turn_limit') limit++;
      else if (last?.reasons.includes('dissatisfied')) dis++;
      else if (last?.reasons.includes('bored')) bored++;
      instr += t.metrics.instructions;
      for (const turn of t.turns) {
        for (const d of turn.decisions) {
          items++;
          if (d.actions.includes('skip')) skip++;
          else if (d.actions.includes('watch')) watch++;
          if (d.actions.includes('like')) like++;
        }
      }
    }
    const n = Math.max(1, run.trajectories.length);
    const m = Math.max(1, items);
    out[run.recommender] = {
      sessions: run.trajectories.length,
      leftDissatisfied: dis / n,
      leftBored: bored / n,
      timeUp: time / n,
      turnLimit: limit / n,
      instructionsPerSession: instr / n,
      itemsPerSession: items / n,
      watchRate: watch / m,
      likeRate: like / m,
      skipRate: skip / m,
    };
  }
  return out;
}
