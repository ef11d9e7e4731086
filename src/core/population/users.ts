/**
 * The users of a population, as columns (typed arrays), so that 100,000 of them fit in a
 * Worker and the week's hot loop reads numbers, not objects. Each user is a seeded variant
 * of a base profile (a built-in persona, or an imported MovieLens user): interests and
 * traits jittered, an age and a region (demographics.ts), an interest community and a
 * 24-hour activity rhythm (most peak in the evening, some in the morning, some are night owls).
 */
import type { Rng, UserProfile } from '../types';
import { normal, weightedIndex } from '../rng';
import { clamp01 } from '../math';
import { REGION_MIX, ageBandOf, regionOfLocale } from './demographics';

/** Most users a population may hold (a Worker's memory, not a hard model limit). */
export const MAX_USERS = 100_000;
/** Default population size. */
export const DEFAULT_USERS = 2000;

/** Column-wise users. Row `u` of every array is user `u`. */
export interface Population {
  n: number;
  /** Topic ids; `interests` has `topicIds.length` columns. */
  topicIds: readonly string[];
  /** Interest weights, row-major `n x topics`, in [0, 1]. */
  interests: Float32Array;
  /** Index into `bases` of each user's base profile (its "archetype"). */
  base: Int32Array;
  /** The base profiles (not copied; never modified). */
  bases: readonly UserProfile[];
  age: Uint8Array;
  /** Index into AGE_BANDS. */
  ageBand: Uint8Array;
  /** Index into REGIONS. */
  region: Uint8Array;
  /** 0 unknown, 1 female, 2 male (the base's, flipped for some variants): resolves "her" / "him". */
  gender: Uint8Array;
  /** Interest community: the index of the user's strongest topic. */
  community: Int32Array;
  /** Hour of the day (0..23) when the user is most likely to open the app. */
  peakHour: Uint8Array;
  /** Sessions per day on average (before the return model scales it). */
  sessionsPerDay: Float32Array;
  timeBudgetSec: Float32Array;
  curiosity: Float32Array;
  activity: Float32Array;
  conformity: Float32Array;
  fatigueSensitivity: Float32Array;
}

/** Options of `buildPopulation`. */
export interface PopulationOptions {
  /** Number of users (1..MAX_USERS). */
  n: number;
  /** Base profiles; user u is a variant of `bases[u mod bases.length]`. */
  bases: readonly UserProfile[];
  /** The topic ids of the catalog (interest columns). */
  topicIds: readonly string[];
  /** Share of night owls (peak between 23:00 and 02:00); default 0.15. */
  nightOwlShare?: number;
}

/**
 * Hourly opening weights by peak hour: `RHYTHM[peak * 24 + hour]`, each row summing to 1.
 * A smooth bump around the peak plus a floor (people glance at their phone at any hour).
 */
export const RHYTHM: Float32Array = (() => {
  const out = new Float32Array(24 * 24);
  for (let p = 0; p < 24; p++) {
    let sum = 0;
    for (let h = 0; h < 24; h++) {
      const v = Math.exp(2.2 * Math.cos((2 * Math.PI * (h - p)) / 24)) + 0.6;
      out[p * 24 + h] = v;
      sum += v;
    }
    for (let h = 0; h < 24; h++) out[p * 24 + h] /= sum;
  }
  return out;
})();

/** Seeded population of `n` users. Deterministic for a given rng; the bases are not modified. */
export function buildPopulation(opts: PopulationOptions, rng: Rng): Population {
  const { n, bases, topicIds } = opts;
  if (!Number.isInteger(n) || n < 1 || n > MAX_USERS) throw new Error(`population: users must be an integer in 1..${MAX_USERS}, got ${n}`);
  if (bases.length === 0) throw new Error('population: at least one base profile is needed');
  const T = topicIds.length;
  const col = new Map(topicIds.map((t, i) => [t, i]));
  const owls = opts.nightOwlShare ?? 0.15;
  const pop: Population = {
    n, topicIds, bases,
    interests: new Float32Array(n * T),
    base: new Int32Array(n),
    age: new Uint8Array(n),
    ageBand: new Uint8Array(n),
    region: new Uint8Array(n),
    gender: new Uint8Array(n),
    community: new Int32Array(n),
    peakHour: new Uint8Array(n),
    sessionsPerDay: new Float32Array(n),
    timeBudgetSec: new Float32Array(n),
    curiosity: new Float32Array(n),
    activity: new Float32Array(n),
    conformity: new Float32Array(n),
    fatigueSensitivity: new Float32Array(n),
  };
  const r = rng.fork('population-users');
  const baseRegion = bases.map((b) => regionOfLocale(b.location));
  for (let u = 0; u < n; u++) {
    const b = u % bases.length;
    const base = bases[b];
    pop.base[u] = b;
    let best = -1;
    let bestW = -1;
    for (const [topic, w0] of Object.entries(base.interests)) {
      const t = col.get(topic);
      if (t === undefined) continue;
      const w = clamp01(w0 + normal(r, 0, 0.12));
      pop.interests[u * T + t] = w;
      if (w > bestW || (w === bestW && t < best)) {
        best = t;
        bestW = w;
      }
    }
    pop.community[u] = Math.max(0, best);
    // Most users keep roughly their base's age; a quarter spread over all ages (teens included).
    const age = r.next() < 0.75 && base.age !== null ? Math.round(base.age + normal(r, 0, 6)) : 13 + r.int(58);
    pop.age[u] = Math.max(13, Math.min(90, age));
    pop.ageBand[u] = ageBandOf(pop.age[u]);
    pop.region[u] = r.next() < 0.6 ? baseRegion[b] : weightedIndex(r, REGION_MIX);
    const g = base.gender === 'female' ? 1 : base.gender === 'male' ? 2 : 0;
    pop.gender[u] = g === 0 ? 0 : r.next() < 0.85 ? g : 3 - g;
    const kind = r.next();
    const peak = kind < owls ? 23 + r.int(4) : kind < owls + 0.2 ? 7 + r.int(2) : 18 + r.int(5);
    pop.peakHour[u] = peak % 24;
    const t = base.traits;
    pop.activity[u] = clamp01(t.activity + normal(r, 0, 0.1));
    pop.curiosity[u] = clamp01(t.curiosity + normal(r, 0, 0.1));
    pop.conformity[u] = clamp01(t.conformity + normal(r, 0, 0.1));
    pop.fatigueSensitivity[u] = clamp01(t.fatigueSensitivity + normal(r, 0, 0.1));
    pop.timeBudgetSec[u] = Math.max(120, Math.min(1200, t.timeBudgetSec + normal(r, 0, 100)));
    pop.sessionsPerDay[u] = Math.max(0.3, Math.min(4, 0.8 + 2.2 * pop.activity[u] + normal(r, 0, 0.3)));
  }
  return pop;
}

const FEMALE_NAMES = ['Ava', 'Bianca', 'Chloe', 'Deepa', 'Elena', 'Fatima', 'Grace', 'Hana', 'Imani', 'Jade', 'Keiko', 'Leah', 'Maya', 'Nadia', 'Olivia', 'Paloma'];
const MALE_NAMES = ['Amir', 'Ben', 'Carlos', 'Diego', 'Eli', 'Felix', 'Gabe', 'Hugo', 'Isaac', 'Jamal', 'Kofi', 'Liam', 'Mateo', 'Noah', 'Owen', 'Ravi'];
const ANY_NAMES = ['Alex', 'Quinn', 'Robin', 'Sam', 'Taylor', 'Jordan', 'Casey', 'Riley'];

/** A display name for user u ("Maya 12"): deterministic, matches the user's gender. */
export function userName(pop: Population, u: number): string {
  const list = pop.gender[u] === 1 ? FEMALE_NAMES : pop.gender[u] === 2 ? MALE_NAMES : ANY_NAMES;
  return `${list[(u * 7) % list.length]} ${u}`;
}

/** Interest of user `u` in topic `t`. */
export function interestOf(pop: Population, u: number, t: number): number {
  return t >= 0 && t < pop.topicIds.length ? pop.interests[u * pop.topicIds.length + t] : 0;
}
