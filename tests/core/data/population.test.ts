import { describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { samplePopulation } from '../../../src/core/users/population';
import { UserProfileSchema } from '../../../src/core/catalog/validate';
import { createRng } from '../../../src/core/rng';

const personas = await loadBuiltinPersonas();

describe('samplePopulation', () => {
  it('makes n valid variants with ids pop-<i>', () => {
    const pop = samplePopulation(personas, 60, createRng(7));
    expect(pop.map((p) => p.id)).toEqual(Array.from({ length: 60 }, (_, i) => `pop-${i}`));
    for (const p of pop) {
      const r = UserProfileSchema.safeParse(p);
      expect(r.success ? [] : r.error.issues.slice(0, 2), p.id).toEqual([]);
      expect(p.traits.timeBudgetSec).toBeGreaterThanOrEqual(120);
      expect(p.traits.timeBudgetSec).toBeLessThanOrEqual(1200);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = samplePopulation(personas, 30, createRng(42));
    const b = samplePopulation(personas, 30, createRng(42));
    const c = samplePopulation(personas, 30, createRng(43));
    expect(a).toEqual(b);
    expect(c.map((p) => p.interests)).not.toEqual(a.map((p) => p.interests));
  });

  it('jitters interests and traits around the base persona without changing it', () => {
    const before = JSON.stringify(personas);
    const pop = samplePopulation(personas, personas.length * 2, createRng(1));
    expect(JSON.stringify(personas)).toBe(before);
    const maya = pop[0];
    expect(maya.location).toBe('Oakland, CA');
    expect(maya.interests).not.toEqual(personas[0].interests);
    expect(Math.abs(maya.interests.fishing - personas[0].interests.fishing)).toBeLessThan(0.5);
    expect(pop[0].traits).not.toEqual(pop[personas.length].traits);
    expect(pop[0].name).not.toBe('Maya');
  });

  it('returns nothing for n = 0 or no personas', () => {
    expect(samplePopulation(personas, 0, createRng(1))).toEqual([]);
    expect(samplePopulation([], 5, createRng(1))).toEqual([]);
  });
});
