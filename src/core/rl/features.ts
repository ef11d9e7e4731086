/**
 * The features of the `rl-policy` slate policy: one vector per (observation, item), from
 * what any recommender may see (visible profile, context, history, this session's lists,
 * the last list's feedback). Not the instruction: like the other traditional recommenders
 * it ignores it (wrap it as `rl-policy+follow` to follow instructions). Topic-agnostic (no per-topic weights), so a
 * policy trained on one catalog applies to another.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { buildItemFeatures, type ItemFeatures } from '../recommenders/item-features';
import { interactionStrength } from '../recommenders/signals';
import type { Observation } from '../types';
import { sameRegion } from '../users/context';

/** Feature names, in vector order (stored with a policy; a policy with other names is refused). */
export const FEATURE_NAMES = [
  'declared_interest',
  'history_affinity',
  'related_interest',
  'session_share',
  'session_signal',
  'last_list_signal',
  'interest_x_share',
  'popularity',
  'quality',
  'recency',
  'length',
  'length_x_mobile',
  'local',
  'creator_affinity',
] as const;

export const D = FEATURE_NAMES.length;

/** Per-catalog tables, built once. */
export interface FeatureTables {
  index: CatalogIndex;
  items: ItemFeatures;
  /** Catalog means of popularity, quality, recency, length (features are centred on them). */
  means: [number, number, number, number];
}

export function buildFeatureTables(index: CatalogIndex): FeatureTables {
  const items = buildItemFeatures(index);
  const n = Math.max(1, items.topic.length);
  const means: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < items.topic.length; i++) {
    means[0] += items.popularity[i] / n;
    means[1] += items.quality[i] / n;
    means[2] += items.recency[i] / n;
    means[3] += items.length[i] / n;
  }
  return { index, items, means };
}

/**
 * Fill `out` (n x D, row-major) with the features of every catalog item for `obs`.
 * O(n D + history).
 */
export function fillFeatures(t: FeatureTables, obs: Observation, out: Float64Array): void {
  const { index, items: f, means } = t;
  const T = f.topicIds.length;
  const n = f.topic.length;
  const declared = new Float64Array(T);
  f.topicIds.forEach((id, i) => (declared[i] = Math.min(1, Math.max(0, obs.profile.interests?.[id] ?? 0))));
  const topicPos = new Map(f.topicIds.map((id, i) => [id, i]));
  const related = new Float64Array(T);
  f.topicIds.forEach((id, i) => {
    let m = 0;
    for (const r of index.related.get(id) ?? []) {
      const p = topicPos.get(r);
      if (p !== undefined) m = Math.max(m, declared[p]);
    }
    related[i] = m;
  });
  // History: affinity per topic and creator (all of it), session signal (this session's items).
  const shownSet = new Set(obs.shown);
  const affinity = new Float64Array(T);
  const sessionSignal = new Float64Array(T);
  const creator = new Map<string, number>();
  for (const h of obs.history) {
    const p = index.position.get(h.itemId);
    if (p === undefined) continue;
    const item = index.catalog.items[p];
    const s = interactionStrength(h, item);
    affinity[f.topic[p]] += s;
    if (item.creator) creator.set(item.creator, (creator.get(item.creator) ?? 0) + s);
    if (shownSet.has(h.itemId)) sessionSignal[f.topic[p]] += s;
  }
  let maxAff = 1e-9;
  for (let i = 0; i < T; i++) maxAff = Math.max(maxAff, Math.abs(affinity[i]));
  const share = new Float64Array(T);
  for (const id of obs.shown) {
    const p = index.position.get(id);
    if (p !== undefined) share[f.topic[p]] += 1;
  }
  if (obs.shown.length > 0) for (let i = 0; i < T; i++) share[i] /= obs.shown.length;
  const last = new Float64Array(T);
  const te = obs.implicit?.topicEngagement ?? {};
  for (const [id, v] of Object.entries(te)) {
    const p = topicPos.get(id);
    if (p !== undefined) last[p] = Math.max(-1, Math.min(1, v / 3));
  }
  const mobile = obs.context.device === 'mobile' ? 1 : 0;
  const where = obs.context.location || obs.profile.location;
  const cat = index.catalog.items;
  for (let i = 0, o = 0; i < n; i++, o += D) {
    const tp = f.topic[i];
    const len = f.length[i] - means[3];
    out[o] = declared[tp];
    out[o + 1] = affinity[tp] / maxAff;
    out[o + 2] = related[tp];
    out[o + 3] = share[tp];
    out[o + 4] = Math.max(-1, Math.min(1, sessionSignal[tp] / 3));
    out[o + 5] = last[tp];
    out[o + 6] = declared[tp] * share[tp];
    out[o + 7] = f.popularity[i] - means[0];
    out[o + 8] = f.quality[i] - means[1];
    out[o + 9] = f.recency[i] - means[2];
    out[o + 10] = len;
    out[o + 11] = len * mobile;
    out[o + 12] = sameRegion(cat[i].locale, where) ? 1 : 0;
    const c = cat[i].creator ? (creator.get(cat[i].creator) ?? 0) : 0;
    out[o + 13] = Math.max(-1, Math.min(1, c / 2));
  }
}
