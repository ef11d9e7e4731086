/** Where creators and posts are: the Bay Area well represented, plus a spread of other cities. */
import { BAY_AREA_CITIES } from '../../src/core/users/context';

/** Bay Area cities with how often a Bay Area creator lives there. */
export const BAY_AREA_WEIGHTS: [string, number][] = [
  ['San Francisco, CA', 10], ['Oakland, CA', 8], ['San Jose, CA', 6], ['Berkeley, CA', 4],
  ['Palo Alto, CA', 2], ['Fremont, CA', 2], ['Walnut Creek, CA', 1.5], ['Daly City, CA', 1],
  ['Alameda, CA', 1], ['Hayward, CA', 1], ['Mountain View, CA', 1.5],
];

/** Other places, with weights. */
export const OTHER_LOCALE_WEIGHTS: [string, number][] = [
  ['Los Angeles, CA', 6], ['New York, NY', 6], ['Seattle, WA', 3], ['Portland, OR', 2.5],
  ['Austin, TX', 3], ['Chicago, IL', 3], ['Miami, FL', 2.5], ['Denver, CO', 2], ['Boston, MA', 2.5],
  ['Atlanta, GA', 2], ['San Diego, CA', 2.5], ['Sacramento, CA', 1.5], ['Honolulu, HI', 1],
  ['Las Vegas, NV', 1.5], ['London, UK', 3], ['Toronto, ON', 2], ['Vancouver, BC', 1.5],
  ['Mexico City, Mexico', 2], ['Tokyo, Japan', 2], ['Sydney, Australia', 1], ['Manila, Philippines', 1],
];

/** Substrings of a creator's name that pin the creator to a place. */
export const NAME_PLACE_HINTS: [string, string][] = [
  ['Oakland', 'Oakland, CA'], ['Fruitvale', 'Oakland, CA'], [' SF', 'San Francisco, CA'],
  ['Fog City', 'San Francisco, CA'], ['Mission', 'San Francisco, CA'], ['Berkeley', 'Berkeley, CA'],
  [' SJ', 'San Jose, CA'], ['Fremont', 'Fremont, CA'], ['Sausalito', 'Sausalito, CA'],
  ['Ocean Beach', 'San Francisco, CA'], ['Steamer Lane', 'Santa Cruz, CA'], ['Madison', 'Bozeman, MT'],
  ['Salt & Traps', 'Bar Harbor, ME'], ['Dub Nation', 'San Francisco, CA'], ['Bay FC', 'San Jose, CA'],
  ['Bay Area', 'San Francisco, CA'], ['SFO', 'San Francisco, CA'], ['Old SF', 'San Francisco, CA'],
  ['Bay Brief', 'San Francisco, CA'], ['Ballet Bay', 'San Francisco, CA'], ['Drone Over Bay', 'Oakland, CA'],
  ['Byte Size Bay', 'San Francisco, CA'], ['Silicon Valley', 'Palo Alto, CA'], ['Turf Feinz', 'Oakland, CA'],
];

/** Every Bay Area locale the generator may emit must be known to the core's region helper. */
export function assertBayAreaKnown(): void {
  for (const [city] of BAY_AREA_WEIGHTS) {
    if (!BAY_AREA_CITIES.includes(city)) throw new Error(`Bay Area city ${city} missing from BAY_AREA_CITIES`);
  }
}
