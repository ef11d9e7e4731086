/**
 * A per-catalog memo of the offline embedding: the leaderboard and compare runs fit
 * `embedding` and `embedding+follow` (and the planner) on the same catalog with the same
 * seed; the fit (about a second on the 729-item feed) is done once. Keyed weakly by the
 * catalog object and by a number drawn from the caller's rng, so a different seed refits.
 */
import type { Catalog, Rng } from '../types';
import { fitOfflineEmbedding, type OfflineEmbedding } from './offline';

const memo = new WeakMap<Catalog, Map<number, OfflineEmbedding>>();

/** The offline embedding of `catalog` for this rng (memoised; at most 4 seeds per catalog). */
export function offlineEmbeddingFor(catalog: Catalog, rng: Rng): OfflineEmbedding {
  const r = rng.fork('offline-embedding');
  const key = r.fork('key').int(2 ** 31);
  let byKey = memo.get(catalog);
  if (!byKey) memo.set(catalog, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.vectors.ids.length === catalog.items.length) return hit;
  const emb = fitOfflineEmbedding(catalog, r);
  if (byKey.size >= 4) byKey.delete(byKey.keys().next().value as number);
  byKey.set(key, emb);
  return emb;
}
