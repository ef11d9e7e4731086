/**
 * Fidelity of the rule-based simulator on movies (issue 5's protocol, src/core/eval/fidelity.ts):
 * on a seeded MovieLens-like world (movie-fixture.ts) the simulated users must tell the movies
 * their real counterparts went on to like from random unseen ones clearly better than chance,
 * and be selective (engage with a minority of random movies). An optional check on the real
 * ml-latest-small (skipped when absent) holds the measured 1:1 accuracy to a floor.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/cli/read-dataset';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { evaluateFidelity } from '../../../src/core/eval/fidelity';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import type { UserSimulator } from '../../../src/core/simulator/simulator';
import { movieWorldCsv } from './movie-fixture';

const sim = () => createRuleBasedSimulator({ snapshots: 'scalars' });

/** A stub that engages with everything: the protocol's chance level at 1:1. */
const engageAll: UserSimulator = {
  name: 'engage-all',
  startSession: () => ({
    mindset: { satisfaction: 1, timeLeftSec: 1e9, boredom: 0, interests: {}, fatigue: {} },
    decide: (item, position) => ({ itemId: item.id, position, actions: ['watch'], watchSec: 1, reasons: [], interest: 1, mindsetNote: 'neutral', mindset: { satisfaction: 1, timeLeftSec: 1e9, boredom: 0, interests: {}, fatigue: {} } }),
    reflect: () => ({ reasons: [], instruction: null }),
    end: (reason) => ({ sessionIndex: 0, startedAt: 0, durationSec: 0, itemsViewed: 0, watchSec: 0, endReason: reason, finalSatisfaction: 1, topTopics: [], tiredTopics: [], instructions: [] }),
  }),
};

describe('movie fidelity on a seeded MovieLens-like world', () => {
  const { catalog, users } = importMovieLens(movieWorldCsv());

  it('is well above chance at 1:1 and selective with random movies', async () => {
    const chance = await evaluateFidelity(catalog, users, engageAll, { ratio: 1, seed: 3 });
    expect(chance.accuracy).toBeCloseTo(0.5, 5);
    const r = await evaluateFidelity(catalog, users, sim(), { ratio: 1, seed: 3 });
    expect(r.users).toBeGreaterThan(40);
    // Measured 0.73 / 0.78 / 0.63 (the simulator before the movie taste model: 0.50 / 0.50 / 0.77).
    expect(r.accuracy).toBeGreaterThan(0.66);
    expect(r.precision).toBeGreaterThan(0.68);
    expect(r.recall).toBeGreaterThan(0.55);
  });

  it('engages with few random movies, so accuracy holds up at 1:9', async () => {
    const r = await evaluateFidelity(catalog, users, sim(), { ratio: 9, seed: 3 });
    const fpr = r.fp / r.negatives;
    // Measured 0.16 / 0.65 / 0.82 (before: 0.70 / 0.79 / 0.35).
    expect(fpr).toBeLessThan(0.25);
    expect(r.recall).toBeGreaterThan(0.55);
    expect(r.accuracy).toBeGreaterThan(0.75);
  });

  it('is deterministic for a seed', async () => {
    const a = await evaluateFidelity(catalog, users, sim(), { ratio: 3, seed: 5, maxUsers: 20 });
    const b = await evaluateFidelity(catalog, users, sim(), { ratio: 3, seed: 5, maxUsers: 20 });
    expect(b).toEqual(a);
  });
});

const DIR = fileURLToPath(new URL('../../../../shared/datasets/ml-latest-small', import.meta.url));

describe.skipIf(!existsSync(DIR))('movie fidelity on ml-latest-small (optional)', () => {
  // Measured 0.807 at 1:1, seed 42 (docs/movielens.md has the means over seeds); floor = that minus 0.03.
  it('keeps 1:1 accuracy above the measured floor', async () => {
    const { catalog, users } = importMovieLens(await readDatasetFolder(DIR));
    const r = await evaluateFidelity(catalog, users, sim(), { ratio: 1, seed: 42 });
    expect(r.accuracy).toBeGreaterThan(0.776);
  }, 60_000);
});
