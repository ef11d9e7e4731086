/**
 * Cached item vectors in IndexedDB (table `itemVectors`, schema v4): one row per catalog
 * and model. Rows store the Float32Array as is (structured clone), so a 729 x 384 MiniLM
 * matrix is about 1.1 MB.
 */
import type { ItemVectors } from '../core/embed/vectors';
import type { RecoDb } from './db';

/** Store (or replace) vectors. */
export async function saveItemVectors(db: RecoDb, v: ItemVectors, now = Date.now()): Promise<void> {
  await db.itemVectors.put({ catalogId: v.catalogId, model: v.model, dim: v.dim, ids: [...v.ids], data: v.data, updatedAt: now });
}

/** The cached vectors of a catalog and model, or null. A row that does not add up is reported, not used. */
export async function loadItemVectors(db: RecoDb, catalogId: string, model: string): Promise<ItemVectors | null> {
  const r = await db.itemVectors.get([catalogId, model]);
  if (!r) return null;
  if (!(r.data instanceof Float32Array) || r.data.length !== r.ids.length * r.dim) {
    throw new Error(`Cached vectors of "${catalogId}" / "${model}" are damaged (${r.ids.length} ids x ${r.dim} dims, ${r.data?.length ?? 0} values); delete them and compute again`);
  }
  return { catalogId: r.catalogId, model: r.model, dim: r.dim, ids: r.ids, data: r.data };
}

/** What is cached for a catalog: model, dimension, item count, when. */
export async function listItemVectors(db: RecoDb, catalogId: string): Promise<{ model: string; dim: number; items: number; updatedAt: number }[]> {
  const rows = await db.itemVectors.where('catalogId').equals(catalogId).toArray();
  return rows.map((r) => ({ model: r.model, dim: r.dim, items: r.ids.length, updatedAt: r.updatedAt })).sort((a, b) => (a.model < b.model ? -1 : 1));
}

/** Delete one cached model's vectors. */
export async function deleteItemVectors(db: RecoDb, catalogId: string, model: string): Promise<void> {
  await db.itemVectors.delete([catalogId, model]);
}

/**
 * Rows of other versions of a catalog: cached under the bare catalog id (before the cache
 * was keyed by content) or under another content hash of it (a catalog re-imported with
 * changed text; every MovieLens folder imports as `ml-latest`). Nothing reads them for this
 * catalog, and nothing deleted them: a 9,000-movie matrix of 384 dimensions is 14 MB.
 * `key` is the current `vectorCacheKey`, `catalogId` the catalog's id. The one selection
 * that `listOtherVersions` counts and `deleteOtherVersions` deletes.
 */
function otherVersions(db: RecoDb, catalogId: string, key: string) {
  return db.itemVectors
    .where('catalogId')
    .startsWith(catalogId)
    .filter((r) => r.catalogId !== key && (r.catalogId === catalogId || r.catalogId.startsWith(`${catalogId}#`)));
}

/** How many rows of other versions of a catalog are cached (`otherVersions`), and about how many bytes they hold. */
export async function listOtherVersions(db: RecoDb, catalogId: string, key: string): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  let bytes = 0;
  await otherVersions(db, catalogId, key).each((r) => {
    rows++;
    bytes += (r.data?.byteLength ?? 0) + r.ids.reduce((n, id) => n + 2 * id.length, 0);
  });
  return { rows, bytes };
}

/** Delete the rows `listOtherVersions` counts; returns how many went. */
export async function deleteOtherVersions(db: RecoDb, catalogId: string, key: string): Promise<number> {
  return otherVersions(db, catalogId, key).delete();
}
