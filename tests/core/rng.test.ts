import { describe, expect, it } from 'vitest';
import { createRng, hashString, shuffle, weightedIndex } from '../../src/core/rng';

describe('rng', () => {
  it('reproduces the same stream from the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    const ys = Array.from({ length: 100 }, () => b.next());
    expect(xs).toEqual(ys);
  });

  it('gives different streams for different seeds, all in [0, 1)', () => {
    const a = createRng(1);
    const b = createRng(2);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs[0]).not.toBe(b.next());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('forks are stable regardless of how far the parent advanced', () => {
    const a = createRng(7);
    const fa = a.fork('sim').next();
    const b = createRng(7);
    b.next();
    b.next();
    expect(b.fork('sim').next()).toBe(fa);
    expect(createRng(7).fork('rec').next()).not.toBe(fa);
  });

  it('string seeds hash deterministically', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(createRng('x').next()).toBe(createRng(hashString('x')).next());
  });

  it('shuffle is a seeded permutation; weightedIndex follows weights', () => {
    const arr = shuffle(createRng(3), [1, 2, 3, 4, 5, 6]);
    expect([...arr].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shuffle(createRng(3), [1, 2, 3, 4, 5, 6])).toEqual(arr);
    const rng = createRng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[weightedIndex(rng, [0, 1, 3])]++;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBeGreaterThan(counts[1] * 2);
  });
});
