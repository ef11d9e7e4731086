/**
 * decisionsPerSecond: rule-based item decisions per second on one core (Node is one
 * thread), reasons kept as codes ('scalars' snapshots). Sessions run back to back over
 * shuffled built-in items; the figure times the `decide` calls (one clock read per
 * session, not per call). `decisionsPerSecondWithSessions` also counts starting,
 * reflecting and ending the sessions; `...FullSnapshots` is the default mode that copies
 * the whole mindset into every decision (what the UI and stored sessions use).
 */
import { createRng, shuffle } from '../../src/core/rng';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../src/core/simulator/rule-based';
import { defaultContext } from '../../src/core/users/context';
import type { Item } from '../../src/core/types';
import { builtinWorld, now, round, type SectionResult } from './common';

export const title = 'Rule-based simulator decisions';

interface Measured {
  perSecond: number;
  withSessions: number;
  decisions: number;
  sessions: number;
}

async function measure(snapshots: 'scalars' | 'full', budgetMs: number): Promise<Measured> {
  const { catalog, personas } = await builtinWorld();
  const sim = createRuleBasedSimulator({ snapshots });
  const rng = createRng(1);
  const orders: Item[][] = Array.from({ length: 16 }, () => shuffle(rng, catalog.items.slice()));
  const contexts = personas.map(defaultContext);
  let decisions = 0;
  let sessions = 0;
  let decideMs = 0;
  const t0 = now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let batch = 0; batch < 50; batch++) {
      const u = sessions % personas.length;
      const user = personas[u];
      const s = sim.startSession({
        user, context: contexts[u], memory: emptyMemory(user.id), catalog, rng: rng.fork(`s${sessions}`), instructionsEnabled: true,
      });
      const items = orders[sessions % orders.length];
      const td = now();
      for (let i = 0; i < items.length; i++) {
        const d = s.decide(items[i], i % 10, Math.floor(i / 10)) as { actions: string[] };
        decisions++;
        if (d.actions[d.actions.length - 1] === 'leave') {
          break;
        }
      }
      decideMs += now() - td;
      s.reflect();
      s.end('left_silent');
      sessions++;
    }
    elapsed = now() - t0;
  }
  return {
    perSecond: Math.round(decisions / (decideMs / 1000)),
    withSessions: Math.round(decisions / (elapsed / 1000)),
    decisions,
    sessions,
  };
}

export async function run(): Promise<SectionResult> {
  await measure('scalars', 300); // warm-up (JIT)
  const scalars = await measure('scalars', 2000);
  const full = await measure('full', 1500);
  return {
    decisionsPerSecond: scalars.perSecond,
    decisionsPerSecondWithSessions: scalars.withSessions,
    decisionsPerSecondFullSnapshots: full.perSecond,
    decisionsMeasured: scalars.decisions,
    meanDecisionsPerSession: round(scalars.decisions / scalars.sessions, 1),
  };
}
