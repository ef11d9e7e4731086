/**
 * The UserSimulator contract. The rule-based simulator, the LLM simulator and human
 * mode all implement it, so every view, metric and stored session works with any.
 *
 * Lifecycle for one session:
 *   const s = sim.startSession({ user, context, memory, catalog, rng, ... });
 *   for each list:  for each item:  d = await s.decide(item, position, turn)
 *                                   if d.actions includes 'leave' -> r = await s.reflect()
 *                   a list that ends without 'leave' continues with a new list
 *   s.end(endReason) -> SessionSummary (goes to the user's session-wise memory)
 */
import type {
  Catalog,
  Context,
  EndReason,
  Item,
  ItemDecision,
  MaybePromise,
  Mindset,
  Reflection,
  Rng,
  SessionSummary,
  UserProfile,
} from '../types';
import type { UserMemory } from './memory';

/** The part of AbortSignal the core needs (the core compiles without DOM types). */
export interface AbortLike {
  readonly aborted: boolean;
}

/** Streaming hooks for simulators that produce text progressively (LLMs). */
export interface SimulatorHooks {
  /** A piece of the thought for the item at `position` as it is generated. */
  onThoughtDelta?(position: number, text: string): void;
  /** Cancellation: when aborted, an async simulator stops and rejects with an AbortError. */
  signal?: AbortLike;
}

export interface SessionStart {
  user: UserProfile;
  context: Context;
  /** Memory carried across sessions of this user (interaction-wise and session-wise). */
  memory: UserMemory;
  catalog: Catalog;
  rng: Rng;
  /** When false (the paper's "instructions off"), the user never instructs. */
  instructionsEnabled: boolean;
  hooks?: SimulatorHooks;
  /**
   * When the session starts (epoch ms): memory decays with the time since earlier
   * interactions, and entries written in this session are stamped from it. Default: the
   * catalog's `now` for a first session, else a day after the last remembered session.
   */
  startedAt?: number;
}

/** A user going through one session. Rule-based implementations return plain values (fast path). */
export interface SimSession {
  /** Current mindset (read-only view for charts). */
  readonly mindset: Mindset;
  /** Think, act, update the mindset for one item. `turn` is the 0-based list index. */
  decide(item: Item, position: number, turn: number): MaybePromise<ItemDecision>;
  /** Called after a decision that includes 'leave': reasons and an instruction or null. */
  reflect(): MaybePromise<Reflection>;
  /**
   * Optional: a break point without leaving (the paper's list-reordering protocol). The
   * user pauses and may say what to change; returns the reflection, with an instruction or
   * null. Simulators without it only instruct when they leave.
   */
  checkIn?(): MaybePromise<Reflection>;
  /** The recommender replied to an instruction with a message; the user may adjust expectations. */
  hearReply?(message: string): void;
  /** Close the session; returns the summary stored in session-wise memory. */
  end(reason: EndReason): SessionSummary;
}

/** A user simulator plug-in, registered under a short stable name ("rule-based", "llm", "human"). */
export interface UserSimulator {
  readonly name: string;
  startSession(start: SessionStart): SimSession;
}
