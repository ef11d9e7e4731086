/**
 * Demographics of a population: age bands and coarse regions. Regions are countries
 * (or "Other"), derived from the "City, ST" / "City, Country" locales the catalog and the
 * personas use, so "teens in the US and Canada" can be targeted and locality can be read.
 */

/** Age bands, youngest first (index = `Population.ageBand` value). */
export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Regions (index = `Population.region` value). */
export const REGIONS = ['US', 'Canada', 'UK', 'Mexico', 'Other'] as const;
export type Region = (typeof REGIONS)[number];

/** Share of users drawn into each region when they do not keep their base persona's. */
export const REGION_MIX: readonly number[] = [0.45, 0.15, 0.12, 0.08, 0.2];

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const COUNTRY: Record<string, number> = { usa: 0, 'united states': 0, us: 0, canada: 1, uk: 2, 'united kingdom': 2, england: 2, scotland: 2, mexico: 3 };

/** Region index of a locale ("Oakland, CA" -> US, "Toronto, ON" -> Canada, "London, UK" -> UK). */
export function regionOfLocale(locale: string): number {
  const parts = locale.split(',');
  const last = (parts[parts.length - 1] ?? '').trim();
  if (!last) return REGIONS.length - 1;
  if (US_STATES.has(last)) return 0;
  if (CA_PROVINCES.has(last)) return 1;
  return COUNTRY[last.toLowerCase()] ?? REGIONS.length - 1;
}

/** Age band index of an age in years (under 13 counts as the youngest band). */
export function ageBandOf(age: number): number {
  if (age < 18) return 0;
  if (age < 25) return 1;
  if (age < 35) return 2;
  if (age < 45) return 3;
  if (age < 55) return 4;
  return 5;
}

/** Index of an age band label, or -1. */
export function ageBandIndex(label: string): number {
  return (AGE_BANDS as readonly string[]).indexOf(label.trim());
}

/** Index of a region label (case-insensitive), or -1. */
export function regionIndex(label: string): number {
  const l = label.trim().toLowerCase();
  return REGIONS.findIndex((r) => r.toLowerCase() === l);
}
