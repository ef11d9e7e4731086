/**
 * Matching places loosely: "Oakland, CA" and "San Francisco Bay Area, CA" are the same
 * neighbourhood for a viewer, so both map to one region key. Pure string work, done once
 * per catalog item (cached) and once per session.
 */

/** Cities that belong to the San Francisco Bay Area (lower-case). */
const BAY_AREA = new Set([
  'san francisco', 'oakland', 'berkeley', 'san jose', 'palo alto', 'mountain view', 'sunnyvale',
  'fremont', 'hayward', 'richmond', 'alameda', 'daly city', 'san mateo', 'redwood city',
  'santa clara', 'cupertino', 'menlo park', 'walnut creek', 'emeryville', 'sausalito',
  'san francisco bay area', 'bay area', 'sf bay area', 'sf', 'east bay', 'south bay', 'silicon valley',
]);

const keys = new Map<string, string>();

/** Region key of a place string: lower-case city (first comma part), Bay Area cities folded together. */
export function localeKey(place: string): string {
  if (!place) return '';
  let k = keys.get(place);
  if (k === undefined) {
    k = computeKey(place);
    // Places are few (catalog locales, user locations); the cap only guards odd inputs.
    if (keys.size < 10_000) keys.set(place, k);
  }
  return k;
}

function computeKey(place: string): string {
  const city = place.split(',')[0].trim().toLowerCase();
  if (BAY_AREA.has(city) || place.toLowerCase().includes('bay area')) return 'san francisco bay area';
  return city;
}

/** How a person names the place in a sentence: "the Bay Area", "Chicago". */
export function placePhrase(place: string): string {
  if (!place) return 'my area';
  if (localeKey(place) === 'san francisco bay area') return 'the Bay Area';
  return place.split(',')[0].trim();
}
