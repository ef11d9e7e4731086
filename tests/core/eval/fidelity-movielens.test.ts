/**
 * Optional check on the real ml-latest-small (skipped when ../shared/datasets is absent):
 * import, then the fidelity protocol with the rule-based simulator at 1:1. No figure is
 * asserted (they are reported in docs/movielens.md); the protocol's invariants are.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/cli/read-dataset';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { evaluateFidelity } from '../../../src/core/eval/fidelity';
import { simulators } from '../../../src/core/simulator/registry';

const DIR = fileURLToPath(new URL('../../../../shared/datasets/ml-latest-small', import.meta.url));

describe.skipIf(!existsSync(DIR))('ml-latest-small (optional)', async () => {
  const data = existsSync(DIR) ? importMovieLens(await readDatasetFolder(DIR)) : null;

  it('imports the whole dataset', () => {
    const { catalog, users, layout } = data!;
    expect(layout).toBe('ml-latest');
    expect(catalog.items).toHaveLength(9125);
    expect(users).toHaveLength(671);
    const total = users.reduce((n, u) => n + u.history.length + u.heldOut!.length, 0);
    expect(total).toBe(100_004);
    for (const u of users) {
      expect(u.heldOut!.length).toBe(u.history.length + u.heldOut!.length - Math.floor(0.8 * (u.history.length + u.heldOut!.length) + 1e-9));
      if (u.heldOut!.length) expect(u.heldOut![0].at).toBeGreaterThanOrEqual(u.history[u.history.length - 1].at);
    }
    expect(catalog.items.find((i) => i.id === 'ml-73')!.title).toBe('Les Misérables (1995)');
  });

  it('runs the fidelity protocol with the rule-based simulator, reproducibly', async () => {
    const { catalog, users } = data!;
    const sim = simulators.get('rule-based').create({ snapshots: 'scalars' });
    const a = await evaluateFidelity(catalog, users, sim, { ratio: 1, seed: 1 });
    const b = await evaluateFidelity(catalog, users, sim, { ratio: 1, seed: 1 });
    expect(b).toEqual(a);
    expect(a.users).toBeGreaterThan(600);
    expect(a.negatives).toBe(a.positives);
    for (const k of ['accuracy', 'precision', 'recall', 'f1'] as const) {
      expect(a[k]).toBeGreaterThanOrEqual(0);
      expect(a[k]).toBeLessThanOrEqual(1);
    }
  });
});
