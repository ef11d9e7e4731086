/**
 * Records a session into IndexedDB as it happens: every completed item (list, decision,
 * leave, reflection, instruction, reply) is written the moment its event arrives, so a
 * session cut off half-way (tab closed, crash) is in the history up to its last
 * completed item.
 *
 *   const rec = createRecorder(db, meta, { itemLookup: (id) => index.get(id) });
 *   await runSession(cfg, (e) => { rec.onEvent(e); return ui.onEvent(e); });
 *   await rec.done;            // everything flushed (or rec.error says why not)
 *
 * `onEvent` never throws and never blocks the run: writes are queued and chained. A
 * failed write (quota, closed database) keeps its records in memory (`pending()`), is
 * retried with the next write, and is reported through `onError` and
 * `onStorageIssue`, so the UI can tell the person and offer an export.
 */
import type { EventSink, SessionEvent } from '../core/env/environment';
import type { Item, Trajectory } from '../core/types';
import {
  type EventRecord,
  type ItemSnapshot,
  type RecoDb,
  type SessionMeta,
  type SessionRecord,
  type StoredEventBody,
  searchTextOf,
  sessionIdOf,
} from './db';
import { type StorageError, toStorageError } from './errors';
import { reportStorageIssue } from './open';
import { stripSecrets } from './secrets';

/** Options of `createRecorder`. */
export interface RecorderOptions {
  /** Resolves item ids to items, so stored lists carry snapshots (titles...) for replay. */
  itemLookup?: (id: string) => Item | undefined;
  /** Clock (epoch ms); defaults to Date.now. */
  now?: () => number;
  /** Called on every failed write. */
  onError?: (e: StorageError) => void;
}

/** A running recorder. */
export interface Recorder {
  /** The stored session's id (`sessionIdOf(meta.id, meta.startedAt)`). */
  readonly id: string;
  /** Feed every SessionEvent here (it returns at once; writes are queued). */
  onEvent: EventSink;
  /** Resolves once `session_end` (or `stop()`) has been written, or the write failed (see `error`). */
  done: Promise<void>;
  /** The last write failure, or null. */
  readonly error: StorageError | null;
  /**
   * The whole session as recorded so far (every event, kept in memory for the run), and
   * how many events the database has not taken yet (after a failed write): what an
   * export of unsaved data writes.
   */
  pending(): { session: SessionRecord; events: EventRecord[]; trajectory: Trajectory | null; unsaved: number };
  /** Wait for queued writes (retrying failed ones once). */
  flush(): Promise<void>;
  /** End a run that will not emit `session_end` (e.g. reset mid-run): status 'stopped'. */
  stop(): Promise<void>;
}

/** Recorders holding data the database did not take (after a failed write). */
const unsaved = new Set<Recorder>();

/**
 * Recorders whose data is (partly) only in memory because writes failed (quota, closed
 * database): the history view offers to export them so nothing is lost silently.
 */
export function unsavedRecorders(): Recorder[] {
  return [...unsaved];
}

/** Snapshot of the fields a replay card shows. */
export function snapshotItem(it: Item): ItemSnapshot {
  return {
    id: it.id,
    title: it.title,
    topic: it.topic,
    subtopic: it.subtopic,
    creator: it.creator,
    format: it.format,
    durationSec: it.durationSec,
  };
}

/** Build the initial session row from the caller's meta. */
export function sessionRecordOf(meta: SessionMeta, now: number): SessionRecord {
  const title = meta.title ?? `${meta.userName ?? meta.userId} x ${meta.recommender}`;
  const rec: SessionRecord = {
    ...meta,
    id: sessionIdOf(meta.id, meta.startedAt),
    trajectoryId: meta.id,
    settings: stripSecrets(meta.settings) as Record<string, unknown>,
    title,
    updatedAt: now,
    status: 'running',
    summary: { turns: 0, items: 0, watchSec: 0, instructions: 0 },
    searchText: '',
  };
  rec.searchText = searchTextOf(rec);
  return rec;
}

/** Create a recorder for one session; the session row is written at once (status 'running'). */
export function createRecorder(db: RecoDb, meta: SessionMeta, opts: RecorderOptions = {}): Recorder {
  const now = opts.now ?? (() => Date.now());
  const session = sessionRecordOf(meta, now());
  const items = new Map<string, ItemSnapshot>();
  let unsavedEvents: EventRecord[] = [];
  let unsavedTrajectory: Trajectory | null = null;
  /** Every event of the run (a session is at most a few hundred): for exports when the database fails. */
  const allEvents: EventRecord[] = [];
  let finalTrajectory: Trajectory | null = null;
  let sessionDirty = true;
  let seq = 0;
  let error: StorageError | null = null;
  let chain: Promise<void> = Promise.resolve();
  let finished = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  async function writeOnce(): Promise<void> {
    if (!sessionDirty && unsavedEvents.length === 0 && !unsavedTrajectory) return;
    // Take what is queued now; events arriving during the write queue up anew (never
    // alias the live queue: they would be dropped with the batch).
    const events = unsavedEvents;
    unsavedEvents = [];
    const traj = unsavedTrajectory;
    sessionDirty = false;
    const row = { ...session, summary: { ...session.summary } };
    try {
      await db.transaction('rw', db.sessions, db.events, db.trajectories, async () => {
        if (events.length) await db.events.bulkPut(events);
        if (traj) await db.trajectories.put({ id: session.id, trajectory: traj, items: [...items.values()] });
        await db.sessions.put(row);
      });
      if (unsavedTrajectory === traj) unsavedTrajectory = null;
      error = null;
      if (!unsavedEvents.length && !sessionDirty && !unsavedTrajectory) unsaved.delete(recorder);
    } catch (e) {
      // Keep the batch (in order, before anything newer) for the next attempt.
      unsavedEvents = events.concat(unsavedEvents);
      sessionDirty = true;
      error = toStorageError(e);
      unsaved.add(recorder);
      opts.onError?.(error);
      reportStorageIssue(error);
    }
  }

  function enqueue(): Promise<void> {
    chain = chain.then(writeOnce);
    return chain;
  }

  function add(turn: number, body: StoredEventBody): void {
    const at = now();
    // Secrets never reach the database, not even inside LLM call metadata of a decision.
    const rec = { ...(stripSecrets(body) as StoredEventBody), sessionId: session.id, seq: seq++, turn, at } as EventRecord;
    unsavedEvents.push(rec);
    allEvents.push(rec);
    session.updatedAt = at;
    sessionDirty = true;
  }

  function finish(traj: Trajectory | null): void {
    if (finished) return;
    finished = true;
    if (traj) {
      traj = stripSecrets(traj) as Trajectory;
      unsavedTrajectory = traj;
      finalTrajectory = traj;
      // The trajectory is the truth about what ran (e.g. "content+follow" where the
      // caller's meta said "content"): keep the row in step with it.
      if (traj.recommender && traj.recommender !== session.recommender) {
        if (!meta.title) session.title = `${session.userName ?? session.userId} x ${traj.recommender}`;
        session.recommender = traj.recommender;
        session.searchText = searchTextOf(session);
      }
      session.endReason = traj.endReason;
      session.metrics = traj.metrics;
      session.status = traj.endReason === 'stopped' ? 'stopped' : 'complete';
    } else {
      session.status = 'stopped';
      session.endReason = 'stopped';
    }
    session.updatedAt = now();
    sessionDirty = true;
    void enqueue().then(resolveDone);
  }

  function handle(e: SessionEvent): void {
    if (finished) return;
    switch (e.type) {
      case 'session_start':
        return; // the row was written at creation
      case 'list': {
        const snaps: ItemSnapshot[] = [];
        for (const id of e.slate.itemIds) {
          const it = opts.itemLookup?.(id);
          if (it) {
            const s = snapshotItem(it);
            items.set(id, s);
            snaps.push(s);
          }
        }
        session.summary.turns = Math.max(session.summary.turns, e.turn + 1);
        add(e.turn, { kind: 'list', slate: e.slate, ...(snaps.length ? { items: snaps } : {}) });
        break;
      }
      case 'decision':
        session.summary.items += 1;
        session.summary.watchSec += e.decision.watchSec;
        add(e.turn, { kind: 'decision', decision: e.decision });
        break;
      case 'leave':
        add(e.turn, { kind: 'leave', position: e.position });
        break;
      case 'reflection':
        add(e.turn, { kind: 'reflection', reflection: e.reflection });
        break;
      case 'instruction':
        session.summary.instructions += 1;
        add(e.turn, { kind: 'instruction', text: e.text });
        break;
      case 'reply':
        add(e.turn, { kind: 'reply', message: e.message, slate: e.slate });
        break;
      case 'session_end':
        finish(e.trajectory);
        return;
      default:
        return; // item_start, thought_delta: not completed items
    }
    void enqueue();
  }

  void enqueue();

  const recorder: Recorder = {
    id: session.id,
    onEvent: (e) => handle(e),
    done,
    get error() {
      return error;
    },
    pending: () => ({ session: { ...session, summary: { ...session.summary } }, events: [...allEvents], trajectory: finalTrajectory, unsaved: unsavedEvents.length }),
    flush: () => enqueue(),
    stop: () => {
      finish(null);
      return done;
    },
  };
  return recorder;
}
