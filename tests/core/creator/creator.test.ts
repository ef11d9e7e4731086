import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { parseExperiment, prepareExperiment, runExperiment, ExperimentError, summarizeStrategy, runReplicate, interval, type CreatorExperiment } from '../../../src/core/creator';
import { EV_EXPOSURE } from '../../../src/core/population/world';
import { advance, initialWorld } from '../../../src/core/population/week';
import { createRng } from '../../../src/core/rng';
import { NON_NEGATIVE } from '../../../src/core/metrics/summary';

const world = async () => ({ catalog: await loadBuiltinCatalog(), personas: await loadBuiltinPersonas() });
const POST = { title: 'Hauling lobster traps at sunrise', topic: 'fishing', durationSec: 35 };

function exp(over: Record<string, unknown> = {}, strategies: unknown[] = [{ post: POST }]): CreatorExperiment {
  return parseExperiment({ users: 250, followers: 40, replicates: 6, run: { seed: 3, recommender: { name: 'popular' } }, strategies, ...over });
}

describe('creator experiments', () => {
  it('validates: names the bad field', () => {
    expect(() => parseExperiment({ strategies: [] })).toThrow(ExperimentError);
    expect(() => parseExperiment({ strategies: [{ post: POST, audience: { kind: 'target', ages: ['teens'] } }] })).toThrow(/strategies\.0\.audience\.ages\.0/);
    expect(() => parseExperiment({ users: 0, strategies: [{ post: POST }] })).toThrow(/users/);
  });

  it('is deterministic: same seed, same fan chart; another seed, another one', async () => {
    const w = await world();
    const a = runExperiment(await prepareExperiment(exp(), w));
    const b = runExperiment(await prepareExperiment(exp(), w));
    const c = runExperiment(await prepareExperiment(exp({ run: { seed: 4, recommender: { name: 'popular' } } }), w));
    expect(a.horizons).toEqual(b.horizons);
    expect(a.strategies).toEqual(b.strategies);
    expect(c.horizons).not.toEqual(a.horizons);
    const h = a.horizons;
    // Cumulative: never less at a later horizon; quantiles ordered.
    expect(h['1w'].views.p50).toBeGreaterThanOrEqual(h['24h'].views.p50);
    expect(h['24h'].views.p50).toBeGreaterThanOrEqual(h['6h'].views.p50);
    for (const q of Object.values(h).flatMap((m) => Object.values(m))) {
      expect(q.p5).toBeLessThanOrEqual(q.p25);
      expect(q.p25).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p75);
      expect(q.p75).toBeLessThanOrEqual(q.p95);
    }
    expect(h['1w'].views.p50).toBeGreaterThan(0);
    expect(h['1w'].shares.p95).toBeLessThanOrEqual(h['1w'].views.p95);
  });

  it('the audience filter seeds exactly the target group', async () => {
    const w = await world();
    const e = exp({ users: 600 }, [{ post: POST, audience: { kind: 'target', ages: ['13-17', '18-24'], regions: ['US', 'Canada'], interest: 'fishing' } }]);
    const prep = await prepareExperiment(e, w);
    const pop = prep.pop;
    const T = pop.topicIds.length;
    const fishing = pop.topicIds.indexOf('fishing');
    const expected: number[] = [];
    for (let u = 0; u < pop.n; u++) {
      const young = pop.age[u] < 25;
      const region = pop.region[u] === 0 || pop.region[u] === 1;
      if (young && region && pop.interests[u * T + fishing] >= 0.35) expected.push(u);
    }
    expect(expected.length).toBeGreaterThan(3);
    const ps = prep.strategies[0];
    expect(Array.from(ps.setup.posts[0].audience as Int32Array)).toEqual(expected);
    expect(ps.audienceSize).toBe(expected.length);
    // Over the week, every exposure not brought by a share went to the target group.
    const wk = advance(initialWorld(ps.setup), ps.setup, ps.endMin, createRng(1));
    const target = new Set(expected);
    let seeded = 0;
    for (let k = 0; k < wk.evCount; k++) {
      if (wk.evKind[k] !== EV_EXPOSURE || wk.evParent[k] >= 0) continue;
      seeded++;
      expect(target.has(wk.evUser[k])).toBe(true);
    }
    expect(seeded).toBeGreaterThan(0);
  });

  it('the interval of one-week views narrows with replicates, and the early-stop rule stops at a batch boundary', async () => {
    const w = await world();
    const prep = await prepareExperiment(exp({ replicates: 40 }), w);
    const reps = Array.from({ length: 40 }, (_, r) => runReplicate(prep, 0, r));
    const width = (n: number) => {
      const s = summarizeStrategy('A', 0, reps.slice(0, n)).views1w;
      return s.hi - s.lo;
    };
    expect(width(10)).toBeGreaterThan(0);
    expect(width(40)).toBeLessThan(width(10));
    const loose = runExperiment(await prepareExperiment(exp({ replicates: 40, stopWidth: 1 }), w));
    expect(loose.stoppedEarly).toBe(true);
    expect(loose.replicates).toBe(10);
    // The stopped run's figures are those of its first 10 replicates.
    expect(loose.strategies[0].views1w).toEqual(summarizeStrategy('A', 0, reps.slice(0, 10)).views1w);
  });

  it("intervals use Student's t: few replicates give wide intervals, one gives none", () => {
    // mean 2, standard error 1/sqrt(3); t(0.975, 2) = 4.303: 2 +- 2.484. The normal 1.96 gave 2 +- 1.132,
    // and the comparison called a difference clear that three replicates cannot show.
    expect(interval([1, 2, 3])).toEqual({ mean: 2, lo: -0.484, hi: 4.484, n: 3 });
    expect(interval([0, 2])).toEqual({ mean: 1, lo: -11.706, hi: 13.706, n: 2 });
    expect(interval([5])).toEqual({ mean: 5, lo: 5, hi: 5, n: 1 });
    // A count's interval stops at 0 (the mean is not moved); a difference's does not.
    expect(interval([0, 0, 10], NON_NEGATIVE)).toEqual({ mean: 3.333, lo: 0, hi: 17.676, n: 3 });
    expect(interval([0, 0, 10]).lo).toBe(-11.009);
    expect(interval([8, 9, 10], NON_NEGATIVE)).toEqual(interval([8, 9, 10]));
    // Many replicates: close to the normal interval (t(0.975, 99) = 1.984).
    const xs = Array.from({ length: 100 }, (_, i) => i % 10);
    const iv = interval(xs);
    expect(iv.hi - iv.mean).toBeCloseTo(1.984 * Math.sqrt(xs.reduce((s, x) => s + (x - 4.5) ** 2, 0) / 99 / 100), 2);
  });

  it('two strategies: identical ones differ by exactly zero (paired); three a day tires the audience', async () => {
    const w = await world();
    const same = runExperiment(await prepareExperiment(exp({}, [{ post: POST }, { post: POST }]), w));
    expect(same.difference!['1w'].views).toEqual({ mean: 0, lo: 0, hi: 0, n: 6 });
    const sched = runExperiment(await prepareExperiment(exp({}, [{ post: POST, schedule: 'daily' }, { post: POST, schedule: 'three-a-day' }]), w));
    expect(sched.difference!['1w'].views.mean).toBeGreaterThan(0);
    expect(sched.strategies[1].unfollows.p50).toBeGreaterThan(sched.strategies[0].unfollows.p50);
  });

  it('a catalog item can be posted anew; its creator keeps the graph followers', async () => {
    const w = await world();
    const item = w.catalog.items[100];
    const prep = await prepareExperiment(exp({}, [{ post: { itemId: item.id } }]), w);
    expect(prep.items.creatorIds[prep.strategies[0].setup.focusCreator]).toBe(item.creator);
    await expect(prepareExperiment(exp({}, [{ post: { itemId: 'nope' } }]), w)).rejects.toThrow(/not in the catalog/);
  });
});
