/**
 * Tiny stand-ins for env mechanics tests: a 3-topic catalog, a scripted simulator and a
 * catalog-order recommender. They exercise the env contract without the real simulator.
 */
import type { SessionStart, SimSession, UserSimulator } from '../../../src/core/simulator/simulator';
import type {
  Catalog, Context, EndReason, Item, ItemDecision, Mindset, Recommender, Reflection, SessionSummary, Slate, UserProfile,
} from '../../../src/core/types';

export const NOW = Date.UTC(2026, 0, 15, 12);

export function tinyCatalog(perTopic = 10): Catalog {
  const topics = ['fishing', 'ufc', 'hair'];
  const items: Item[] = [];
  for (const topic of topics) {
    for (let i = 0; i < perTopic; i++) {
      items.push({
        id: `${topic}-${i}`, title: `${topic} clip ${i}`, description: 'A clip.', topic, subtopic: '', tags: [topic],
        creator: `${topic}-creator`, format: 'short_video', durationSec: 60, publishedAt: NOW - i * 3_600_000,
        locale: '', likes: 100 - i, shares: 5, comments: 3, quality: 0.6,
      });
    }
  }
  return { id: 'tiny', name: 'Tiny', items, topics: topics.map((t) => ({ id: t, label: t, related: [] })), creators: [], now: NOW };
}

export function tinyUser(overrides: Partial<UserProfile> = {}): UserProfile {
  return {
    id: 'u1', name: 'Maya', age: 34, gender: 'female', location: 'Oakland, CA', occupation: 'nurse', bio: '', groups: ['gym'],
    interests: { fishing: 0.9, ufc: 0.7, hair: 0.05 },
    traits: { timeBudgetSec: 600, curiosity: 0.3, activity: 0.5, conformity: 0.3, fatigueSensitivity: 0.5, instructionPropensity: 0.8 },
    history: [{ itemId: 'fishing-9', action: 'watch', at: NOW - 86_400_000, watchSec: 40 }],
    heldOut: [{ itemId: 'ufc-9', action: 'like', at: NOW + 86_400_000 }],
    source: 'persona',
    ...overrides,
  };
}

export const CONTEXT: Context = { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: 'Oakland, CA' };

export interface ScriptedOptions {
  /** Satisfaction below which the user leaves. */
  leaveBelow?: number;
  /** Throw on this item id (to test error handling). */
  failOn?: string;
  /** Record replies heard. */
  replies?: string[];
  /** Stream a fake thought through the hooks. */
  stream?: boolean;
}

/**
 * A scripted user: watches (and likes) topics it likes, skips the others; each skip
 * costs satisfaction; below `leaveBelow` it leaves and asks for "more fishing" (when
 * instructions are on and the rng says so, with probability instructionPropensity).
 */
export function scriptedSimulator(opts: ScriptedOptions = {}): UserSimulator {
  return {
    name: 'scripted',
    startSession(start: SessionStart): SimSession {
      const { user, rng } = start;
      let satisfaction = 0.6;
      let timeLeftSec = user.traits.timeBudgetSec;
      let items = 0;
      let watch = 0;
      const mindset = (): Mindset => ({ satisfaction, timeLeftSec, boredom: 1 - satisfaction, interests: { ...user.interests }, fatigue: {} });
      let current = mindset();
      return {
        get mindset() {
          return current;
        },
        decide(item: Item, position: number): ItemDecision {
          if (item.id === opts.failOn) throw new Error(`scripted failure on ${item.id}`);
          if (opts.stream) start.hooks?.onThoughtDelta?.(position, `thinking about ${item.id}`);
          const interest = user.interests[item.topic] ?? 0;
          items++;
          const d: ItemDecision = {
            itemId: item.id, position, actions: [], watchSec: 0, reasons: [], interest, mindsetNote: 'neutral', mindset: current,
          };
          if (interest > 0.5) {
            d.watchSec = Math.round(item.durationSec * (0.5 + 0.5 * rng.next()));
            d.actions.push('watch');
            if (rng.next() < interest) d.actions.push('like');
            d.reasons.push('strong_interest');
            satisfaction = Math.min(1, satisfaction + 0.05);
          } else {
            d.actions.push('skip');
            d.reasons.push('unrelated');
            satisfaction -= 0.15;
          }
          watch += d.watchSec;
          timeLeftSec -= Math.max(d.watchSec, 2);
          if (timeLeftSec <= 0) {
            d.actions.push('leave');
            d.reasons.push('time_up');
          } else if (satisfaction < (opts.leaveBelow ?? 0.3)) {
            d.actions.push('leave');
            d.reasons.push('dissatisfied');
          }
          current = mindset();
          d.mindset = current;
          return d;
        },
        reflect(): Reflection {
          if (timeLeftSec <= 0) return { reasons: ['time_up'], instruction: null };
          const instruct = start.instructionsEnabled && rng.next() < user.traits.instructionPropensity;
          satisfaction = 0.6; // an instruction gives the feed another chance
          return { reasons: ['off_interest'], instruction: instruct ? { text: 'Show me more fishing', kind: 'more_of_topic', targets: ['fishing'] } : null };
        },
        hearReply(message: string) {
          opts.replies?.push(message);
        },
        end(reason: EndReason): SessionSummary {
          const summary: SessionSummary = {
            sessionIndex: start.memory.sessions.length, startedAt: start.startedAt ?? 0, durationSec: watch, itemsViewed: items, watchSec: watch,
            endReason: reason, finalSatisfaction: satisfaction, topTopics: [], tiredTopics: [], instructions: [],
          };
          return summary;
        },
      };
    },
  };
}

/**
 * Items in catalog order, unseen ones only; optionally a fixed topic order (to make the
 * user leave) and a reply message after an instruction.
 */
export function orderedRecommender(catalog: Catalog, opts: { topics?: string[]; reply?: string; bad?: 'unknown' | 'duplicate' | 'repeat' } = {}): Recommender {
  const order = opts.topics
    ? opts.topics.flatMap((t) => catalog.items.filter((i) => i.topic === t))
    : catalog.items;
  return {
    name: 'ordered',
    followsInstructions: !!opts.reply,
    recommend(observation, k): Slate {
      const shown = new Set(observation.shown);
      const ids = order.filter((i) => !shown.has(i.id)).slice(0, k).map((i) => i.id);
      if (opts.bad === 'unknown') ids[0] = 'nope';
      if (opts.bad === 'duplicate' && ids.length > 1) ids[1] = ids[0];
      if (opts.bad === 'repeat' && observation.shown.length > 0) ids[0] = observation.shown[0];
      return opts.reply && observation.instruction ? { itemIds: ids, message: opts.reply } : { itemIds: ids };
    },
  };
}
