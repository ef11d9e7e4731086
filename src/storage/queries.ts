/**
 * Reading and managing the history: list/search/filter, delete, interrupted sessions,
 * loading a session back as a Trajectory, and the browser's storage estimate/persistence.
 */
import type { ActionType, EndReason, SessionMetrics, Trajectory, Turn } from '../core/types';
import { ACTION_TYPES } from '../core/types';
import type { EventRecord, ItemSnapshot, RecoDb, SessionRecord } from './db';
import { toStorageError } from './errors';

/** Filters of the history list; all optional, combined with AND. */
export interface SessionQuery {
  /** Case-insensitive substring of title, user, recommender or simulator. */
  search?: string;
  recommender?: string;
  simulator?: string;
  status?: SessionRecord['status'];
  /** Started at or after (epoch ms). */
  from?: number;
  /** Started before (epoch ms). */
  to?: number;
}

/** Sessions matching `q`, newest first. */
export async function listSessions(db: RecoDb, q: SessionQuery = {}): Promise<SessionRecord[]> {
  try {
    const needle = q.search?.trim().toLowerCase() ?? '';
    const coll = q.recommender
      ? db.sessions.where('recommender').equals(q.recommender)
      : db.sessions.where('startedAt').between(q.from ?? -Infinity, q.to ?? Infinity, true, false);
    const rows = await coll
      .filter(
        (s) =>
          (!needle || s.searchText.includes(needle)) &&
          (!q.simulator || s.simulator === q.simulator) &&
          (!q.status || s.status === q.status) &&
          (q.from === undefined || s.startedAt >= q.from) &&
          (q.to === undefined || s.startedAt < q.to),
      )
      .toArray();
    return rows.sort((a, b) => b.startedAt - a.startedAt);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Distinct recommender and simulator names in the history (for filter menus). */
export async function facetValues(db: RecoDb): Promise<{ recommenders: string[]; simulators: string[] }> {
  const [r, s] = await Promise.all([
    db.sessions.orderBy('recommender').uniqueKeys(),
    db.sessions.orderBy('simulator').uniqueKeys(),
  ]);
  return { recommenders: r.map(String), simulators: s.map(String) };
}

/** Delete a session with its events and trajectory (one transaction). */
export async function deleteSession(db: RecoDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', db.sessions, db.events, db.trajectories, async () => {
      await db.events.where('sessionId').equals(id).delete();
      await db.trajectories.delete(id);
      await db.sessions.delete(id);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Sessions still 'running' but untouched for `staleMs` were cut off (tab closed, crash):
 * mark them 'interrupted'. Call once at startup. Returns how many were marked. `recording`:
 * ids some tab is still recording (a run paused for minutes is not cut off), left as they are.
 */
export async function markInterrupted(db: RecoDb, now: number, staleMs = 60_000, recording: ReadonlySet<string> = new Set()): Promise<number> {
  try {
    return await db.sessions
      .where('status')
      .equals('running')
      .filter((s) => s.updatedAt < now - staleMs && !recording.has(s.id))
      .modify({ status: 'interrupted' });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Everything stored about one session. */
export interface LoadedSession {
  session: SessionRecord;
  events: EventRecord[];
  trajectory: Trajectory;
  /** Item snapshots by id (may be empty for imported JSONL trajectories). */
  items: Map<string, ItemSnapshot>;
}

function emptyActions(): Record<ActionType, number> {
  const a = {} as Record<ActionType, number>;
  for (const t of ACTION_TYPES) a[t] = 0;
  return a;
}

/** Metrics recomputed from decisions, for sessions that never reached `session_end`. */
export function partialMetrics(turns: Turn[], endReason: EndReason): SessionMetrics {
  const actions = emptyActions();
  let watchSec = 0;
  let items = 0;
  let instructions = 0;
  for (const t of turns) {
    for (const d of t.decisions) {
      items++;
      watchSec += d.watchSec;
      for (const a of d.actions) actions[a]++;
    }
    if (t.reflection?.instruction) instructions++;
  }
  return {
    watchSec,
    itemsViewed: items,
    actions,
    turns: turns.length,
    instructions,
    endReason,
    sessionSec: watchSec,
    returnProbability: 0,
    returnAfterHours: 0,
  };
}

/** Rebuild a Trajectory from stored events (for cut-off sessions). */
export function trajectoryFromEvents(session: SessionRecord, events: EventRecord[]): Trajectory {
  const turns: Turn[] = [];
  const turnAt = (i: number): Turn | undefined => turns.find((t) => t.index === i);
  for (const ev of [...events].sort((a, b) => a.seq - b.seq)) {
    if (ev.kind === 'list') {
      turns.push({ index: ev.turn, slate: ev.slate, decisions: [], reflection: null, reward: 0 });
      continue;
    }
    const t = turnAt(ev.turn);
    if (!t) continue;
    if (ev.kind === 'decision') {
      t.decisions.push(ev.decision);
      t.reward += ev.decision.watchSec;
    } else if (ev.kind === 'reflection') t.reflection = ev.reflection;
  }
  const endReason: EndReason = session.endReason ?? 'stopped';
  return {
    // The run's own (trajectory) id, as a finished session's trajectory has it; the stored
    // session id is on the row.
    id: session.trajectoryId ?? session.id,
    seed: session.seed,
    userId: session.userId,
    recommender: session.recommender,
    simulator: session.simulator,
    catalogId: session.catalogId,
    context: session.context ?? { timeOfDay: 'evening', dayOfWeek: 0, device: 'mobile', location: '' },
    instructionsEnabled: session.instructionsEnabled,
    turns,
    endReason,
    metrics: partialMetrics(turns, endReason),
    startedAt: session.startedAt,
  };
}

/** Load a session for replay: the stored final trajectory, or one rebuilt from its events. */
export async function loadSession(db: RecoDb, id: string): Promise<LoadedSession | null> {
  try {
    return await db.transaction('r', db.sessions, db.events, db.trajectories, async () => {
      const session = await db.sessions.get(id);
      if (!session) return null;
      const events = await db.events.where('sessionId').equals(id).sortBy('seq');
      const stored = await db.trajectories.get(id);
      const items = new Map<string, ItemSnapshot>();
      for (const s of stored?.items ?? []) items.set(s.id, s);
      for (const ev of events) if (ev.kind === 'list') for (const s of ev.items ?? []) items.set(s.id, s);
      const trajectory = stored?.trajectory ?? trajectoryFromEvents(session, events);
      return { session, events, trajectory, items };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Load a session as a Trajectory (null when absent). */
export async function loadTrajectory(db: RecoDb, id: string): Promise<Trajectory | null> {
  return (await loadSession(db, id))?.trajectory ?? null;
}

/** Bytes used and available to this origin, and whether storage is persistent. */
export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

function storageManager(): StorageManagerLike | null {
  const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
  return nav?.storage ?? null;
}

/** navigator.storage.estimate() and persisted(), with nulls where the browser has none. */
export async function storageInfo(): Promise<StorageInfo> {
  const sm = storageManager();
  const est = sm?.estimate ? await sm.estimate().catch(() => null) : null;
  const persisted = sm?.persisted ? await sm.persisted().catch(() => null) : null;
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}

/** Ask the browser to keep this origin's data (not evict it under pressure). */
export async function requestPersistence(): Promise<boolean> {
  const sm = storageManager();
  if (!sm?.persist) return false;
  return sm.persist().catch(() => false);
}
