import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../src/core/types';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { returnModel, sessionQuality } from '../../../src/core/simulator/retention';
import { EVENING, makeCatalog, maya } from './fixtures';

function summary(over: Partial<SessionSummary>): SessionSummary {
  return {
    sessionIndex: 0, startedAt: 0, durationSec: 600, itemsViewed: 20, watchSec: 500, endReason: 'time_up',
    finalSatisfaction: 0.8, topTopics: [], tiredTopics: [], instructions: [], ...over,
  };
}

describe('retention model', () => {
  it('predicts a higher return probability and a shorter interval after a good session', () => {
    const good = returnModel([summary({})]);
    const bad = returnModel([summary({ durationSec: 40, watchSec: 5, endReason: 'left_silent', finalSatisfaction: 0.2 })]);
    expect(good.returnProbability).toBeGreaterThan(bad.returnProbability);
    expect(good.returnAfterHours).toBeLessThan(bad.returnAfterHours);
    for (const r of [good, bad]) {
      expect(r.returnProbability).toBeGreaterThan(0);
      expect(r.returnProbability).toBeLessThan(1);
      expect(r.returnAfterHours).toBeGreaterThan(0);
    }
  });

  it('weighs the most recent session most and has a neutral prior', () => {
    const good = summary({});
    const bad = summary({ durationSec: 60, watchSec: 10, endReason: 'left_silent', finalSatisfaction: 0.25 });
    expect(returnModel([bad, good]).returnProbability).toBeGreaterThan(returnModel([good, bad]).returnProbability);
    expect(returnModel([])).toEqual({ returnProbability: 0.5, returnAfterHours: 24 });
    expect(sessionQuality(summary({ durationSec: 1200 }))).toBeGreaterThan(sessionQuality(summary({ durationSec: 60 })));
  });

  it('follows the simulated sessions: a loved feed retains better than an off-interest one', () => {
    const catalog = makeCatalog();
    const sim = createRuleBasedSimulator();
    const run = (topics: string[]) => {
      const memory = emptyMemory('maya');
      const s = sim.startSession({ user: maya(), context: EVENING, memory, catalog, rng: createRng(9), instructionsEnabled: false });
      const items = catalog.items.filter((i) => topics.includes(i.topic));
      let k = 0;
      for (const it of items) {
        const d = s.decide(it, k++, 0);
        if (d.actions.includes('leave')) break;
      }
      s.end('left_silent');
      return returnModel(memory.sessions);
    };
    expect(run(['ufc', 'fishing', 'boxing']).returnProbability).toBeGreaterThan(run(['hairstyling', 'makeup', 'cooking']).returnProbability);
  });
});
