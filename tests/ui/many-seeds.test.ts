import { describe, expect, it } from 'vitest';
import { summariseSeeds } from '../../src/ui/compare/many-seeds';
import { trajectory } from './fixtures';

const metrics = (watchSec: number, skip: number) => ({ ...trajectory().metrics, watchSec, actions: { ...trajectory().metrics.actions, skip } });

describe('many seeds of the same pair', () => {
  it('gives paired means with intervals and says when a difference is shown', () => {
    // B watches 10 s more on every seed (a clear difference); skips differ by noise around 0.
    const pairs = [0, 1, 2, 3, 4, 5].map((i) => ({ a: metrics(100 + i * 7, 3 + (i % 2)), b: metrics(110 + i * 7, 3 + ((i + 1) % 2)) }));
    const rows = summariseSeeds(pairs);
    const watch = rows.find((r) => r.label === 'watch time')!;
    expect(watch.diff.mean).toBeCloseTo(10);
    expect(watch.diff.lo).toBeCloseTo(10);
    expect(watch.a.n).toBe(6);
    expect(watch.a.lo).toBeLessThan(watch.a.mean);
    expect(watch.verdict).toBe('better');
    const skips = rows.find((r) => r.label === 'skips')!;
    expect(skips.diff.lo).toBeLessThan(0);
    expect(skips.diff.hi).toBeGreaterThan(0);
    expect(skips.verdict).toBe('unclear');
    // Fewer watch seconds for B on every seed: worse.
    const worse = summariseSeeds(pairs.map((p) => ({ a: p.b, b: p.a })));
    expect(worse.find((r) => r.label === 'watch time')!.verdict).toBe('worse');
    expect(summariseSeeds([])).toEqual([]);
  });
});
