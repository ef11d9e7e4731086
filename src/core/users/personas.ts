/**
 * Helpers around user profiles (built-in personas, edited ones and real-data profiles):
 * the trait ranges the persona editor offers, lookups and one-line summaries.
 */
import type { Traits, UserProfile } from '../types';

/** Allowed range and UI step of each trait. `timeBudgetSec` is seconds; the rest are in [0, 1]. */
export const TRAIT_RANGES: Readonly<Record<keyof Traits, { min: number; max: number; step: number; label: string }>> = {
  timeBudgetSec: { min: 120, max: 1200, step: 30, label: 'Time budget (s)' },
  curiosity: { min: 0, max: 1, step: 0.05, label: 'Curiosity' },
  activity: { min: 0, max: 1, step: 0.05, label: 'Activity (likes/comments/shares)' },
  conformity: { min: 0, max: 1, step: 0.05, label: 'Conformity (popularity pull)' },
  fatigueSensitivity: { min: 0, max: 1, step: 0.05, label: 'Fatigue sensitivity' },
  instructionPropensity: { min: 0, max: 1, step: 0.05, label: 'Instruction propensity' },
};

/** Clamps every trait into its range (for edited or imported profiles). */
export function clampTraits(t: Traits): Traits {
  const out = { ...t };
  for (const key of Object.keys(TRAIT_RANGES) as (keyof Traits)[]) {
    const { min, max } = TRAIT_RANGES[key];
    const v = Number.isFinite(out[key]) ? out[key] : min;
    out[key] = Math.min(max, Math.max(min, v));
  }
  return out;
}

/** The profile with this id, or undefined. */
export function findPersona(profiles: readonly UserProfile[], id: string): UserProfile | undefined {
  return profiles.find((p) => p.id === id);
}

/** Topic ids by interest weight, strongest first (ties by id, so the order is stable). */
export function topInterests(profile: Pick<UserProfile, 'interests'>, n = 3): string[] {
  return Object.entries(profile.interests)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/**
 * One line for pickers and prompts, e.g. "Maya, 34, Oakland, CA: marine electrician; into fishing, ufc, boating".
 * `labels` maps topic ids to labels (catalog topics) when given.
 */
export function personaSummary(profile: UserProfile, labels?: ReadonlyMap<string, string>): string {
  const who = [profile.name, profile.age === null ? '' : String(profile.age), profile.location].filter((s) => s !== '').join(', ');
  const topics = topInterests(profile, 3).map((t) => labels?.get(t) ?? t);
  const job = profile.occupation ? `: ${profile.occupation}` : '';
  return topics.length > 0 ? `${who}${job}; into ${topics.join(', ')}` : `${who}${job}`;
}

/** A deep copy marked as edited, for the persona editor (the original stays untouched). */
export function editableCopy(profile: UserProfile): UserProfile {
  const copy = JSON.parse(JSON.stringify(profile)) as UserProfile;
  copy.source = 'edited';
  return copy;
}
