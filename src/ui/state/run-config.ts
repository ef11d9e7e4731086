/**
 * Pure helpers that turn settings into the pieces of a run: which user (with in-place
 * edits applied), which context. Kept free of Svelte so they are easy to test.
 */
import { applyEdits } from '../../core/run/persona-edits';
import type { Context, Traits, UserProfile } from '../../core/types';
import type { PersonaEdits, Settings } from './url-settings';

/** The user named by the settings, or the first one (a stale link never crashes). */
export function pickUser(users: readonly UserProfile[], id: string): UserProfile | undefined {
  return users.find((u) => u.id === id) ?? users[0];
}

/** A copy of `user` with persona edits applied (the core's, shared with `buildRun`). */
export { applyEdits };

/** The user's default context with the overrides of the settings applied. */
export function applyContext(base: Context, s: Pick<Settings, 'timeOfDay' | 'dayOfWeek' | 'device' | 'location'>): Context {
  return {
    timeOfDay: s.timeOfDay || base.timeOfDay,
    dayOfWeek: s.dayOfWeek >= 0 ? s.dayOfWeek : base.dayOfWeek,
    device: s.device || base.device,
    location: s.location || base.location,
  };
}

/** Merge one edit into existing edits (dropping an edit equal to the persona's value). */
export function mergeEdit(
  user: UserProfile,
  edits: PersonaEdits | null,
  patch: { field: 'age' | 'gender' | 'location' | 'occupation'; value: string | number } | { interest: string; value: number } | { trait: keyof Traits; value: number },
): PersonaEdits | null {
  const next: PersonaEdits = JSON.parse(JSON.stringify(edits ?? {}));
  if ('field' in patch) {
    if (user[patch.field] === patch.value) delete next[patch.field];
    else (next as Record<string, unknown>)[patch.field] = patch.value;
  } else if ('interest' in patch) {
    const m = { ...(next.interests ?? {}) };
    if ((user.interests[patch.interest] ?? 0) === patch.value) delete m[patch.interest];
    else m[patch.interest] = patch.value;
    next.interests = m;
    if (!Object.keys(m).length) delete next.interests;
  } else {
    const m = { ...(next.traits ?? {}) };
    if (user.traits[patch.trait] === patch.value) delete m[patch.trait];
    else m[patch.trait] = patch.value;
    next.traits = m;
    if (!Object.keys(m).length) delete next.traits;
  }
  return Object.keys(next).length ? next : null;
}
