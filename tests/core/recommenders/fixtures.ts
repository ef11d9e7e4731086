/**
 * A small synthetic catalog and users for the recommender tests: five topics with
 * distinct vocabularies, creators per topic, spread publish times and engagement.
 */
import { createRng } from '../../../src/core/rng';
import type {
  ActionType,
  Catalog,
  Context,
  Interaction,
  Item,
  ItemDecision,
  Observation,
  UserProfile,
} from '../../../src/core/types';

export const NOW = Date.UTC(2026, 0, 15);
export const DAY = 86_400_000;

const TOPICS: Record<string, { words: string[]; tags: string[] }> = {
  fishing: { words: ['lobster', 'trawler', 'deep', 'sea', 'bait', 'harbor'], tags: ['fishing', 'lobster', 'ocean'] },
  ufc: { words: ['knockout', 'octagon', 'fighter', 'submission', 'weigh', 'cage'], tags: ['ufc', 'mma', 'fightnight'] },
  hair: { words: ['braids', 'balayage', 'curls', 'salon', 'bangs', 'blowout'], tags: ['hairstyle', 'salon', 'beauty'] },
  f1: { words: ['pitstop', 'qualifying', 'grid', 'overtake', 'paddock', 'tyres'], tags: ['f1', 'racing', 'motorsport'] },
  baking: { words: ['sourdough', 'croissant', 'oven', 'butter', 'crumb', 'proof'], tags: ['baking', 'bread', 'pastry'] },
};
export const TOPIC_IDS = Object.keys(TOPICS);

/** `perTopic` items per topic, ids "<topic>-<i>". Engagement and age vary deterministically. */
export function makeCatalog(perTopic = 20, seed = 7): Catalog {
  const rng = createRng(seed);
  const items: Item[] = [];
  for (const topic of TOPIC_IDS) {
    const { words, tags } = TOPICS[topic];
    for (let i = 0; i < perTopic; i++) {
      const w1 = words[i % words.length];
      const w2 = words[(i * 7 + 3) % words.length];
      items.push({
        id: `${topic}-${i}`,
        title: `${w1} ${w2} moment number ${i}`,
        description: `A clip about ${w1} and ${w2} from the ${topic} world.`,
        topic,
        subtopic: w1,
        tags: [tags[i % tags.length], tags[(i + 1) % tags.length]],
        creator: `${topic}-creator-${i % 4}`,
        format: 'short_video',
        durationSec: 20 + rng.int(100),
        publishedAt: NOW - rng.int(30) * DAY - rng.int(DAY),
        locale: '',
        likes: rng.int(5000),
        shares: rng.int(300),
        comments: rng.int(400),
        quality: 0.3 + 0.6 * rng.next(),
      });
    }
  }
  return {
    id: 'test',
    name: 'Test catalog',
    items,
    topics: TOPIC_IDS.map((t) => ({ id: t, label: t, related: [] })),
    creators: [],
    now: NOW,
  };
}

export const CONTEXT: Context = { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: 'Oakland, CA' };

/** A history of interactions, one per id, `action` each, an hour apart, ending before NOW. */
export function history(ids: string[], action: ActionType = 'like'): Interaction[] {
  return ids.map((itemId, i) => ({ itemId, action, at: NOW - (ids.length - i) * 3_600_000 }));
}

export function makeUser(id: string, hist: Interaction[], interests: Record<string, number> = {}): UserProfile {
  return {
    id,
    name: id,
    age: 30,
    gender: 'female',
    location: 'Oakland, CA',
    occupation: 'tester',
    bio: '',
    groups: [],
    interests,
    traits: {
      timeBudgetSec: 600,
      curiosity: 0.5,
      activity: 0.5,
      conformity: 0.5,
      fatigueSensitivity: 0.5,
      instructionPropensity: 0.5,
    },
    history: hist,
    source: 'persona',
  };
}

export function observe(user: UserProfile, shown: string[] = [], turn = 0, hist = user.history): Observation {
  return {
    userId: user.id,
    profile: {
      id: user.id,
      name: user.name,
      age: user.age,
      gender: user.gender,
      location: user.location,
      occupation: user.occupation,
      interests: user.interests,
      groups: user.groups,
    },
    context: CONTEXT,
    history: hist,
    turn,
    shown,
    instruction: null,
  };
}

/** A decision with just the fields the recommenders read filled meaningfully. */
export function decision(itemId: string, position: number, actions: ActionType[], watchSec: number): ItemDecision {
  return {
    itemId,
    position,
    actions,
    watchSec,
    reasons: [],
    interest: 0.5,
    mindsetNote: 'neutral',
    mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
  };
}

/** Training users: each likes `n` items of one topic (cycling topics). */
export function topicUsers(catalog: Catalog, count: number, n = 8): UserProfile[] {
  const users: UserProfile[] = [];
  for (let u = 0; u < count; u++) {
    const topic = TOPIC_IDS[u % TOPIC_IDS.length];
    const items = catalog.items.filter((it) => it.topic === topic);
    const ids = Array.from({ length: n }, (_, j) => items[(u * 3 + j) % items.length].id);
    users.push(makeUser(`train-${u}`, history([...new Set(ids)]), { [topic]: 0.8 }));
  }
  return users;
}
