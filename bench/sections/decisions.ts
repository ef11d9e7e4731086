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
import { pairedReference } from './reference';

export const title = 'Rule-based simulator decisions';

interface Measured {
  perSecond: number;
  withSessions: number;
  decisions: number;
  sessions: number;
  /** Reference dot products per second, measured in step with the decisions. */
  pairedReference: number;
  /** Median over batches of (this batch's decisions per second / the next reference chunk's rate). */
  perReference: number;
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
  const ref = pairedReference();
  let refMs = 0;
  const t0 = now();
  let elapsed = 0;
  const pairRatios: number[] = [];
  while (elapsed - refMs < budgetMs) {
    const batchStart = now();
    const batchDecisions = decisions;
    const batchDecideMs = decideMs;
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
    // As long on the reference as this batch took: both see the same machine.
    const r0 = now();
    const chunkRate = ref.run(r0 - batchStart);
    refMs += now() - r0;
    const ms = decideMs - batchDecideMs;
    if (ms > 0) pairRatios.push((decisions - batchDecisions) / (ms / 1000) / chunkRate);
    elapsed = now() - t0;
  }
  elapsed -= refMs;
  return {
    perSecond: Math.round(decisions / (decideMs / 1000)),
    withSessions: Math.round(decisions / (elapsed / 1000)),
    decisions,
    sessions,
    pairedReference: Math.round(ref.rate()),
    perReference: pairRatios.sort((a, b) => a - b)[Math.floor(pairRatios.length / 2)] ?? NaN,
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
    // The headline ratio, measured in step (bench.ts adds around-the-section ratios for all).
    decisionsPerPairedReference: Number(scalars.perReference.toPrecision(3)),
    pairedReferenceDotsPerSecond: scalars.pairedReference,
  };
}
