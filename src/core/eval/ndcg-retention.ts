/**
 * NDCG versus retention: each recommender as one point, offline NDCG@10 on held-out
 * interactions against the simulated users' retention. The paper's hypothesis reads
 * the quadrants: high NDCG + high retention = strong exploitation; high NDCG + low
 * retention = repetitive; low NDCG + high retention = effective exploration.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { firstObservation } from '../env/observation';
import { ndcgAtN, recallAtN } from '../metrics/offline';
import { createRecommender } from '../recommenders/agentic';
import { createRng } from '../rng';
import { splitByTime } from '../users/split';
import type { Catalog, Context, Interaction, Slate, UserProfile } from '../types';
import { fitRng } from '../env/fit-rng';

/** Interactions that count as relevant in held-out data: a like/share/comment, a rating >= 4, or a watch without rating. */
export function isPositive(it: Interaction): boolean {
  if (it.rating !== undefined) return it.rating >= 4;
  return it.action === 'like' || it.action === 'share' || it.action === 'comment' || it.action === 'watch';
}

/** Users with a held-out part: real-data users keep theirs; personas are split 80/20 by time. */
export function withHeldOut(users: UserProfile[]): UserProfile[] {
  return users.map((u) => {
    if (u.heldOut && u.heldOut.length) return u;
    const s = splitByTime(u.history, 0.8);
    return { ...u, history: s.history, heldOut: s.heldOut };
  });
}

export interface OfflineScore {
  recommender: string;
  users: number;
  ndcg: number;
  recall: number;
}

/** Offline NDCG@n and Recall@n of one recommender against held-out positives (users without any are skipped). */
export async function offlineScore(name: string, catalog: Catalog, users: UserProfile[], contextFor: (u: UserProfile) => Context, n = 10, seed = 1): Promise<OfflineScore> {
  const split = withHeldOut(users);
  const rec = createRecommender(name);
  rec.fit?.({ catalog, users: split.map((u) => ({ ...u, heldOut: undefined })) }, fitRng(seed, name));
  const index = buildCatalogIndex(catalog);
  let ndcg = 0;
  let recall = 0;
  let counted = 0;
  for (const u of split) {
    const relevant = new Set((u.heldOut ?? []).filter(isPositive).map((h) => h.itemId).filter((id) => index.byId.has(id)));
    if (relevant.size === 0) continue;
    const slate: Slate = await rec.recommend(
      firstObservation(u, contextFor(u)),
      n,
      createRng(seed).fork(u.id),
    );
    ndcg += ndcgAtN(slate.itemIds, relevant, n);
    recall += recallAtN(slate.itemIds, relevant, n);
    counted++;
  }
  return { recommender: name, users: counted, ndcg: counted ? ndcg / counted : 0, recall: counted ? recall / counted : 0 };
}

/** Where a point falls on the paper's NDCG-retention chart, relative to the medians. */
export function quadrant(ndcg: number, retention: number, ndcgMid: number, retentionMid: number): 'exploitation' | 'repetitive' | 'exploration' | 'weak' {
  if (ndcg >= ndcgMid) return retention >= retentionMid ? 'exploitation' : 'repetitive';
  return retention >= retentionMid ? 'exploration' : 'weak';
}
