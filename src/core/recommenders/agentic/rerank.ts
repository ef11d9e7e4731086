/**
 * Executing a plan: retrieve candidates (the base recommender's list plus a catalog
 * search by the plan), score them against the plan, and pick a diverse slate.
 */
import type { CatalogIndex } from '../../catalog/catalog-index';
import type { Item, Observation, Plan } from '../../types';

/** Weights of the plan terms; `strength` (memory fading) scales all of them. */
export const PLAN_WEIGHTS = {
  base: 1.0,
  moreTopic: 2.2,
  lessTopic: -3.5,
  moreCreator: 2.0,
  lessCreator: -2.5,
  location: 2.0,
  format: 1.2,
  shortOk: 0.8,
  tooLong: -2.0,
  recent: 1.0,
  trending: 1.0,
  explore: 0.8,
  /** An item posted or shared by the people an instruction names. */
  person: 3.0,
  /** Penalty per item of the same topic already in the slate (higher when diversifying). */
  repeat: 0.35,
  repeatDiverse: 0.9,
};

const DAY_MS = 86_400_000;

function recency(item: Item, now: number): number {
  const ageDays = Math.max(0, (now - item.publishedAt) / DAY_MS);
  return Math.pow(0.5, ageDays / 3);
}

/** How well an item fits a plan (without the base rank and the diversity term). */
export function planScore(item: Item, plan: Plan, index: CatalogIndex, seenTopics: Set<string>): number {
  const w = PLAN_WEIGHTS;
  let s = 0;
  if (plan.moreTopics.includes(item.topic)) s += w.moreTopic;
  if (plan.lessTopics.includes(item.topic)) s += w.lessTopic;
  if (item.creator && plan.moreCreators.includes(item.creator)) s += w.moreCreator;
  if (item.creator && plan.lessCreators.includes(item.creator)) s += w.lessCreator;
  if (plan.locations.length && plan.locations.includes(item.locale)) s += w.location;
  if (plan.formats.length && plan.formats.includes(item.format)) s += w.format;
  if (plan.maxDurationSec !== undefined) s += item.durationSec <= plan.maxDurationSec ? w.shortOk : w.tooLong;
  if (plan.preferRecent) s += w.recent * recency(item, index.catalog.now);
  if (plan.preferTrending) s += w.trending * (index.popularity.get(item.id) ?? 0) * (0.5 + 0.5 * recency(item, index.catalog.now));
  if (plan.explore && !seenTopics.has(item.topic) && !plan.lessTopics.includes(item.topic)) s += w.explore;
  if (plan.peopleItems?.includes(item.id)) s += w.person;
  return s;
}

/** Catalog search by the plan: items of the requested topics, creators, places, formats. */
export function searchByPlan(plan: Plan, index: CatalogIndex, limitPerKey = 40): Item[] {
  const out: Item[] = [];
  const seen = new Set<string>();
  const take = (items: Item[] | undefined) => {
    if (!items) return;
    // Best first within a key: quality and popularity, ties by catalog order.
    const ranked = [...items].sort(
      (a, b) =>
        b.quality + (index.popularity.get(b.id) ?? 0) - (a.quality + (index.popularity.get(a.id) ?? 0)) ||
        (index.position.get(a.id) ?? 0) - (index.position.get(b.id) ?? 0),
    );
    for (const it of ranked.slice(0, limitPerKey)) {
      if (!seen.has(it.id)) {
        seen.add(it.id);
        out.push(it);
      }
    }
  };
  for (const t of plan.moreTopics) take(index.byTopic.get(t));
  for (const c of plan.moreCreators) take(index.byCreator.get(c));
  if (plan.locations.length || plan.formats.length || plan.maxDurationSec !== undefined || plan.preferRecent || plan.preferTrending) {
    const match = index.catalog.items.filter(
      (it) =>
        (!plan.locations.length || plan.locations.includes(it.locale)) &&
        (!plan.formats.length || plan.formats.includes(it.format)) &&
        (plan.maxDurationSec === undefined || it.durationSec <= plan.maxDurationSec) &&
        !plan.lessTopics.includes(it.topic),
    );
    take(match);
  }
  return out;
}

/**
 * Re-rank: score = base rank score + strength x plan score, then greedy selection with a
 * per-topic repetition penalty (maximal-marginal-relevance style). Deterministic: ties
 * break by catalog position.
 */
export function rerank(
  obs: Observation,
  baseIds: string[],
  plan: Plan,
  strength: number,
  index: CatalogIndex,
  k: number,
): string[] {
  const shown = new Set(obs.shown);
  const history = new Set(obs.history.map((h) => h.itemId));
  const seenTopics = new Set<string>();
  for (const id of obs.shown) {
    const it = index.byId.get(id);
    if (it) seenTopics.add(it.topic);
  }
  const cands = new Map<string, { item: Item; score: number }>();
  baseIds.forEach((id, rank) => {
    const item = index.byId.get(id);
    if (!item || shown.has(id)) return;
    cands.set(id, { item, score: PLAN_WEIGHTS.base * (1 - rank / Math.max(1, baseIds.length)) });
  });
  for (const id of plan.peopleItems ?? []) {
    const item = index.byId.get(id);
    if (item && !shown.has(id) && !cands.has(id)) cands.set(id, { item, score: 0 });
  }
  for (const item of searchByPlan(plan, index)) {
    if (shown.has(item.id) || cands.has(item.id)) continue;
    // Items the user already consumed come last, as in the base recommenders.
    cands.set(item.id, { item, score: history.has(item.id) ? -1 : 0 });
  }
  const scored = [...cands.values()].map((c) => ({ item: c.item, score: c.score + strength * planScore(c.item, plan, index, seenTopics) }));
  const repeat = plan.diversify || plan.explore ? PLAN_WEIGHTS.repeatDiverse : PLAN_WEIGHTS.repeat;
  const chosen: string[] = [];
  const topicCount = new Map<string, number>();
  const used = new Set<number>();
  while (chosen.length < k && used.size < scored.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < scored.length; i++) {
      if (used.has(i)) continue;
      const c = scored[i];
      const s = c.score - repeat * (topicCount.get(c.item.topic) ?? 0);
      if (s > bestScore || (s === bestScore && (index.position.get(c.item.id) ?? 0) < (index.position.get(scored[best].item.id) ?? 0))) {
        best = i;
        bestScore = s;
      }
    }
    used.add(best);
    const it = scored[best].item;
    chosen.push(it.id);
    topicCount.set(it.topic, (topicCount.get(it.topic) ?? 0) + 1);
  }
  return chosen;
}
