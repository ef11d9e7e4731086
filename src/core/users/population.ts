/**
 * Populations: many seeded variants of the personas, for batch runs and for training
 * collaborative recommenders on more than 24 users.
 */
import type { Rng, Traits, UserProfile } from '../types';
import { createRng, normal } from '../rng';
import { TRAIT_RANGES, clampTraits } from './personas';
import { clamp01 } from '../math';

const FIRST_NAMES = [
  'Alex', 'Bianca', 'Carlos', 'Deepa', 'Eli', 'Fatima', 'Gabe', 'Hana', 'Isaac', 'Jade', 'Kofi', 'Leah',
  'Mateo', 'Nadia', 'Owen', 'Paloma', 'Quinn', 'Ruth', 'Sean', 'Tara', 'Umar', 'Vera', 'Wes', 'Ximena',
  'Yusuf', 'Zoe', 'Amir', 'Bea', 'Cole', 'Dina', 'Ezra', 'Flor',
];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}


/**
 * `n` variants of the personas, each based on persona `i mod personas.length`: interests
 * and traits jittered, a little age spread, a new id `pop-<i>` and a new name; history and
 * source are kept (the base persona's) so recommenders have something to learn from. Deterministic
 * for a given rng; the input profiles are not modified.
 */
export function samplePopulation(personas: readonly UserProfile[], n: number, rng: Rng): UserProfile[] {
  if (personas.length === 0 || n <= 0) return [];
  const out: UserProfile[] = [];
  for (let i = 0; i < n; i++) {
    const base = personas[i % personas.length];
    const r = rng.fork(`pop-${i}`);
    const interests: Record<string, number> = {};
    for (const topic of Object.keys(base.interests).sort()) {
      const w = round2(clamp01(base.interests[topic] + normal(r, 0, 0.12)));
      if (w > 0) interests[topic] = w;
    }
    const traits = { ...base.traits };
    for (const key of Object.keys(TRAIT_RANGES) as (keyof Traits)[]) {
      const { min, max } = TRAIT_RANGES[key];
      traits[key] = round2(base.traits[key] + normal(r, 0, 0.1 * (max - min)));
    }
    const clamped = clampTraits(traits);
    clamped.timeBudgetSec = Math.round(clamped.timeBudgetSec);
    const name = `${FIRST_NAMES[r.int(FIRST_NAMES.length)]} (like ${base.name})`;
    const age = base.age === null ? null : Math.max(13, Math.round(base.age + normal(r, 0, 4)));
    const variant: UserProfile = {
      ...base,
      id: `pop-${i}`,
      name,
      age,
      groups: [...base.groups],
      interests,
      traits: clamped,
      history: base.history.map((h) => ({ ...h })),
    };
    if (base.heldOut) variant.heldOut = base.heldOut.map((h) => ({ ...h }));
    out.push(variant);
  }
  return out;
}

/**
 * The users of an N-user run: the personas first, then seeded population variants of them
 * (`npm run simulate`, `npm run evaluate` and the leaderboard all use the same users).
 */
export function personasThenPopulation(personas: readonly UserProfile[], n: number, seed: number): UserProfile[] {
  if (n <= personas.length) return personas.slice(0, n);
  return personas.concat(samplePopulation(personas, n - personas.length, createRng(seed).fork('population')));
}
