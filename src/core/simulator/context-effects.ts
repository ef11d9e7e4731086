/**
 * How the situation shifts the user: time budget, patience and the length of content they
 * tolerate. Small, explicit multipliers so the docs can list them.
 */
import type { Context } from '../types';

/** Multiplier on the trait time budget: evenings and weekends are longer, mornings shorter, TV longest. */
export function contextBudgetFactor(c: Context): number {
  const tod = c.timeOfDay === 'morning' ? 0.7 : c.timeOfDay === 'afternoon' ? 0.9 : c.timeOfDay === 'evening' ? 1.2 : 1.0;
  const dev = c.device === 'mobile' ? 0.9 : c.device === 'tv' ? 1.3 : 1.0;
  const weekend = c.dayOfWeek === 0 || c.dayOfWeek === 6 ? 1.15 : 1.0;
  return tod * dev * weekend;
}

/** Added to the leave threshold: late at night, in the morning rush and on a phone the user gives up sooner. */
export function contextPatience(c: Context): number {
  let d = 0;
  if (c.timeOfDay === 'night') d += 0.04;
  if (c.timeOfDay === 'morning') d += 0.02;
  if (c.device === 'mobile') d += 0.03;
  if (c.device === 'tv') d -= 0.04;
  return d;
}

/** Longest item (seconds) the user is comfortable with here; longer ones count as "too long". */
export function preferredDurationSec(c: Context): number {
  const dev = c.device === 'mobile' ? 90 : c.device === 'tv' ? 900 : 240;
  const tod = c.timeOfDay === 'night' ? 0.75 : c.timeOfDay === 'morning' ? 0.8 : c.timeOfDay === 'evening' ? 1.2 : 1;
  return dev * tod;
}
