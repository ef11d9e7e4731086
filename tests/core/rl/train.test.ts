/**
 * rl-policy: seeded training reproduces its curve; training from the uniform policy
 * improves on held-out users; the shipped policy beats popular and random on retention
 * and session length with 95% intervals that do not overlap (same users, same seeds).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { buildFeatureTables, D } from '../../../src/core/rl/features';
import { SlatePolicy, parsePolicyJson } from '../../../src/core/rl/policy';
import { pretrainedPolicy } from '../../../src/core/rl/rl-recommender';
import { Trainer } from '../../../src/core/rl/train';
import { createRng } from '../../../src/core/rng';
import { firstObservation } from '../../../src/core/env/observation';
import { defaultContext } from '../../../src/core/users/context';
import type { Catalog, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let personas: UserProfile[];
beforeAll(async () => {
  [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
});

async function curve(seed: number, episodes: number, evalUsers: number) {
  const t = new Trainer({ catalog, personas, seed, evalUsers, trainUsers: 40 });
  const points = [await t.point()];
  for (let e = 0; e < episodes; e++) await t.trainEpisode();
  points.push(await t.point());
  return { points, theta: Array.from(t.policy.theta) };
}

describe('rl-policy training', () => {
  it('the same seed gives the same curve and weights; another seed does not', async () => {
    const a = await curve(5, 24, 6);
    const b = await curve(5, 24, 6);
    const c = await curve(6, 24, 6);
    expect(b).toEqual(a);
    expect(c.theta).not.toEqual(a.theta);
    expect(a.theta.some((x) => x !== 0)).toBe(true);
  });

  it('learns: 240 episodes from the uniform policy raise session length and retention on held-out users', { timeout: 90_000 }, async () => {
    const { points } = await curve(42, 240, 30);
    const [start, end] = points;
    expect(end.sessionSeconds).toBeGreaterThan(start.sessionSeconds * 1.2);
    expect(end.retention).toBeGreaterThan(start.retention + 0.05);
  });

  it('the Plackett-Luce gradient matches finite differences of the slate log-probability', () => {
    const tables = buildFeatureTables(buildCatalogIndex(catalog));
    const theta = Array.from({ length: D }, (_, j) => ((j * 37) % 11) / 10 - 0.5);
    const obs = firstObservation(personas[0], defaultContext(personas[0]));
    const p = new SlatePolicy(tables, theta);
    const { positions, candidates } = p.act(obs, 4, createRng(3));
    const grad = new Float64Array(D);
    p.slateGradient(positions, candidates, grad);
    const logP = (th: number[]) => {
      const q = new SlatePolicy(tables, th);
      q.act(obs, 4); // fills features and logits
      const l = (i: number) => (q as unknown as { logits: Float64Array }).logits[i];
      let rest = [...candidates];
      let s = 0;
      for (const a of positions) {
        const m = Math.max(...rest.map(l));
        s += l(a) - m - Math.log(rest.reduce((z, i) => z + Math.exp(l(i) - m), 0));
        rest = rest.filter((i) => i !== a);
      }
      return s;
    };
    for (const j of [0, 3, 7]) {
      const h = 1e-5;
      const up = [...theta];
      const dn = [...theta];
      up[j] += h;
      dn[j] -= h;
      expect(grad[j]).toBeCloseTo((logP(up) - logP(dn)) / (2 * h), 4);
    }
  });
});

describe('the shipped policy (static-data/rl-policy.json)', () => {
  it('parses, and a malformed policy is refused with the reason', () => {
    expect(pretrainedPolicy().theta).toHaveLength(D);
    expect(() => parsePolicyJson({ ...pretrainedPolicy(), theta: [1, 2] })).toThrow(/"theta" must be 14 finite numbers/);
    expect(() => parsePolicyJson({ format: 'x' })).toThrow(/"format" must be "recoworld-rl-policy"/);
  });

  it('beats popular and random on retention and session length, intervals apart, on 100 held-out users', async () => {
    const t = new Trainer({ catalog, personas, seed: 1, evalUsers: 100, trainUsers: 40 });
    const rl = await t.evaluate(createRecommender('rl-policy'));
    for (const name of ['popular', 'random']) {
      const b = await t.evaluate(createRecommender(name));
      expect(rl.retention.lo, `retention vs ${name}`).toBeGreaterThan(b.retention.hi);
      expect(rl.sessionSeconds.lo, `session vs ${name}`).toBeGreaterThan(b.sessionSeconds.hi);
    }
  });
});
