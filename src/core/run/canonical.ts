/**
 * A trajectory reduced to what the run decided, as canonical JSON: each list's items and,
 * per item, the user's actions, watch seconds and interest; each instruction's text; the
 * end reason. Two entry points ran the same run when these texts are equal (timings,
 * ids and recorded mindset snapshots are left out: they are bookkeeping, not decisions).
 */
import type { Trajectory } from '../types';
import { canonicalJson } from './description';

/** The decisions of a trajectory as plain data. */
export function trajectoryDecisions(t: Trajectory): unknown {
  return {
    userId: t.userId,
    recommender: t.recommender,
    seed: t.seed,
    endReason: t.endReason,
    turns: t.turns.map((turn) => ({
      items: turn.slate.itemIds,
      decisions: turn.decisions.map((d) => ({ item: d.itemId, actions: d.actions, watchSec: Math.round(d.watchSec * 1000) / 1000, interest: Math.round(d.interest * 1e6) / 1e6 })),
      instruction: turn.reflection?.instruction?.text ?? null,
      reward: Math.round(turn.reward * 1e6) / 1e6,
    })),
  };
}

/** Canonical JSON of `trajectoryDecisions(t)`. */
export function canonicalTrajectory(t: Trajectory): string {
  return canonicalJson(trajectoryDecisions(t));
}
