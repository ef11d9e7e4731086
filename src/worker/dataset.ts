/**
 * An imported dataset (MovieLens) sent to a worker with a request, and the world the worker
 * runs it in. Imported data lives in the page (the DataStore of the tab that imported it),
 * so the Batch and leaderboard requests carry the catalog and users (structured clone,
 * within `DATASET_LIMITS`); the worker checks them, fits the response model with the seed
 * every entry point uses (`prepareDatasetWorld`, core/run/dataset-world.ts) and keeps the
 * last fitted model, keyed by a hash of the data, so the next run on the same dataset starts
 * at once.
 */
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import type { RunWorld } from '../core/run/build-run';
import { hasRealHistories, prepareDatasetWorld } from '../core/run/dataset-world';
import { attachResponseModel, responseModelFor, type MovieResponseModel } from '../core/simulator/movie-response';
import type { Catalog, UserProfile } from '../core/types';
import { Hash64 } from '../core/hash64';

/** A dataset as it travels with a request (plain data). */
export interface DatasetPayload {
  catalog: Catalog;
  users: UserProfile[];
}

/** What a request may carry (ml-latest-small here: 9,125 movies, 671 users, 100,004 ratings). */
export const DATASET_LIMITS = Object.freeze({ items: 200_000, users: 200_000, interactions: 5_000_000 });

/** The stage a world is being prepared in, said before work that takes seconds (for progress bars). */
export type WorldStage = 'fitting the response model';

const fmt = (n: number) => n.toLocaleString('en-US');
const isBuiltin = (id: string) => BUILTIN_CATALOGS.some((c) => c.id === id);

/** Check a dataset's shape and size against the catalog id the run names; throws a plain Error. */
export function checkDataset(d: unknown, catalogId: string): DatasetPayload {
  const p = d as Partial<DatasetPayload> | null;
  if (!p || typeof p !== 'object' || !p.catalog || !Array.isArray(p.catalog.items) || !Array.isArray(p.users)) {
    throw new Error(`The dataset sent for catalog "${catalogId}" is not a catalog with users`);
  }
  if (p.catalog.id !== catalogId) throw new Error(`The run names catalog "${catalogId}" but the dataset sent is "${p.catalog.id}"`);
  const L = DATASET_LIMITS;
  if (p.catalog.items.length > L.items) throw new Error(`Dataset "${catalogId}" has ${fmt(p.catalog.items.length)} items; a run in the app takes at most ${fmt(L.items)} (use npm run simulate for larger ones)`);
  if (p.users.length > L.users) throw new Error(`Dataset "${catalogId}" has ${fmt(p.users.length)} users; a run in the app takes at most ${fmt(L.users)}`);
  let n = 0;
  for (const u of p.users) n += (u.history?.length ?? 0) + (u.heldOut?.length ?? 0);
  if (n > L.interactions) throw new Error(`Dataset "${catalogId}" has ${fmt(n)} ratings; a run in the app takes at most ${fmt(L.interactions)} (use npm run simulate for larger ones)`);
  return p as DatasetPayload;
}

/**
 * A 64-bit hash (`Hash64`) of the whole dataset: every rating (item, action,
 * time, rating, watch time) field by field, everything else (the catalog's items and
 * topics, each user without its ratings) as JSON. Same data, same key; any change (a
 * rating, a tag, a timestamp) another key. Field by field for the ratings because they are
 * the bulk (100,000 on ml-latest-small) and JSON of each would triple the time.
 */
export function datasetKey(d: DatasetPayload): string {
  const h = new Hash64();
  const str = (s: string) => void h.str(s);
  const { items, ...rest } = d.catalog;
  str(JSON.stringify(rest));
  str(String(items.length));
  for (const it of items) str(JSON.stringify(it));
  str(String(d.users.length));
  for (const u of d.users) {
    const { history, heldOut, ...profile } = u;
    str(JSON.stringify(profile));
    for (const list of [history ?? [], heldOut ?? []]) {
      str(String(list.length));
      for (const x of list) {
        str(x.itemId);
        str(x.action);
        str(String(x.at));
        str(String(x.rating));
        str(String(x.watchSec));
      }
    }
  }
  return h.hex();
}

/** The last fitted model of this worker (one: a model of ml-latest-small holds tens of MB). */
let cached: { key: string; model: MovieResponseModel } | null = null;

/** Forget the cached model (tests). */
export function clearDatasetCache(): void {
  cached = null;
}

/**
 * The world of a dataset: the cached model attached when the data is the same, else the
 * model fitted now (`onStage('fitting the response model')` first, and a turn of the event
 * loop so that message reaches the page before the fit holds this thread for seconds).
 */
export async function datasetWorld(d: DatasetPayload, onStage?: (s: WorldStage) => void): Promise<RunWorld> {
  if (!hasRealHistories(d.users) || responseModelFor(d.catalog)) return prepareDatasetWorld(d.catalog, d.users);
  const key = datasetKey(d);
  if (cached?.key === key) {
    attachResponseModel(d.catalog, cached.model);
    return prepareDatasetWorld(d.catalog, d.users);
  }
  onStage?.('fitting the response model');
  await new Promise((r) => setTimeout(r, 0));
  const world = prepareDatasetWorld(d.catalog, d.users);
  const model = responseModelFor(d.catalog);
  if (model) cached = { key, model };
  return world;
}

/**
 * Resolve a run's catalog: a built-in one with the personas, or the imported dataset the
 * request carries (checked, with its response model). A catalog that is neither is an error
 * that says what to do.
 */
export async function resolveRunWorld(catalogId: string, dataset: DatasetPayload | undefined, onStage?: (s: WorldStage) => void): Promise<RunWorld> {
  if (isBuiltin(catalogId) && !dataset) {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogId), loadBuiltinPersonas()]);
    return { catalog, users: personas, personas };
  }
  if (!dataset) {
    throw new Error(
      `Catalog "${catalogId}" is neither a built-in catalog (${BUILTIN_CATALOGS.map((c) => c.id).join(', ')}) nor a dataset imported in this tab: import the MovieLens folder again (Live, Catalog), then run`,
    );
  }
  return datasetWorld(checkDataset(dataset, catalogId), onStage);
}
