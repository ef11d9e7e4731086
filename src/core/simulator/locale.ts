/**
 * Matching places loosely: "Oakland, CA" and "San Francisco Bay Area, CA" are the same
 * neighbourhood for a viewer, so both map to one region key. Which cities are in the Bay
 * Area is decided in one place for the whole project (`isBayArea`, users/context.ts).
 * Pure string work, done once per catalog item (cached) and once per session.
 */
import { isBayArea } from '../users/context';

/** The region key every Bay Area place maps to. */
const BAY_KEY = 'san francisco bay area';

const keys = new Map<string, string>();

/** Region key of a place string: lower-case city (first comma part), Bay Area places folded together. */
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
  // "Bay Area" spelled out in any form ("SF Bay Area", "East Bay Area") is the region too.
  if (isBayArea(place) || place.toLowerCase().includes('bay area')) return BAY_KEY;
  return place.split(',')[0].trim().toLowerCase();
}

/** How a person names the place in a sentence: "the Bay Area", "Chicago". */
export function placePhrase(place: string): string {
  if (!place) return 'my area';
  if (localeKey(place) === BAY_KEY) return 'the Bay Area';
  return place.split(',')[0].trim();
}
