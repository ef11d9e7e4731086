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

/** What the shell does once a catalog has loaded: the first list to hold, and what to say (null: nothing). */
export interface FirstListOutcome {
  list: string[];
  notice: string | null;
  /** Another catalog than the one the list was last checked against (an earlier switch's notice is out of date). */
  switched: boolean;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
const itemCount = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/**
 * Hand-picked first lists across catalog switches. A list names items of one catalog; a
 * switch to a catalog without them dropped the list for good (switching back found the
 * recommender's list again). The keeper puts a list aside under its catalog when a switch
 * leaves it (and says so), and gives it back when that catalog is chosen again, unless a list
 * picked meanwhile goes on there (that choice stands).
 */
export class FirstListKeeper {
  /** Lists a switch put aside, by their catalog. */
  private readonly aside = new Map<string, string[]>();
  /** The catalog the settings' first list belongs to: the link's, then the one it was last checked against. */
  private on: { id: string; name: string };
  /** The list the last switch (or the link) left in the settings: another one there now was picked since. */
  private arrived: string[] | null = null;

  /** `catalogId`: the catalog of the settings the page opened with (its name is learnt when it loads). */
  constructor(catalogId: string) {
    this.on = { id: catalogId, name: catalogId };
  }

  /** The list put aside for a catalog, if any. */
  keptFor(catalogId: string): readonly string[] | undefined {
    return this.aside.get(catalogId);
  }

  /**
   * `catalog` has loaded with `list` in the settings: the list to hold now and what to say.
   * `deliberate`: the list was set on purpose with the switch (a scenario opened, which sets
   * its catalog and its own first list, empty or not): it stands, nothing put aside comes back.
   */
  settle(list: readonly string[], catalog: Pick<Catalog, 'id' | 'name' | 'items'>, { deliberate = false }: { deliberate?: boolean } = {}): FirstListOutcome {
    const from = this.on;
    this.on = { id: catalog.id, name: catalog.name };
    const { kept, ignored } = splitFirstList(list, catalog);
    if (from.id === catalog.id) {
      // The link's list on its catalog (or the same catalog again): ids it lacks are ignored, and said.
      this.arrived ??= kept;
      return { list: kept, notice: ignored.length ? ignoredFirstListNotice(ignored, kept.length, catalog.name) : null, switched: false };
    }
    const picked = this.arrived !== null && !sameIds(list, this.arrived);
    // Every id was the catalog's we left: the whole list is kept for the way back.
    if (ignored.length) this.aside.set(from.id, [...list]);
    const back = this.aside.get(catalog.id);
    this.aside.delete(catalog.id);
    // Its own list comes back, unless one picked since goes on here.
    const restored = back && !deliberate && (!picked || !kept.length) ? splitFirstList(back, catalog).kept : [];
    const out = restored.length ? restored : kept;
    this.arrived = out;
    if (restored.length) {
      const also = ignored.length ? ` The one of "${from.name}" (${itemCount(list.length)}) is kept for when you choose "${from.name}" again.` : '';
      return { list: out, notice: also ? `The hand-picked first list of "${catalog.name}" is back.${also}` : null, switched: true };
    }
    return { list: out, notice: ignored.length ? switchedFirstListNotice(list.length, from.name, kept.length, catalog.name) : null, switched: true };
  }
}

/** The sentence a banner shows when a switch to another catalog put the hand-picked first list aside. */
export function switchedFirstListNotice(count: number, fromName: string, kept: number, toName: string): string {
  const rest = kept > 0 ? `runs start with the ${kept === 1 ? 'item' : `${kept} items`} of it this catalog holds` : 'the recommender picks the first list';
  return `The hand-picked first list (${itemCount(count)} of "${fromName}") is ${kept > 0 ? 'not all' : 'not'} in the catalog "${toName}": here ${rest}. It is kept: choosing "${fromName}" again brings it back.`;
}
