/**
 * A user profile built from a real interaction history (MovieLens): interests from the
 * topics of the items the user rated or tagged, weighted by the rating and by recency;
 * traits from how much and how the user rated. Works over any catalog: an item's topics
 * are its `topic` plus those of its tags that are topic ids (MovieLens genres).
 */
import type { Interaction, Item, Traits, UserProfile } from '../types';

/** Everything known about one real user, history already split by time. */
export interface HistoryUserInput {
  id: string;
  name: string;
  /** Oldest first; this is what the profile is built from. */
  history: Interaction[];
  /** Oldest first; kept on the profile, never used to build it. */
  heldOut: Interaction[];
  /** Item ids the user tagged (with epoch ms) up to the end of the history. */
  taggedItems?: { itemId: string; at: number; tag: string }[];
  age?: number | null;
  gender?: string;
  occupation?: string;
  location?: string;
  /** Rank of this user's history size among all users, in [0, 1] (1 = most active). */
  activityPercentile?: number;
}

/** What the builder needs to know about the catalog. */
export interface HistoryCatalogView {
  byId: Map<string, Item>;
  /** Topic ids of the catalog (to tell genre tags from free tags). */
  topicIds: Set<string>;
  /** Topic id -> label, for the bio. */
  topicLabels: Map<string, string>;
  /** Item id -> popularity in [0, 1] (see catalog-index.ts). */
  popularity: Map<string, number>;
}

/** Tuning of the builder; the defaults are what docs/movielens.md describes. */
export interface FromHistoryOptions {
  /** Recency half-life of an interaction's weight, in days (default 365). */
  halfLifeDays?: number;
}

const DAY_MS = 86_400_000;

/** How much an interaction says the user likes the item, in [0, 1]. */
function preference(x: Interaction): number {
  if (x.rating !== undefined) return Math.max(0, Math.min(1, (x.rating - 2.5) / 2.5));
  switch (x.action) {
    case 'like':
    case 'share':
      return 1;
    case 'comment':
      return 0.8;
    case 'watch':
      return 0.5;
    case 'click':
      return 0.3;
    default:
      return 0;
  }
}

/** Topic ids of an item: its topic, then its tags that are topics. */
export function itemTopics(item: Item, topicIds: Set<string>): string[] {
  const out = [item.topic];
  for (const t of item.tags) if (t !== item.topic && topicIds.has(t)) out.push(t);
  return out;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);
const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * Interest weights: sum over history entries of preference x recency, spread evenly
 * over the item's topics; user tags count as a full-preference signal on the tagged
 * item. Normalised so the strongest topic is 1; weights under 0.01 are dropped.
 */
export function interestsFromHistory(
  history: Interaction[],
  tagged: { itemId: string; at: number }[],
  catalog: HistoryCatalogView,
  halfLifeDays = 365,
): Record<string, number> {
  const last = history.length ? history[history.length - 1].at : 0;
  const scores = new Map<string, number>();
  const add = (itemId: string, at: number, pref: number): void => {
    const item = catalog.byId.get(itemId);
    if (!item || pref <= 0) return;
    const recency = Math.pow(0.5, Math.max(0, last - at) / (halfLifeDays * DAY_MS));
    const topics = itemTopics(item, catalog.topicIds);
    const share = (pref * recency) / topics.length;
    for (const t of topics) scores.set(t, (scores.get(t) ?? 0) + share);
  };
  for (const x of history) add(x.itemId, x.at, preference(x));
  for (const t of tagged) add(t.itemId, t.at, 1);
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  const out: Record<string, number> = {};
  if (max <= 0) return out;
  const sorted = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [t, v] of sorted) {
    const w = round3(v / max);
    if (w >= 0.01) out[t] = w;
  }
  return out;
}

/** Normalised Shannon entropy of the interest weights, in [0, 1] (1 = spread evenly). */
function spread(interests: Record<string, number>): number {
  const vals = Object.values(interests);
  if (vals.length < 2) return 0;
  const total = vals.reduce((a, b) => a + b, 0);
  let h = 0;
  for (const v of vals) if (v > 0) h -= (v / total) * Math.log(v / total);
  return h / Math.log(vals.length);
}

/**
 * Traits from activity (see docs/movielens.md for the formulas):
 * time budget and activity grow with the number of ratings (as a percentile among all
 * users) and the share of high ratings; curiosity and fatigue sensitivity grow with how
 * evenly the user's interests are spread; conformity is the mean popularity of what they
 * rated; users who write tags are more ready to give instructions.
 */
export function traitsFromHistory(
  history: Interaction[],
  interests: Record<string, number>,
  tagCount: number,
  catalog: HistoryCatalogView,
  activityPercentile: number,
): Traits {
  const n = history.length;
  const liked = history.filter((x) => preference(x) >= 0.6).length;
  const likeRate = n ? liked / n : 0;
  let pop = 0;
  for (const x of history) pop += catalog.popularity.get(x.itemId) ?? 0;
  const h = spread(interests);
  const pct = clamp01(activityPercentile);
  return {
    timeBudgetSec: Math.round(600 + 1800 * pct),
    curiosity: round3(0.1 + 0.8 * h),
    activity: round3(clamp01(0.1 + 0.5 * likeRate + 0.4 * pct)),
    conformity: round3(n ? clamp01(pop / n) : 0.5),
    fatigueSensitivity: round3(0.2 + 0.5 * h),
    instructionPropensity: round3(0.3 + 0.1 * Math.min(5, tagCount)),
  };
}

function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** Build the profile. Pure; the history entries are kept as given (oldest first). */
export function profileFromHistory(
  input: HistoryUserInput,
  catalog: HistoryCatalogView,
  opts: FromHistoryOptions = {},
): UserProfile {
  const tagged = input.taggedItems ?? [];
  const interests = interestsFromHistory(input.history, tagged, catalog, opts.halfLifeDays ?? 365);
  const n = input.history.length;
  const pct = input.activityPercentile ?? clamp01(Math.log1p(n) / Math.log1p(1000));
  const traits = traitsFromHistory(input.history, interests, tagged.length, catalog, pct);
  const top = Object.keys(interests)
    .slice(0, 3)
    .map((t) => catalog.topicLabels.get(t) ?? t);
  const parts: string[] = [];
  if (n > 0) {
    const from = yearOf(input.history[0].at);
    const to = yearOf(input.history[n - 1].at);
    parts.push(`Rated ${n} movie${n === 1 ? '' : 's'} ${from === to ? `in ${from}` : `from ${from} to ${to}`}.`);
  }
  if (top.length) parts.push(`Favourite genres: ${top.join(', ')}.`);
  const tagWords = [...new Set(tagged.map((t) => t.tag))].slice(0, 3);
  if (tagWords.length) parts.push(`Tags movies with ${tagWords.join(', ')}.`);
  return {
    id: input.id,
    name: input.name,
    age: input.age ?? null,
    gender: input.gender ?? '',
    location: input.location ?? '',
    occupation: input.occupation ?? '',
    bio: parts.join(' '),
    groups: [],
    interests,
    traits,
    history: input.history,
    heldOut: input.heldOut,
    source: 'movielens',
  };
}
