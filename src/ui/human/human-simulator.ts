/**
 * Human mode (the paper's "replace the simulated user with a person"): a UserSimulator
 * whose decisions come from a person through the UI. The runner, storage and metrics
 * treat it exactly like a simulated user; only `decide` and `reflect` wait for input.
 *
 * The mindset is bookkeeping, not a model of the person: the time budget shrinks by what
 * was watched (plus a few seconds per skipped item), satisfaction follows how much of
 * each item was watched and the positive actions, interests drift towards what was
 * engaged with.
 */
import type { UserSimulator, SessionStart, SimSession } from '../../core/simulator/simulator';
import type {
  ActionType,
  EndReason,
  Item,
  ItemDecision,
  Mindset,
  MindsetNoteCode,
  Reflection,
  SessionSummary,
} from '../../core/types';
import { clamp01 } from '../../core/math';

/** What the person chose for one item. */
export interface HumanChoice {
  /** 'watch' | 'skip' | 'leave' and optional extras ('like', 'comment', 'share'). */
  actions: ActionType[];
  watchSec: number;
  comment?: string;
}

/** Where human decisions come from (the UI implements it; tests script it). */
export interface HumanInputSource {
  /** Resolve when the person has acted on `item`. */
  requestDecision(item: Item, position: number, turn: number): Promise<HumanChoice>;
  /** Resolve with the person's instruction text, or null to leave silently. */
  requestInstruction(): Promise<string | null>;
}

/** Seconds a skipped item costs (scrolling past it). */
const SKIP_COST_SEC = 2;


/** Normalise a choice: known actions only, watch seconds clamped to the item, leave last. */
export function normaliseChoice(choice: HumanChoice, item: Item): HumanChoice {
  const allowed: ActionType[] = ['click', 'comment', 'share', 'like', 'watch', 'skip', 'leave'];
  const seen = new Set<ActionType>();
  const actions: ActionType[] = [];
  for (const a of choice.actions) if (allowed.includes(a) && !seen.has(a) && a !== 'leave') (seen.add(a), actions.push(a));
  const watched = Math.max(0, Math.min(item.durationSec, Math.round(choice.watchSec || 0)));
  // A watch of 0 s is no watch: Table 2 of the paper gives every Watch its seconds (20s, 30s,
  // 15s) and a Skip none, and the rule-based simulator records 'watch' only from 1 s
  // (rule-session.ts). The controls refuse 0 s; a choice that still carries it loses the watch.
  if (watched <= 0 && seen.has('watch')) actions.splice(actions.indexOf('watch'), 1);
  // Like the rule-based simulator, an item left without watching counts as skipped.
  if (actions.length === 0) actions.push('skip');
  if (choice.actions.includes('leave')) actions.push('leave');
  const watchSec = actions.includes('watch') ? watched : 0;
  const out: HumanChoice = { actions, watchSec };
  if (actions.includes('comment') && choice.comment) out.comment = choice.comment.slice(0, 500);
  return out;
}

/** Create the human-mode simulator reading decisions from `input`. */
export function createHumanSimulator(input: HumanInputSource): UserSimulator {
  return {
    name: 'human',
    startSession(start: SessionStart): SimSession {
      const mindset: Mindset = {
        satisfaction: 0.7,
        timeLeftSec: start.user.traits.timeBudgetSec,
        boredom: 0,
        interests: { ...start.user.interests },
        fatigue: {},
      };
      const watched = new Map<string, number>();
      let items = 0;
      let watchSec = 0;
      const instructions: string[] = [];

      return {
        get mindset() {
          return mindset;
        },
        async decide(item: Item, position: number, turn: number): Promise<ItemDecision> {
          const choice = normaliseChoice(await input.requestDecision(item, position, turn), item);
          const fraction = item.durationSec > 0 ? choice.watchSec / item.durationSec : 0;
          const positive = choice.actions.filter((a) => a === 'like' || a === 'share' || a === 'comment').length;
          const skipped = choice.actions.includes('skip');
          mindset.satisfaction = clamp01(mindset.satisfaction + (skipped ? -0.08 : 0.12 * fraction - 0.03) + 0.05 * positive);
          mindset.timeLeftSec = Math.max(0, mindset.timeLeftSec - (choice.watchSec || SKIP_COST_SEC));
          mindset.boredom = clamp01(mindset.boredom + (skipped ? 0.08 : -0.05));
          if (item.topic) {
            const w = mindset.interests[item.topic] ?? 0;
            mindset.interests[item.topic] = clamp01(w + (skipped ? -0.05 : 0.05 * fraction + 0.03 * positive));
            if (!skipped) watched.set(item.topic, (watched.get(item.topic) ?? 0) + choice.watchSec);
          }
          items++;
          watchSec += choice.watchSec;
          const note: MindsetNoteCode = choice.actions.includes('leave')
            ? 'about_to_leave'
            : skipped
              ? 'not_interested_less_likely'
              : positive > 0
                ? 'top_interest_expect_more'
                : 'open_to_more';
          const d: ItemDecision = {
            itemId: item.id,
            position,
            actions: choice.actions,
            watchSec: choice.watchSec,
            reasons: [],
            thought: 'Chosen by a person (human mode).',
            interest: clamp01(mindset.interests[item.topic] ?? 0),
            mindsetNote: note,
            mindset: { ...mindset, interests: { ...mindset.interests }, fatigue: { ...mindset.fatigue } },
          };
          if (choice.comment) d.comment = choice.comment;
          return d;
        },
        async reflect(): Promise<Reflection> {
          const text = start.instructionsEnabled ? await input.requestInstruction() : null;
          const trimmed = text?.trim() ?? '';
          if (trimmed) {
            instructions.push(trimmed);
            return { reasons: ['bored'], text: 'The person asked for something else.', instruction: { text: trimmed } };
          }
          return { reasons: ['satisfied'], text: 'The person left.', instruction: null };
        },
        end(reason: EndReason): SessionSummary {
          const top = [...watched.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
          return {
            sessionIndex: start.memory.sessions.length,
            startedAt: 0,
            durationSec: start.user.traits.timeBudgetSec - mindset.timeLeftSec,
            itemsViewed: items,
            watchSec,
            endReason: reason,
            finalSatisfaction: mindset.satisfaction,
            topTopics: top.slice(0, 3),
            tiredTopics: [],
            instructions,
          };
        },
      };
    },
  };
}
