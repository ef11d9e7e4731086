/**
 * A tiny hand-written catalog and a Maya-like user (the paper's Table 2: a fishing and UFC
 * fan in Oakland) for the simulator tests.
 */
import type { Catalog, Context, Item, ItemFormat, TopicInfo, UserProfile } from '../../../src/core/types';

const NOW = Date.UTC(2026, 10, 20, 18, 0, 0);
const DAY = 86_400_000;

const TOPICS: TopicInfo[] = [
  { id: 'fishing', label: 'Fishing', related: ['boating', 'outdoors'] },
  { id: 'ufc', label: 'UFC', related: ['boxing'] },
  { id: 'hairstyling', label: 'Hairstyling', related: ['makeup'] },
  { id: 'makeup', label: 'Makeup', related: ['hairstyling'] },
  { id: 'f1', label: 'F1', related: ['cars'] },
  { id: 'cars', label: 'Cars', related: ['f1'] },
  { id: 'boxing', label: 'Boxing', related: ['ufc'] },
  { id: 'boating', label: 'Boating', related: ['fishing'] },
  { id: 'outdoors', label: 'Outdoors', related: ['fishing'] },
  { id: 'cooking', label: 'Cooking', related: [] },
];

let seq = 0;
/** One item with sensible defaults. */
export function makeItem(topic: string, title: string, over: Partial<Item> = {}): Item {
  seq++;
  return {
    id: over.id ?? `t-${topic}-${seq}`,
    title,
    description: `${title}.`,
    topic,
    subtopic: '',
    tags: [topic],
    creator: `@${topic}_creator`,
    format: 'short_video' as ItemFormat,
    durationSec: 45,
    publishedAt: NOW - 5 * DAY,
    locale: 'Chicago, IL',
    likes: 1200,
    shares: 40,
    comments: 60,
    quality: 0.7,
    ...over,
  };
}

/** The Table 2 list: lobster fishing, UFC fight night, hairstyling, UFC fight night, hairstyling. */
export function table2Items(): Item[] {
  return [
    makeItem('fishing', 'Lobster fishing off the Maine coast', { id: 'lobster-1', durationSec: 45 }),
    makeItem('ufc', 'UFC Fight Night: main event highlights', { id: 'ufc-1', durationSec: 50 }),
    makeItem('hairstyling', '5-minute braided updo tutorial', { id: 'hair-1', durationSec: 40 }),
    makeItem('ufc', 'UFC Fight Night: prelims recap', { id: 'ufc-2', durationSec: 50 }),
    makeItem('hairstyling', 'Curtain bangs at home', { id: 'hair-2', durationSec: 40 }),
  ];
}

/** A catalog with ~8 items per topic plus the Table 2 items. */
export function makeCatalog(): Catalog {
  const items: Item[] = [...table2Items()];
  for (const t of TOPICS) {
    for (let k = 0; k < 8; k++) {
      items.push(
        makeItem(t.id, `${t.label} clip number ${k + 1}`, {
          id: `${t.id}-${k}`,
          durationSec: 20 + ((k * 17) % 70),
          likes: 100 * (k + 1) * (k + 1),
          quality: 0.45 + 0.05 * k,
          locale: k % 4 === 0 ? 'San Francisco Bay Area, CA' : 'Chicago, IL',
          publishedAt: NOW - (k + 1) * DAY,
        }),
      );
    }
  }
  return { id: 'test-mini', name: 'Test mini catalog', items, topics: TOPICS, creators: [], now: NOW };
}

/** The paper's Table 2 user: loves UFC, likes fishing, does not care about hairstyling. */
export function maya(over: Partial<UserProfile['traits']> = {}): UserProfile {
  return {
    id: 'maya',
    name: 'Maya',
    age: 34,
    gender: 'female',
    location: 'Oakland, CA',
    occupation: 'nurse',
    bio: 'Weekend angler and UFC fan.',
    groups: ['BJJ gym'],
    interests: { ufc: 0.92, fishing: 0.62, f1: 0.4 },
    traits: {
      timeBudgetSec: 900,
      curiosity: 0.4,
      activity: 0.6,
      conformity: 0.4,
      fatigueSensitivity: 0.6,
      instructionPropensity: 0.6,
      ...over,
    },
    history: [],
    source: 'persona',
  };
}

export const EVENING: Context = { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: 'Oakland, CA' };
