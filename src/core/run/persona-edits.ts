/**
 * Persona edits made in place (only what differs from the chosen persona): part of a run
 * description, carried by share links as compact JSON. Parsing is defensive (links are
 * untrusted): anything malformed is dropped field by field.
 */
import type { Context, UserProfile } from '../types';

/** Persona edits: only what differs from the chosen persona. */
export interface PersonaEdits {
  age?: number;
  gender?: string;
  location?: string;
  occupation?: string;
  /** topic id -> weight in [0, 1]. */
  interests?: Record<string, number>;
  /** Trait name -> value (timeBudgetSec in seconds, the rest in [0, 1]). */
  traits?: Record<string, number>;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
/**
 * A topic id as catalogs have them: a JSON catalog takes any id ("music videos", "música"),
 * so an edit of such a topic was dropped from the run and the link while the slider showed it.
 * Printable text up to 100 characters, without markup brackets or hidden direction
 * controls (links are untrusted); never a prototype key.
 */
// eslint-disable-next-line no-control-regex
const TOPIC = /^[^\u0000-\u001f\u007f-\u009f<>\u202a-\u202e\u2066-\u2069]{1,100}$/;
const isTopic = (name: string) => TOPIC.test(name) && name !== '__proto__';

/** Sanitize persona edits from untrusted plain data; undefined when nothing valid is left. */
export function sanitizeEdits(v: unknown): PersonaEdits | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const out: PersonaEdits = {};
  if (typeof o.age === 'number' && Number.isInteger(o.age) && o.age >= 0 && o.age <= 120) out.age = o.age;
  for (const k of ['gender', 'location', 'occupation'] as const) {
    if (typeof o[k] === 'string' && (o[k] as string).length <= 80) out[k] = o[k] as string;
  }
  for (const k of ['interests', 'traits'] as const) {
    const m = o[k];
    if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
    const rec: Record<string, number> = {};
    for (const [name, w] of Object.entries(m as Record<string, unknown>)) {
      if (!(k === 'interests' ? isTopic(name) : NAME.test(name)) || typeof w !== 'number' || !Number.isFinite(w)) continue;
      const max = k === 'traits' && name === 'timeBudgetSec' ? 36_000 : 1;
      if (w < 0 || w > max) continue;
      rec[name] = w;
    }
    if (Object.keys(rec).length) out[k] = rec;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Parse persona edits from their compact JSON form; anything malformed is dropped. */
export function parseEdits(raw: string): PersonaEdits | undefined {
  if (raw.length > 4000) return undefined;
  try {
    return sanitizeEdits(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** A copy of `user` with persona edits applied (source becomes 'edited' when anything changed). */
export function applyEdits(user: UserProfile, edits: PersonaEdits | null | undefined): UserProfile {
  if (!edits) return user;
  const out: UserProfile = { ...user, interests: { ...user.interests }, traits: { ...user.traits }, source: 'edited' };
  if (edits.age !== undefined) out.age = edits.age;
  if (edits.gender !== undefined) out.gender = edits.gender;
  if (edits.location !== undefined) out.location = edits.location;
  if (edits.occupation !== undefined) out.occupation = edits.occupation;
  if (edits.interests) Object.assign(out.interests, edits.interests);
  if (edits.traits) {
    for (const [k, v] of Object.entries(edits.traits)) {
      // Own keys only: "toString" or "constructor" in a link are not traits.
      if (Object.hasOwn(out.traits, k)) (out.traits as unknown as Record<string, number>)[k] = v;
    }
  }
  return out;
}

/** Context overrides of a run: absent fields keep the user's default context. */
export interface ContextOverrides {
  timeOfDay?: Context['timeOfDay'];
  /** 0 = Sunday. */
  dayOfWeek?: number;
  device?: Context['device'];
  location?: string;
}

/** The user's default context with the overrides applied. */
export function applyContextOverrides(base: Context, o: ContextOverrides): Context {
  return {
    timeOfDay: o.timeOfDay || base.timeOfDay,
    dayOfWeek: o.dayOfWeek !== undefined && o.dayOfWeek >= 0 ? o.dayOfWeek : base.dayOfWeek,
    device: o.device || base.device,
    location: o.location || base.location,
  };
}
