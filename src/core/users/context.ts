/**
 * Session context: the default for a user, the options the UI offers, and the
 * San Francisco Bay Area as a region (items carry a city, instructions talk about
 * "the Bay Area").
 */
import type { Context, UserProfile } from '../types';

/** The region label used in instructions and the UI. */
export const BAY_AREA = 'San Francisco Bay Area, CA';

/** Cities the built-in data places in the Bay Area (values of `Item.locale` / `UserProfile.location`). */
export const BAY_AREA_CITIES: readonly string[] = [
  'San Francisco, CA', 'Oakland, CA', 'Berkeley, CA', 'San Jose, CA', 'Palo Alto, CA',
  'Fremont, CA', 'Walnut Creek, CA', 'Daly City, CA', 'Alameda, CA', 'Sausalito, CA',
  'Half Moon Bay, CA', 'Mill Valley, CA', 'Pacifica, CA', 'Hayward, CA', 'Mountain View, CA',
];

const BAY_SET = new Set(BAY_AREA_CITIES.map((c) => c.toLowerCase()));

/** True when a locale is a Bay Area city or the region itself. */
export function isBayArea(locale: string): boolean {
  const l = locale.trim().toLowerCase();
  return l === BAY_AREA.toLowerCase() || BAY_SET.has(l);
}

/**
 * The region a locale belongs to: Bay Area cities map to `BAY_AREA`, anything else is
 * its own region. Lets "local" mean "same region", so an Oakland user counts a
 * San Francisco post as local.
 */
export function regionOf(locale: string): string {
  return isBayArea(locale) ? BAY_AREA : locale.trim();
}

/** True when two locales are in the same region (empty locales never match). */
export function sameRegion(a: string, b: string): boolean {
  if (!a.trim() || !b.trim()) return false;
  return regionOf(a) === regionOf(b);
}

/** Options for `Context.timeOfDay`, in UI order. */
export const TIME_OF_DAY_OPTIONS: readonly { value: Context['timeOfDay']; label: string }[] = [
  { value: 'morning', label: 'Morning' },
  { value: 'afternoon', label: 'Afternoon' },
  { value: 'evening', label: 'Evening' },
  { value: 'night', label: 'Late night' },
];

/** Options for `Context.device`, in UI order. */
export const DEVICE_OPTIONS: readonly { value: Context['device']; label: string }[] = [
  { value: 'mobile', label: 'Phone' },
  { value: 'desktop', label: 'Desktop' },
  { value: 'tv', label: 'TV' },
];

/** Labels for `Context.dayOfWeek` (index 0 = Sunday). */
export const DAY_OF_WEEK_LABELS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Named situations for the UI's context picker; `location` comes from the user. */
export const CONTEXT_PRESETS: readonly { id: string; label: string; context: Omit<Context, 'location'> }[] = [
  { id: 'weekday-evening', label: 'Weekday evening on the phone', context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile' } },
  { id: 'morning-commute', label: 'Morning commute', context: { timeOfDay: 'morning', dayOfWeek: 2, device: 'mobile' } },
  { id: 'lunch-break', label: 'Lunch break at the desk', context: { timeOfDay: 'afternoon', dayOfWeek: 3, device: 'desktop' } },
  { id: 'weekend-couch', label: 'Saturday night on the TV', context: { timeOfDay: 'evening', dayOfWeek: 6, device: 'tv' } },
  { id: 'late-night', label: 'Late-night scrolling', context: { timeOfDay: 'night', dayOfWeek: 5, device: 'mobile' } },
];

/**
 * The context a session gets unless the person picks another: a weekday evening on the
 * phone, at the user's home location (the built-in catalog's "now" is Monday 2025-09-15).
 */
export function defaultContext(user: UserProfile): Context {
  return { ...CONTEXT_PRESETS[0].context, location: user.location };
}
