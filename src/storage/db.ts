/**
 * The IndexedDB database of RecoWorld Playground (Dexie), with versioned schema.
 *
 * Tables
 * - `sessions`:     one row per session (meta: settings, seed, plug-in names, status,
 *                   a running summary of metrics). Listing and search read only this.
 * - `events`:       every completed item of a session as it happened (list, decision,
 *                   leave, reflection, instruction, reply), keyed by [sessionId+seq] so a
 *                   re-import of the same data replaces rather than duplicates.
 * - `trajectories`: the final Trajectory of a finished session (plus item snapshots for
 *                   replay), so a replay does not depend on the catalog still being loaded.
 *
 * Schema history (never edit a published version; add a new one):
 * - v1: sessions(id, startedAt, updatedAt, status, recommender, simulator, catalogId, userId),
 *       events([sessionId+seq], sessionId), trajectories(id)
 * - v2: sessions gain `searchText` (lower-cased title/user/recommender/simulator, filled in
 *       by the upgrade for existing rows) and an `endReason` index.
 * - v3: `creatorRuns(id, createdAt)`: the creator lab's stored results (additive; nothing migrates).
 * - v4: `itemVectors([catalogId+model], catalogId, updatedAt)`: item embeddings per catalog and
 *       model, so the Items view does not recompute them (additive; nothing migrates).
 */
import { Dexie, type Table } from 'dexie';
import type { Context, EndReason, Item, ItemDecision, Reflection, SessionMetrics, Slate, Trajectory } from '../core/types';

/** Current schema version. */
export const SCHEMA_VERSION = 4;

/** Default database name (tests pass their own). */
export const DEFAULT_DB_NAME = 'recoworld';

/** Life cycle of a stored session. 'interrupted' = found 'running' at startup, long untouched. */
export type SessionStatus = 'running' | 'complete' | 'stopped' | 'interrupted';

/** Running totals kept on the session row, so the history list needs no joins. */
export interface SessionSummaryStats {
  turns: number;
  items: number;
  watchSec: number;
  instructions: number;
}

/** What a caller knows about a session when it starts (input of `createRecorder`). */
export interface SessionMeta {
  /**
   * The trajectory id (the runner's `session_start.trajectoryId`). Trajectory ids are
   * deterministic (recommender/user/seed/index), so the stored session's own id is
   * `sessionIdOf(id, startedAt)`: running the same seed twice keeps two sessions.
   */
  id: string;
  /** Human title for the history list; defaults to "<user> x <recommender>". */
  title?: string;
  startedAt: number;
  seed: number;
  userId: string;
  userName?: string;
  recommender: string;
  simulator: string;
  catalogId: string;
  instructionsEnabled: boolean;
  context?: Context;
  /** The run's settings (as in the share URL). Secrets (API keys) are stripped before storing. */
  settings: Record<string, unknown>;
  /** Prompt templates of an LLM run (so a stored run can be reproduced/inspected). */
  promptTemplates?: Record<string, string>;
  /** LLM model id, if any. */
  model?: string;
  /** The user's time budget and interests before the first item (so a replay starts where the live view did). */
  start?: { timeBudgetSec: number; interests: Record<string, number>; satisfaction?: number };
}

/** A row of the `sessions` table. */
export interface SessionRecord extends SessionMeta {
  /** The trajectory id of the run (`id` is the stored session's own, unique id). */
  trajectoryId?: string;
  title: string;
  updatedAt: number;
  status: SessionStatus;
  endReason?: EndReason;
  /** Final metrics (complete/stopped sessions). */
  metrics?: SessionMetrics;
  summary: SessionSummaryStats;
  /** v2: lower-cased text searched by the history view. */
  searchText: string;
}

/** A compact copy of an item as shown, so replays and exports stand on their own. */
export type ItemSnapshot = Pick<Item, 'id' | 'title' | 'topic' | 'subtopic' | 'creator' | 'format' | 'durationSec'>;

/** Payloads of stored events, one per kind. */
export type StoredEventBody =
  | { kind: 'list'; slate: Slate; items?: ItemSnapshot[] }
  | { kind: 'decision'; decision: ItemDecision }
  | { kind: 'leave'; position: number }
  | { kind: 'reflection'; reflection: Reflection }
  | { kind: 'instruction'; text: string }
  | { kind: 'reply'; message: string; slate: Slate };

/** A row of the `events` table. */
export type EventRecord = StoredEventBody & {
  sessionId: string;
  /** 0-based order within the session. */
  seq: number;
  turn: number;
  at: number;
};

/** A row of the `trajectories` table. */
export interface TrajectoryRecord {
  id: string;
  trajectory: Trajectory;
  items?: ItemSnapshot[];
}

/** v1 store definitions (kept verbatim: Dexie replays them for databases created at v1). */
export const SCHEMA_V1 = {
  sessions: 'id, startedAt, updatedAt, status, recommender, simulator, catalogId, userId',
  events: '[sessionId+seq], sessionId',
  trajectories: 'id',
} as const;

/** v2 store definitions: adds `searchText` and `endReason` indexes on sessions. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  sessions: 'id, startedAt, updatedAt, status, recommender, simulator, catalogId, userId, searchText, endReason',
} as const;

/** v3 store definitions: adds the creator lab's results. */
export const SCHEMA_V3 = { ...SCHEMA_V2, creatorRuns: 'id, createdAt' } as const;

/** v4 store definitions: adds cached item vectors. */
export const SCHEMA_V4 = { ...SCHEMA_V3, itemVectors: '[catalogId+model], catalogId, updatedAt' } as const;

/** A row of `itemVectors`: one catalog's vectors from one model (rows in `ids` order). */
export interface ItemVectorsRecord {
  catalogId: string;
  model: string;
  dim: number;
  ids: string[];
  data: Float32Array;
  updatedAt: number;
}

/** A row of `creatorRuns`: a creator experiment (plain JSON, reproducible) and its summarised result. */
export interface CreatorRunRecord {
  id: string;
  createdAt: number;
  title: string;
  experiment: unknown;
  result: unknown;
}

/** The stored id of a run: its (deterministic) trajectory id plus its start time. */
export function sessionIdOf(trajectoryId: string, startedAt: number): string {
  return `${trajectoryId}@${Math.round(startedAt)}`;
}

/** The text the history search matches against. */
export function searchTextOf(s: Pick<SessionRecord, 'title' | 'userId' | 'recommender' | 'simulator'> & { userName?: string }): string {
  return [s.title, s.userName ?? '', s.userId, s.recommender, s.simulator].join(' ').toLowerCase();
}

/** The Dexie database. Construct with `openDb` (maps open failures to StorageError). */
export class RecoDb extends Dexie {
  sessions!: Table<SessionRecord, string>;
  events!: Table<EventRecord, [string, number]>;
  trajectories!: Table<TrajectoryRecord, string>;
  creatorRuns!: Table<CreatorRunRecord, string>;
  itemVectors!: Table<ItemVectorsRecord, [string, string]>;

  /** @param upTo highest schema version to declare (tests open at 1 to exercise the migration). */
  constructor(name: string = DEFAULT_DB_NAME, opts?: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, opts?.indexedDB ? { indexedDB: opts.indexedDB, IDBKeyRange: opts.IDBKeyRange } : undefined);
    const upTo = opts?.upTo ?? SCHEMA_VERSION;
    this.version(1).stores(SCHEMA_V1);
    if (upTo >= 2) {
      this.version(2)
        .stores(SCHEMA_V2)
        .upgrade((tx) =>
          tx
            .table('sessions')
            .toCollection()
            .modify((s: SessionRecord) => {
              s.title ??= `${s.userName ?? s.userId} x ${s.recommender}`;
              s.searchText = searchTextOf(s);
            }),
        );
    }
    if (upTo >= 3) this.version(3).stores(SCHEMA_V3);
    if (upTo >= 4) this.version(4).stores(SCHEMA_V4);
  }
}
