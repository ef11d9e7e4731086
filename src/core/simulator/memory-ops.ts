/**
 * Operations on the simulated user's memory (memory.ts holds the data shape), after the
 * paper's §3.1:
 *
 * - Eq. 1/2, interaction-wise memory: each entry (action, item, time) carries an importance
 *   score conditioned on the context it was written in (action strength, locality, attention);
 *   the score decays with time (half-life) and entries whose current importance falls below
 *   `retentionThreshold` are forgotten (`pruneMemory`).
 * - Eq. 3, session-wise memory: one `SessionSummary` per finished session (`appendSession`).
 * - Eq. 4/5: `memoryDigest` turns both levels into the per-topic signals that shift the
 *   next session's starting state (interest boosts, leftover fatigue, items already seen).
 *
 * The memory object is plain data; the functions that change it say so (they mutate in place,
 * since the same object is carried across a user's sessions).
 */
import type { ActionType, Catalog, Context, Interaction, SessionSummary, UserProfile } from '../types';
import type { MemoryEntry, UserMemory } from './memory';
import { catalogFeatures, type CatalogFeatures } from './item-features';

const HOUR_MS = 3_600_000;

/** Most interaction entries kept (the least important go first beyond this). */
export const MAX_MEMORY_ENTRIES = 2000;
/** Most session summaries kept. */
export const MAX_MEMORY_SESSIONS = 100;

/** Strength of one action as evidence of preference, in [0, 1]. */
export function actionStrength(action: ActionType, watchFraction = 0): number {
  switch (action) {
    case 'share':
      return 0.95;
    case 'comment':
      return 0.85;
    case 'like':
      return 0.75;
    case 'click':
      return 0.5;
    case 'watch':
      return 0.2 + 0.5 * Math.min(1, Math.max(0, watchFraction));
    case 'skip':
      return 0.3;
    case 'leave':
      return 0.1;
  }
}

/**
 * Importance of an interaction when it is written: the strongest action on the item,
 * conditioned on the context (a local item is remembered better; late-night scrolling and
 * a mobile glance are remembered less; a TV session is watched with attention).
 */
export function entryImportance(actions: readonly ActionType[], watchFraction: number, context: Context, local: boolean): number {
  let s = 0;
  for (const a of actions) s = Math.max(s, actionStrength(a, watchFraction));
  // Several actions on one item (watch + like + share) are more memorable than one.
  s += 0.05 * Math.max(0, actions.length - 1);
  if (local) s += 0.05;
  if (context.timeOfDay === 'night') s -= 0.05;
  if (context.device === 'tv') s += 0.03;
  return Math.min(1, Math.max(0, s));
}

/** Importance of an entry at time `now` (epoch ms): halves every `halfLifeHours`. */
export function currentImportance(entry: MemoryEntry, now: number, halfLifeHours: number): number {
  const dtH = Math.max(0, now - entry.at) / HOUR_MS;
  return entry.importance * Math.pow(0.5, dtH / Math.max(1e-6, halfLifeHours));
}

/**
 * Forget: drops entries whose current importance is below the memory's retention threshold,
 * and beyond `MAX_MEMORY_ENTRIES` the least important. Mutates `memory` (the interactions
 * array is compacted in place); returns how many entries were dropped.
 */
export function pruneMemory(memory: UserMemory, now: number, halfLifeHours: number): number {
  const list = memory.interactions;
  const before = list.length;
  if (before === 0) return 0;
  // In-place compaction; same test as currentImportance(e) >= threshold, without a closure.
  const k = Math.LN2 / (Math.max(1e-6, halfLifeHours) * HOUR_MS);
  const thr = memory.retentionThreshold;
  let w = 0;
  for (let i = 0; i < before; i++) {
    const e = list[i];
    const dt = now - e.at;
    if ((dt > 0 ? e.importance * Math.exp(-dt * k) : e.importance) >= thr) list[w++] = e;
  }
  list.length = w;
  if (w > MAX_MEMORY_ENTRIES) {
    const ranked = list
      .map((e, i) => ({ i, v: currentImportance(e, now, halfLifeHours) }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, MAX_MEMORY_ENTRIES)
      .map((r) => r.i)
      .sort((a, b) => a - b);
    memory.interactions = ranked.map((i) => list[i]);
  }
  return before - memory.interactions.length;
}

/** Append interaction entries (oldest first). Mutates `memory`. */
export function recordInteractions(memory: UserMemory, entries: readonly MemoryEntry[]): void {
  for (const e of entries) memory.interactions.push(e);
}

/** Append a session summary to session-wise memory (keeps the last `MAX_MEMORY_SESSIONS`). Mutates `memory`. */
export function appendSession(memory: UserMemory, summary: SessionSummary): void {
  memory.sessions.push(summary);
  if (memory.sessions.length > MAX_MEMORY_SESSIONS) memory.sessions.splice(0, memory.sessions.length - MAX_MEMORY_SESSIONS);
}

/**
 * Memory entries from a profile's prior history (for a runner that wants the 7-day history
 * in interaction-wise memory). Items not in the catalog are skipped. Importance is written
 * as of the interaction, without context (neutral).
 */
export function memoryFromHistory(user: UserProfile, catalog: Catalog, retentionThreshold = 0.15): UserMemory {
  const f = catalogFeatures(catalog);
  const interactions: MemoryEntry[] = [];
  for (const h of user.history) {
    const i = f.itemIndex.get(h.itemId);
    if (i === undefined) continue;
    const dur = f.durationSec[i];
    const frac = h.watchSec !== undefined && dur > 0 ? h.watchSec / dur : h.rating !== undefined ? h.rating / 5 : 0.5;
    interactions.push({
      itemId: h.itemId,
      topic: f.topicIds[f.itemTopic[i]],
      action: h.action,
      at: h.at,
      watchSec: h.watchSec ?? 0,
      importance: actionStrength(h.action, frac),
    });
  }
  return { userId: user.id, interactions, sessions: [], retentionThreshold };
}

/** What memory contributes to a new session (per topic index of the catalog features). */
export interface MemoryDigest {
  /** Decayed importance of positive interactions per topic (>= 0). */
  engaged: Float64Array;
  /** Decayed importance of skips per topic (>= 0). */
  skipped: Float64Array;
  /** Fatigue carried over from recent sessions' tired topics, [0, 1). */
  fatigue: Float64Array;
  /** Creator index -> decayed positive importance. */
  creators: Map<number, number>;
  /** Item ids remembered (memory entries only). */
  seen: Set<string>;
  /** The most recent session summary, if any. */
  last: SessionSummary | undefined;
}

/** Summarise memory at `now` into per-topic signals (Eq. 4's memory term). */
export function memoryDigest(memory: UserMemory, now: number, f: CatalogFeatures, halfLifeHours: number): MemoryDigest {
  // A fresh user (benchmarks, first sessions) needs no per-topic arrays at all.
  if (memory.interactions.length === 0 && memory.sessions.length === 0) return EMPTY_DIGEST;
  for (const e of memory.interactions) f.topic(e.topic);
  for (const s of memory.sessions) {
    for (const t of s.tiredTopics) f.topic(t);
    for (const t of s.topTopics) f.topic(t);
  }
  const n = f.topicIds.length;
  const engaged = new Float64Array(n);
  const skipped = new Float64Array(n);
  const fatigue = new Float64Array(n);
  const creators = new Map<number, number>();
  const seen = new Set<string>();
  for (const e of memory.interactions) {
    const v = currentImportance(e, now, halfLifeHours);
    if (v < memory.retentionThreshold) continue;
    seen.add(e.itemId);
    const t = f.topicIndex.get(e.topic) as number;
    if (e.action === 'skip' || e.action === 'leave') skipped[t] += v;
    else {
      engaged[t] += v;
      const i = f.itemIndex.get(e.itemId);
      if (i !== undefined && f.itemCreator[i] > 0) creators.set(f.itemCreator[i], (creators.get(f.itemCreator[i]) ?? 0) + v);
    }
  }
  // Tiredness fades between sessions: the most recent sessions weigh most, and a day
  // away halves what is left.
  const recent = memory.sessions.slice(-3);
  for (let k = 0; k < recent.length; k++) {
    const s = recent[recent.length - 1 - k];
    const awayH = Math.max(0, now - (s.startedAt + s.durationSec * 1000)) / HOUR_MS;
    const w = Math.pow(0.6, k) * Math.pow(0.5, awayH / 24);
    for (const id of s.tiredTopics) {
      const t = f.topicIndex.get(id) as number;
      fatigue[t] = Math.min(0.6, fatigue[t] + 0.4 * w);
    }
  }
  return { engaged, skipped, fatigue, creators, seen, last: memory.sessions[memory.sessions.length - 1] };
}

const EMPTY_DIGEST: MemoryDigest = Object.freeze({
  engaged: new Float64Array(0),
  skipped: new Float64Array(0),
  fatigue: new Float64Array(0),
  creators: new Map<number, number>(),
  seen: new Set<string>(),
  last: undefined,
});

const historySets = new WeakMap<readonly Interaction[], Set<string>>();

/** Item ids in a profile history, cached per history array (profiles are not mutated during a run). */
export function historyItemIds(history: readonly Interaction[]): Set<string> {
  let s = historySets.get(history);
  if (!s) {
    s = new Set(history.map((h) => h.itemId));
    historySets.set(history, s);
  }
  return s;
}
