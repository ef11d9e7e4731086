/**
 * Trajectory-level rewards of `rl-policy` training: one number per session, from its
 * metrics. Session length and watch time are scaled to 10-minute units so that they sit
 * next to the return probability in [0, 1].
 */
import type { SessionMetrics } from '../types';

export type Objective = 'retention' | 'session' | 'watch' | 'blend';

export const OBJECTIVES: Record<Objective, { label: string; description: string; fn: (m: SessionMetrics) => number }> = {
  blend: {
    label: 'Return probability + session length',
    description: 'Return probability plus session length in units of 10 minutes (the default).',
    fn: (m) => m.returnProbability + m.sessionSec / 600,
  },
  retention: { label: 'Return probability', description: "The simulator's probability that the user comes back.", fn: (m) => m.returnProbability },
  session: { label: 'Session length', description: 'Seconds in the session / 600.', fn: (m) => m.sessionSec / 600 },
  watch: { label: 'Watch time', description: 'Seconds watched / 600.', fn: (m) => m.watchSec / 600 },
};

export function isObjective(s: string): s is Objective {
  return s in OBJECTIVES;
}
