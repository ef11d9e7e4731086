import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { resolveParams } from '../../../src/core/simulator/rule-params';
import { contextPatience, preferredDurationSec } from '../../../src/core/simulator/context-effects';
import { buildPopulation, buildWorldItems, createWorld, ruleExposure, type ExposureCtx } from '../../../src/core/population';
import type { Context } from '../../../src/core/types';
import { builtin } from './helpers';

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  order.forEach(([, i], k) => (r[i] = k));
  return r;
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

describe('the light exposure path reuses the rule-based scoring', () => {
  it('scores the catalog for a persona in nearly the same order as a fresh rule-based session (Spearman > 0.85)', async () => {
    const { catalog, personas } = await builtin();
    // A persona without history: a fresh session sees no memory effects (seen items, favourite creators).
    const base = { ...personas[0], history: [] };
    const items = buildWorldItems(catalog);
    const pop = buildPopulation({ n: 1, bases: [base], topicIds: items.topicIds }, createRng(1));
    // Exactly the persona: no jitter.
    const T = items.topicIds.length;
    pop.interests.fill(0);
    for (const [t, w] of Object.entries(base.interests)) pop.interests[items.topicIds.indexOf(t)] = w;
    pop.curiosity[0] = base.traits.curiosity;
    pop.conformity[0] = base.traits.conformity;
    pop.activity[0] = base.traits.activity;
    pop.fatigueSensitivity[0] = base.traits.fatigueSensitivity;
    expect(T).toBeGreaterThan(10);
    const context: Context = { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: base.location };
    const params = resolveParams();
    const sim = createRuleBasedSimulator();
    const ctx: ExposureCtx = {
      pop, items, world: createWorld(1, items.n, items.creatorIds.length, T), rng: createRng(2), min: 0,
      prefDurSec: preferredDurationSec(context), patience: contextPatience(context), focusCreator: -1, watchSec: 0, score: 0, fatigueNow: 0,
    };
    const full: number[] = [];
    const light: number[] = [];
    catalog.items.forEach((item, i) => {
      const s = sim.startSession({ user: base, context, memory: emptyMemory(base.id), catalog, rng: createRng(100 + i), instructionsEnabled: false, startedAt: catalog.now });
      full.push(s.decide(item, 0, 0).interest);
      ruleExposure(ctx, params, 0, i, false, false);
      light.push(ctx.score);
    });
    const rho = pearson(ranks(full), ranks(light));
    console.log(`spearman rule-session vs light path: ${rho.toFixed(3)}; quality alone: ${pearson(ranks(full), ranks(catalog.items.map((it) => it.quality))).toFixed(3)}`);
    expect(rho).toBeGreaterThan(0.85);
    // And an unrelated scorer would not agree: the quality column alone ranks far worse.
    const q = catalog.items.map((it) => it.quality);
    expect(pearson(ranks(full), ranks(q))).toBeLessThan(rho - 0.3);
  });
});
