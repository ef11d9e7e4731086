/**
 * The rule-based planner: turns an instruction into a Plan with a lexicon of cue words
 * and fuzzy matching against the catalog's topics, tags, creators and places. No download,
 * deterministic, and explainable: every part of the plan comes from a phrase or a signal.
 *
 * Perception beyond the words: the user's declared interests and history (for vague
 * instructions), the implicit signals of the last list (skipped topics), and the user's
 * location (for "near me").
 */
import type { CatalogIndex } from '../../catalog/catalog-index';
import type { ItemFormat, Observation, Plan } from '../../types';
import { BAY_AREA } from '../../users/context';
import type { TextTopicMatcher } from '../../embed/topic-match';
import { findEntities, normalizeWords, type Lexicon, type LexMatch } from './lexicon';
import { emptyPlan, summarizePlan } from './plan';
import { applyPeople } from './people';

/** Everything a planner may look at. */
export interface PlanInput {
  instruction: string;
  observation: Observation;
  index: CatalogIndex;
  lexicon: Lexicon;
  /**
   * Optional: topics for free-form text by embedding similarity, consulted only when the
   * lexicon and the cue words find nothing. Absent: the planner is lexicon-only.
   */
  textMatch?: TextTopicMatcher;
}

/** A planner turns an instruction into a plan (sync for rules, async for an LLM). */
export interface Planner {
  readonly name: string;
  plan(input: PlanInput): Plan | Promise<Plan>;
}

const NEG_CUES = [
  'too much', 'too many', 'no more', 'less', 'fewer', 'stop', 'enough', 'tired of', 'sick of', 'fed up', 'not into',
  'dont want', 'dont like', 'hate', 'without', 'except', 'avoid', 'no', 'not', 'away from', 'over', 'repetitive', 'again',
];
const POS_CUES = ['more', 'show me', 'want', 'love', 'like', 'into', 'give me', 'only', 'just', 'about', 'some'];
const EXPLORE_CUES = ['bored', 'boring', 'interesting', 'something new', 'surprise', 'new stuff', 'fresh ideas', 'mix it up', 'something else', 'same old', 'variety', 'explore'];
const RELATED_CUES = ['different but related', 'related', 'similar', 'adjacent', 'along those lines', 'like this but', 'but different', 'close to it', 'close to that', 'just different', 'nearby topics'];
const SHORT_CUES = ['shorter', 'short', 'quick', 'quicker', 'too long', 'bite sized', 'brief', 'less than a minute'];
const RECENT_CUES = ['fresh', 'latest', 'recent', 'whats new', 'new today', 'from today', 'posted today', 'this week', 'just posted', 'newer', 'old stuff', 'stale', 'outdated', 'feels old', 'all old'];
const TRENDING_CUES = ['trending', 'popular', 'viral', 'everyone', 'people are watching', 'what people', 'hot right now', 'buzz'];
const LOCAL_CUES = ['near me', 'nearby', 'local', 'around here', 'my area', 'my city', 'my town', 'close to me', 'in town'];
const PRONOUNS = ['of it', 'of this', 'of that', 'of these', 'of those', 'of them', 'like this', 'like that', 'like these', 'like those', 'this stuff', 'that stuff', 'this kind', 'that kind'];
const DIVERSE_CUES = ['variety', 'mix', 'diverse', 'different', 'all the same', 'repetitive', 'same thing', 'one topic'];

const FORMAT_CUES: [string, ItemFormat][] = [
  ['text post', 'text_post'], ['posts to read', 'text_post'], ['article', 'text_post'], ['read', 'text_post'],
  ['photo', 'image'], ['picture', 'image'], ['image', 'image'], ['carousel', 'image'],
  ['friend suggestion', 'friend_suggestion'], ['people to follow', 'friend_suggestion'], ['new friend', 'friend_suggestion'],
  ['only video', 'short_video'], ['just video', 'short_video'], ['more video', 'short_video'], ['clips', 'short_video'],
];

/** True when the phrase (normalised) occurs in the word list as consecutive words, plurals folded. */
function has(words: string[], phrase: string): boolean {
  const p = normalizeWords(phrase);
  outer: for (let i = 0; i + p.length <= words.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const w = words[i + j];
      if (w !== p[j] && w !== p[j] + 's' && w !== p[j] + 'es') continue outer;
    }
    return true;
  }
  return false;
}

function hasAny(words: string[], cues: string[]): boolean {
  return cues.some((c) => has(words, c));
}

/** Split an instruction into clauses; polarity is decided per clause. */
function clauses(text: string): string[][] {
  return text
    .split(/[.;!?\n]+|,\s*(?=(?:but|and|more|less|fewer|no|show|give|i)\b)|\bbut\b|\binstead\b|\brather than\b/i)
    .map(normalizeWords)
    .filter((c) => c.length > 0);
}

/** Negative when a negative cue precedes the entity in its clause (or the clause says "too much"). */
function polarity(clause: string[], m: LexMatch): -1 | 1 {
  const before = clause.slice(0, m.start);
  const after = clause.slice(m.end);
  if (hasAny(before, NEG_CUES) && !(has(before, 'more') && !hasAny(before, ['no more', 'any more', 'anymore']))) return -1;
  if (hasAny(after, ['is too much', 'are too much', 'too much', 'overload', 'again', 'is boring', 'are boring', 'is getting old', 'enough'])) return -1;
  if (hasAny(before, POS_CUES)) return 1;
  return 1;
}

function uniqPush<T>(xs: T[], x: T): void {
  if (!xs.includes(x)) xs.push(x);
}

/** Topics the user is into, strongest first: declared interests plus engagement in the history. */
export function userTopicStrength(obs: Observation, index: CatalogIndex): Map<string, number> {
  const s = new Map<string, number>();
  for (const [t, w] of Object.entries(obs.profile.interests)) if (w > 0) s.set(t, w);
  const recent = obs.history.slice(-60);
  for (const it of recent) {
    const item = index.byId.get(it.itemId);
    if (!item) continue;
    const v = it.action === 'skip' ? -0.05 : it.action === 'watch' ? 0.03 : 0.06;
    s.set(item.topic, (s.get(item.topic) ?? 0) + v);
  }
  return s;
}

/** Topics seen recently (this session and the tail of the history). */
function recentTopics(obs: Observation, index: CatalogIndex): Set<string> {
  const seen = new Set<string>();
  for (const id of obs.shown) {
    const it = index.byId.get(id);
    if (it) seen.add(it.topic);
  }
  for (const it of obs.history.slice(-20)) {
    const item = index.byId.get(it.itemId);
    if (item) seen.add(item.topic);
  }
  return seen;
}

/**
 * Related topics to explore for a set of anchor topics: neighbours in the catalog's topic
 * graph that are not among `avoid`, ordered by how much the user likes them and how many
 * anchors they neighbour.
 */
export function adjacentTopics(anchors: string[], index: CatalogIndex, strength: Map<string, number>, avoid: Set<string>, max: number): string[] {
  const score = new Map<string, number>();
  anchors.forEach((a, rank) => {
    for (const r of index.related.get(a) ?? []) {
      if (avoid.has(r) || !index.byTopic.has(r)) continue;
      score.set(r, (score.get(r) ?? 0) + 1 / (rank + 1) + 0.5 * Math.max(0, strength.get(r) ?? 0));
    }
  });
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([t]) => t);
}

/** Parse an instruction into a plan. Pure and deterministic. */
export function rulePlan(input: PlanInput): Plan {
  const { instruction, observation: obs, index, lexicon } = input;
  const plan = emptyPlan('rules');
  // Cue words are read outside entity names: "local" in "Bay Area local news" is a topic, not a place cue.
  const words = normalizeWords(instruction);
  const covered = new Uint8Array(words.length);
  for (const m of findEntities(lexicon, words)) for (let i = m.start; i < m.end; i++) covered[i] = 1;
  const all = words.map((w, i) => (covered[i] ? '_' : w));
  const strength = userTopicStrength(obs, index);
  const negTopicsFromText: string[] = [];

  for (const clause of clauses(instruction)) {
    for (const m of findEntities(lexicon, clause)) {
      const pol = polarity(clause, m);
      const { kind, id } = m.entry;
      if (kind === 'topic') {
        if (pol < 0) {
          uniqPush(plan.lessTopics, id);
          uniqPush(negTopicsFromText, id);
        } else uniqPush(plan.moreTopics, id);
      } else if (kind === 'creator') {
        uniqPush(pol < 0 ? plan.lessCreators : plan.moreCreators, id);
      } else if (pol > 0) {
        for (const loc of lexicon.placeLocales.get(id) ?? [id]) uniqPush(plan.locations, loc);
      }
    }
  }
  // Pronouns ("too much of it", "more like this") point at the last list: the topic the
  // user engaged with most (positive) or that filled the list / was skipped most (negative).
  if (plan.moreTopics.length + plan.lessTopics.length === 0 && hasAny(all, PRONOUNS)) {
    const eng = Object.entries(obs.implicit?.topicEngagement ?? {}).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    const counts = new Map<string, number>();
    for (const id of obs.shown.slice(-10)) {
      const t = index.byId.get(id)?.topic;
      if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (hasAny(all, NEG_CUES)) {
      const t = eng[0] && eng[0][1] < 0 ? eng[0][0] : dominant;
      if (t) {
        plan.lessTopics.push(t);
        negTopicsFromText.push(t);
      }
    } else {
      const best = eng[eng.length - 1];
      const t = best && best[1] > 0 ? best[0] : dominant;
      if (t) plan.moreTopics.push(t);
    }
  }
  plan.moreTopics = plan.moreTopics.filter((t) => !plan.lessTopics.includes(t));

  if (hasAny(all, LOCAL_CUES) && plan.locations.length === 0) {
    const here = obs.context.location || obs.profile.location;
    const alias = [...lexicon.placeLocales.entries()].find(([, locs]) => locs.includes(here));
    const bay = lexicon.placeLocales.get(BAY_AREA);
    if (bay && bay.includes(here)) for (const l of bay) uniqPush(plan.locations, l);
    else if (alias) for (const l of alias[1]) uniqPush(plan.locations, l);
    else if (here) uniqPush(plan.locations, here);
  }
  if (hasAny(all, SHORT_CUES)) plan.maxDurationSec = 60;
  if (hasAny(all, RECENT_CUES) && !hasAny(all, ['something new', 'new stuff'])) plan.preferRecent = true;
  if (hasAny(all, TRENDING_CUES)) plan.preferTrending = true;
  for (const [cue, fmt] of FORMAT_CUES) if (has(all, cue)) uniqPush(plan.formats, fmt);
  if (hasAny(all, DIVERSE_CUES)) plan.diversify = true;

  applyPeople(plan, instruction, obs);
  const related = hasAny(all, RELATED_CUES);
  const explore = hasAny(all, EXPLORE_CUES);
  const avoid = new Set([...plan.lessTopics]);

  if (related) {
    // "Different but related": neighbours of what the user pushed back on (or of what they
    // named, or of their top interests), never the named topics themselves.
    const anchors = negTopicsFromText.length ? negTopicsFromText : plan.moreTopics.length ? plan.moreTopics : topInterests(strength, 3);
    for (const a of anchors) avoid.add(a);
    for (const t of adjacentTopics(anchors, index, strength, avoid, 3)) uniqPush(plan.moreTopics, t);
    if (!negTopicsFromText.length && plan.moreTopics.length) plan.diversify = true;
    plan.explore = true;
  }
  if (!explore && !related && isVague(plan) && input.textMatch) {
    // Nothing named, no cue: ask the embedding which topics the words are about.
    const matched = input.textMatch(instruction);
    if (matched) {
      const negative = hasAny(all, NEG_CUES);
      for (const m of matched) uniqPush(negative ? plan.lessTopics : plan.moreTopics, m.topic);
      plan.matchedBy = 'embedding';
    }
  }
  if (explore || (isVague(plan) && !related)) {
    // Vague ("I'm bored", "something more interesting"): explore related interests the
    // user has not seen lately, and step away from what they just skipped. Never random.
    const seen = recentTopics(obs, index);
    const skipped = Object.entries(obs.implicit?.topicEngagement ?? {})
      .filter(([, v]) => v < 0)
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t);
    for (const t of skipped.slice(0, 2)) if (!plan.moreTopics.includes(t)) uniqPush(plan.lessTopics, t);
    const anchors = topInterests(strength, 4);
    const fresh = adjacentTopics(anchors, index, strength, new Set([...seen, ...plan.lessTopics]), 3);
    const fallback = fresh.length ? fresh : adjacentTopics(anchors, index, strength, new Set(plan.lessTopics), 3);
    for (const t of fallback) uniqPush(plan.moreTopics, t);
    plan.explore = true;
    plan.diversify = true;
  }
  plan.summary = summarizePlan(plan, (t) => lexicon.topicLabel.get(t) ?? t, (c) => lexicon.creatorName.get(c) ?? c);
  return plan;
}

function isVague(p: Plan): boolean {
  return (
    p.moreTopics.length + p.lessTopics.length + p.moreCreators.length + p.lessCreators.length + p.locations.length + p.formats.length === 0 &&
    p.maxDurationSec === undefined &&
    !p.preferRecent &&
    !p.preferTrending &&
    !p.peopleItems?.length
  );
}

function topInterests(strength: Map<string, number>, n: number): string[] {
  return [...strength.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/** The rule-based planner as a `Planner`. */
export const rulePlanner: Planner = { name: 'rules', plan: rulePlan };
