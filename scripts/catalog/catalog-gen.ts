/**
 * Builds the short-video catalog from the topic lexicons. Pure and seeded: the same
 * rng gives the same catalog, byte for byte once serialised.
 */
import type { Catalog, CreatorInfo, Item, ItemFormat, Rng, TopicInfo } from '../../src/core/types';
import { normal, pick, shuffle, weightedIndex } from '../../src/core/rng';
import type { SubtopicLex, TopicLex } from './lexicon-types';
import { OUTDOORS_TOPICS } from './lexicon-outdoors';
import { SPORTS_TOPICS } from './lexicon-sports';
import { LIFESTYLE_TOPICS } from './lexicon-lifestyle';
import { CULTURE_TOPICS } from './lexicon-culture';
import { BAY_AREA_WEIGHTS, NAME_PLACE_HINTS, OTHER_LOCALE_WEIGHTS, assertBayAreaKnown } from './locales';
import { FRIEND_NAMES } from './names';

/** The catalog's fixed "now": Monday 2025-09-15 12:00 UTC. */
export const CATALOG_NOW = Date.UTC(2025, 8, 15, 12, 0, 0);
export const DAY_MS = 86_400_000;
/** Items for a topic of weight 1. */
const BASE_ITEMS = 19;

/** Every topic lexicon, in catalog order. */
export const ALL_TOPICS: TopicLex[] = [...OUTDOORS_TOPICS, ...SPORTS_TOPICS, ...LIFESTYLE_TOPICS, ...CULTURE_TOPICS];

const FORMAT_WEIGHTS: [ItemFormat, number][] = [['short_video', 0.68], ['image', 0.14], ['text_post', 0.12], ['friend_suggestion', 0.06]];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = ['4am', '6am', 'sunrise', 'noon', 'sunset', 'midnight'];
const IMAGE_PREFIX = ['', '', '', 'Photo dump: ', 'Carousel: '];
const TEXT_PREFIX = ['', '', '', 'Thread: ', 'Notes: '];

const FRIEND_TITLES = [
  '{friend} also follows {creator}: {k} mutual friends',
  'People you may know: {friend}, into {topic} in {city}',
  '{friend} just joined and loves {topic}',
  'Suggested for you: {friend} from {city}',
];
const FRIEND_DESCRIPTIONS = [
  'Suggested because you both engage with {topic} posts and {k} of your friends know {friend}.',
  '{friend} posts about {sub} around {city}; you have {k} friends in common.',
];

function pickWeighted<T>(rng: Rng, table: [T, number][]): T {
  return table[weightedIndex(rng, table.map((e) => e[1]))][0];
}

function slug(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function city(locale: string): string {
  return locale.split(',')[0];
}

/** Fills `{slot}` placeholders, drawing each slot once per item (stored in `env`). */
function fill(template: string, env: Map<string, string>, draw: (slot: string) => string): string {
  return template.replace(/\{([a-z]+)\}/g, (_, slot: string) => {
    let v = env.get(slot);
    if (v === undefined) {
      v = draw(slot);
      env.set(slot, v);
    }
    return v;
  });
}

/** Upper-cases the first letter and fixes "a" before a vowel that a slot put there ("a Oakland gym"). */
function capitalise(s: string): string {
  const fixed = s.replace(/\b([Aa]) (?=[AEIOUaeiou])/g, '$1n ');
  return fixed.charAt(0).toUpperCase() + fixed.slice(1);
}

interface GenCreator extends CreatorInfo {
  /** Relative output volume (Zipf-like inside a topic). */
  volume: number;
  /** Reach multiplier on engagement. */
  fame: number;
  /** Shift of quality. */
  craft: number;
}

function creatorLocale(rng: Rng, name: string, topic: TopicLex): string {
  for (const [hint, place] of NAME_PLACE_HINTS) if (name.includes(hint)) return place;
  const r = rng.next();
  if (r < 0.15) return pickWeighted(rng, BAY_AREA_WEIGHTS);
  if (r < 0.55 && topic.places && topic.places.length > 0) return pick(rng, topic.places);
  return pickWeighted(rng, OTHER_LOCALE_WEIGHTS);
}

function makeCreators(rng: Rng): GenCreator[] {
  const out: GenCreator[] = [];
  const seen = new Set<string>();
  for (const topic of ALL_TOPICS) {
    topic.creators.forEach((name, i) => {
      const id = slug(name);
      if (seen.has(id)) throw new Error(`duplicate creator handle ${id}`);
      seen.add(id);
      out.push({
        id, name, topic: topic.id, locale: creatorLocale(rng, name, topic),
        volume: 1 / (i + 1) ** 0.6,
        fame: normal(rng, 0, 0.8),
        craft: normal(rng, 0, 0.08),
      });
    });
  }
  return out;
}

function duration(rng: Rng, format: ItemFormat): number {
  switch (format) {
    case 'short_video': return Math.round(clamp(Math.exp(normal(rng, Math.log(38), 0.6)), 8, 240));
    case 'text_post': return 20 + rng.int(131);
    case 'image': return 6 * (1 + rng.int(6)) + rng.int(5);
    default: return 4 + rng.int(7);
  }
}

function tagsFor(topic: TopicLex, sub: SubtopicLex, locale: string): string[] {
  const tags = [...topic.tags, ...sub.tags];
  const c = city(locale).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (['sanfrancisco', 'oakland', 'berkeley', 'sanjose'].includes(c)) tags.push(c === 'sanfrancisco' ? 'sf' : c);
  return [...new Set(tags.map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, '')))].filter((t) => t.length > 0);
}

/** Generates the catalog. */
export function generateCatalog(rng: Rng): Catalog {
  assertBayAreaKnown();
  const topicIds = new Set(ALL_TOPICS.map((t) => t.id));
  for (const t of ALL_TOPICS) {
    for (const r of t.related) if (!topicIds.has(r)) throw new Error(`topic ${t.id}: unknown related topic ${r}`);
  }
  const creators = makeCreators(rng.fork('creators'));
  const titles = new Set<string>();
  const items: Omit<Item, 'id'>[] = [];

  for (const topic of ALL_TOPICS) {
    const trng = rng.fork(`topic:${topic.id}`);
    const own = creators.filter((c) => c.topic === topic.id);
    const count = Math.round(BASE_ITEMS * (topic.weight ?? 1));
    const subStart = trng.int(topic.subtopics.length);
    for (let i = 0; i < count; i++) {
      const sub = topic.subtopics[(subStart + i) % topic.subtopics.length];
      const creator = own[weightedIndex(trng, own.map((c) => c.volume))];
      const locale = trng.next() < 0.82 ? creator.locale : trng.next() < 0.4 ? pickWeighted(trng, BAY_AREA_WEIGHTS) : pickWeighted(trng, OTHER_LOCALE_WEIGHTS);
      const format = pickWeighted(trng, FORMAT_WEIGHTS);
      const draw = (slot: string): string => {
        // A topic's own fillers win over the generic ones (fishing has its own {hour}).
        const own = topic.slots[slot];
        if (own) return pick(trng, own);
        switch (slot) {
          case 'n': return String(3 + trng.int(10));
          case 'k': return String(2 + trng.int(30));
          case 'min': return String(5 + 5 * trng.int(6));
          case 'city': return city(locale);
          case 'day': return pick(trng, WEEKDAYS);
          case 'hour': return pick(trng, HOURS);
          case 'creator': return creator.name;
          case 'sub': return sub.label;
          case 'topic': return topic.label.toLowerCase().replace(/^(ufc|bjj|f1|diy)$/, (m) => m.toUpperCase());
          case 'friend': return pick(trng, FRIEND_NAMES);
          default: throw new Error(`topic ${topic.id}: unknown slot {${slot}}`);
        }
      };
      let title = '';
      let description = '';
      for (let attempt = 0; attempt < 12; attempt++) {
        const env = new Map<string, string>();
        if (format === 'friend_suggestion') {
          title = fill(pick(trng, FRIEND_TITLES), env, draw);
          description = fill(pick(trng, FRIEND_DESCRIPTIONS), env, draw);
        } else {
          const prefix = format === 'image' ? pick(trng, IMAGE_PREFIX) : format === 'text_post' ? pick(trng, TEXT_PREFIX) : '';
          const body = capitalise(fill(pick(trng, sub.titles), env, draw));
          title = prefix ? prefix + body : body;
          description = capitalise(fill(pick(trng, topic.descriptions), env, draw));
        }
        if (!titles.has(title)) break;
      }
      for (let k = 2; titles.has(title); k++) title = `${title.replace(/ \(part \d+\)$/, '')} (part ${k})`;
      titles.add(title);

      const quality = round2(clamp(normal(trng, 0.62, 0.16) + creator.craft, 0.05, 0.99));
      const ageDays = trng.next() ** 1.2 * 30;
      const publishedAt = Math.floor((CATALOG_NOW - Math.max(ageDays * DAY_MS, 15 * 60_000)) / 60_000) * 60_000;
      // Engagement: log-normal with a heavy tail; it grows with age and quality and
      // with the creator's reach. Friend suggestions get little.
      const latent = normal(trng, 0, 1.45) + 2.2 * (quality - 0.6) + creator.fame;
      const ageFactor = 1 - Math.exp(-ageDays / 2);
      const base = format === 'friend_suggestion' ? 2.2 : format === 'short_video' ? 5.6 : 4.6;
      const likes = Math.round(Math.exp(base + latent) * ageFactor);
      const shares = Math.round(likes * clamp(normal(trng, 0.06, 0.035), 0.004, 0.3));
      const comments = Math.round(likes * clamp(normal(trng, 0.035, 0.02), 0.002, 0.2));
      items.push({
        title, description, topic: topic.id, subtopic: sub.id, tags: tagsFor(topic, sub, locale), creator: creator.id,
        format, durationSec: duration(trng, format), publishedAt, locale, likes, shares, comments, quality,
      });
    }
  }

  // Oldest first; ties keep a seeded order so ids do not follow topic blocks.
  shuffle(rng.fork('order'), items);
  const order = items.map((it, i) => ({ it, i })).sort((a, b) => a.it.publishedAt - b.it.publishedAt || a.i - b.i);
  const finalItems: Item[] = order.map(({ it }, i) => ({ id: `sv-${String(i + 1).padStart(4, '0')}`, ...it }));

  const topics: TopicInfo[] = ALL_TOPICS.map((t) => ({ id: t.id, label: t.label, related: [...t.related] }));
  const creatorInfo: CreatorInfo[] = creators.map(({ id, name, topic, locale }) => ({ id, name, topic, locale }));
  return { id: 'shortvideo', name: 'Short-video feed (built-in)', items: finalItems, topics, creators: creatorInfo, now: CATALOG_NOW };
}
