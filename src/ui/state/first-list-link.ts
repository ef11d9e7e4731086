/**
 * A hand-picked first list (`first=` in a link) against the catalog it runs on. A shared
 * link, a catalog switch or an import can leave ids the catalog does not hold, and the run
 * description refused the whole run for them. The shell keeps the ids that are there, runs
 * with those (or, with none left, as if `first=` were absent) and says which were ignored.
 */
import type { Catalog } from '../../core/types';

/** How many ignored ids a notice names (the rest are counted). */
export const LISTED_IDS = 5;
/** Longest id shown in a notice (ids in a link may be up to 128 characters). */
const SHOWN_ID_CHARS = 40;

/** The ids of `ids` the catalog holds (in their order) and those it does not. */
export function splitFirstList(ids: readonly string[], catalog: Pick<Catalog, 'items'>): { kept: string[]; ignored: string[] } {
  const known = new Set(catalog.items.map((i) => i.id));
  const kept: string[] = [];
  const ignored: string[] = [];
  for (const id of ids) (known.has(id) ? kept : ignored).push(id);
  return { kept, ignored };
}

/** The sentence a banner shows for ids a catalog lacks (plain text: the shell renders it as text). */
export function ignoredFirstListNotice(ignored: readonly string[], kept: number, catalogName: string): string {
  const shown = ignored.slice(0, LISTED_IDS).map((id) => (id.length > SHOWN_ID_CHARS ? `${id.slice(0, SHOWN_ID_CHARS - 1)}…` : id));
  const more = ignored.length > LISTED_IDS ? ` and ${ignored.length - LISTED_IDS} more` : '';
  const n = ignored.length === 1 ? '1 item' : `${ignored.length} items`;
  const what = `The hand-picked first list (first= in the link) names ${n} not in the catalog "${catalogName}": ${shown.join(', ')}${more}.`;
  return kept > 0
    ? `${what} ${ignored.length === 1 ? 'It was' : 'They were'} ignored; the run starts with the other ${kept === 1 ? 'item' : `${kept} items`}.`
    : `${what} None is left, so the recommender picks the first list, as without first=.`;
}
