/**
 * The live session as the UI sees it: a runes class fed by the runner's events
 * (`SessionEvent`). It only records what happened; pacing lives in `playback.svelte.ts`.
 */
import type { SessionEvent } from '../../core/env/environment';
import type { ActionType, Item, ItemDecision, Plan, Reflection, Slate, Trajectory } from '../../core/types';

/** Longest piece of a streamed thought that one streamed piece rewrites (more goes to a new piece). */
export const THOUGHT_CHUNK = 256;

export type SessionStatus = 'idle' | 'running' | 'paused' | 'ended';

/** One list of the session with everything that happened to it. */
export interface TurnView {
  index: number;
  slate: Slate;
  items: Item[];
  /** Decisions by position (undefined until the user reaches the item). */
  decisions: (ItemDecision | undefined)[];
  /** Streamed thought text by position (LLM simulators). */
  thoughts: string[];
  /**
   * The same text in pieces of at most THOUGHT_CHUNK characters, by position: the card shows
   * these, so a streamed piece rewrites one short piece, not the whole thought so far (a very
   * long thought re-rendered all of itself per piece: quadratic).
   */
  thoughtChunks: string[][];
  /** Position where the user left, or null. */
  leftAt: number | null;
  reflection: Reflection | null;
  instruction: string | null;
  reply: string | null;
  plan: Plan | null;
}

/** One point of the per-item series (charts). */
export interface SeriesPoint {
  /** 1-based item count in the session. */
  n: number;
  turn: number;
  satisfaction: number;
  timeLeftSec: number;
  cumulativeWatchSec: number;
}

/** Minimal facts the state needs when a run starts. */
export interface SessionSetup {
  lookup: (itemId: string) => Item | undefined;
  timeBudgetSec: number;
  /** Interests before the first item (the profile's). */
  interests: Record<string, number>;
}

const EMPTY_ITEM = (id: string): Item => ({
  id,
  title: id,
  description: '',
  topic: '',
  subtopic: '',
  tags: [],
  creator: '',
  format: 'short_video',
  durationSec: 0,
  publishedAt: 0,
  locale: '',
  likes: 0,
  shares: 0,
  comments: 0,
  quality: 0,
});

/** State of one live (or compared) session. */
export class SessionState {
  status = $state<SessionStatus>('idle');
  turns = $state<TurnView[]>([]);
  /** The item the user is on now. */
  current = $state<{ turn: number; position: number } | null>(null);
  series = $state<SeriesPoint[]>([]);
  interests = $state<Record<string, number>>({});
  satisfaction = $state(1);
  timeLeftSec = $state(0);
  timeBudgetSec = $state(0);
  trajectory = $state<Trajectory | null>(null);
  error = $state<string | null>(null);
  /** Time of the last successful save (epoch ms), set by the storage wiring. */
  savedAt = $state<number | null>(null);
  storageError = $state<string | null>(null);

  private lookup: (id: string) => Item | undefined = () => undefined;
  private watchTotal = 0;

  /** Actions counted per turn (for the actions chart). */
  actionsPerTurn = $derived(
    this.turns.map((t) => {
      const counts: Partial<Record<ActionType, number>> = {};
      for (const d of t.decisions) if (d) for (const a of d.actions) counts[a] = (counts[a] ?? 0) + 1;
      return counts;
    }),
  );

  /** Number of items the user has decided on. */
  itemsDone = $derived(this.series.length);

  /** Forget everything and get ready for a new run. */
  reset(setup?: SessionSetup): void {
    this.status = 'idle';
    this.turns = [];
    this.current = null;
    this.series = [];
    this.trajectory = null;
    this.error = null;
    this.savedAt = null;
    // The earlier session's "storage full / blocked" was about that session: a new one says its own.
    this.storageError = null;
    this.watchTotal = 0;
    this.satisfaction = 1;
    if (setup) {
      this.lookup = setup.lookup;
      this.timeBudgetSec = setup.timeBudgetSec;
      this.timeLeftSec = setup.timeBudgetSec;
      this.interests = { ...setup.interests };
    } else {
      this.timeLeftSec = this.timeBudgetSec;
    }
  }

  /** Apply one event of the runner. */
  apply(ev: SessionEvent): void {
    switch (ev.type) {
      case 'session_start':
        if (this.status === 'idle') this.status = 'running';
        // The simulator's own starting point (about 0.7 for the rule-based user), not a full mark.
        if (ev.start) {
          this.satisfaction = ev.start.satisfaction;
          this.timeLeftSec = ev.start.timeLeftSec;
        }
        break;
      case 'list': {
        const prev = this.turns[this.turns.length - 1];
        // A reply may come only as the new slate's message: put it under the instruction.
        if (prev && prev.instruction && prev.reply === null && ev.slate.message) {
          prev.reply = ev.slate.message;
          prev.plan = ev.slate.plan ?? null;
        }
        this.turns.push({
          index: ev.turn,
          slate: ev.slate,
          items: ev.slate.itemIds.map((id) => this.lookup(id) ?? EMPTY_ITEM(id)),
          decisions: ev.slate.itemIds.map(() => undefined),
          thoughts: ev.slate.itemIds.map(() => ''),
          thoughtChunks: ev.slate.itemIds.map(() => []),
          leftAt: null,
          reflection: null,
          instruction: null,
          reply: null,
          plan: null,
        });
        break;
      }
      case 'item_start':
        this.current = { turn: ev.turn, position: ev.position };
        break;
      case 'thought_delta': {
        const t = this.turnView(ev.turn);
        if (!t) break;
        t.thoughts[ev.position] = (t.thoughts[ev.position] ?? '') + ev.text;
        const chunks = (t.thoughtChunks[ev.position] ??= []);
        const last = chunks.length - 1;
        if (last >= 0 && chunks[last].length < THOUGHT_CHUNK) chunks[last] += ev.text;
        else chunks.push(ev.text);
        break;
      }
      case 'decision': {
        const t = this.turnView(ev.turn);
        const d = ev.decision;
        if (t) t.decisions[d.position] = d;
        this.watchTotal += d.watchSec;
        this.satisfaction = d.mindset.satisfaction;
        this.timeLeftSec = d.mindset.timeLeftSec;
        this.interests = { ...d.mindset.interests };
        this.series.push({
          n: this.series.length + 1,
          turn: ev.turn,
          satisfaction: d.mindset.satisfaction,
          timeLeftSec: d.mindset.timeLeftSec,
          cumulativeWatchSec: this.watchTotal,
        });
        break;
      }
      case 'leave': {
        const t = this.turnView(ev.turn);
        if (t) t.leftAt = ev.position;
        break;
      }
      case 'reflection': {
        const t = this.turnView(ev.turn);
        if (t) t.reflection = ev.reflection;
        break;
      }
      case 'instruction': {
        const t = this.turnView(ev.turn);
        if (t) t.instruction = ev.text;
        break;
      }
      case 'reply': {
        // The reply answers the latest instruction still waiting for one.
        const t = [...this.turns].reverse().find((x) => x.instruction !== null && x.reply === null);
        if (t) {
          t.reply = ev.message;
          t.plan = ev.slate.plan ?? null;
        }
        break;
      }
      case 'session_end':
        this.trajectory = ev.trajectory;
        this.current = null;
        this.status = 'ended';
        break;
    }
  }

  /** State of a card: not reached yet, being judged, or decided. */
  cardState(turn: number, position: number): 'pending' | 'current' | 'done' {
    const t = this.turnView(turn);
    if (t?.decisions[position]) return 'done';
    if (this.current && this.current.turn === turn && this.current.position === position) return 'current';
    return 'pending';
  }

  private turnView(turn: number): TurnView | undefined {
    for (let i = this.turns.length - 1; i >= 0; i--) if (this.turns[i].index === turn) return this.turns[i];
    return undefined;
  }
}
