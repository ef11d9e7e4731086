/**
 * The export file formats and the one canonical "exported form" of a stored session, shared
 * by the exporter (export.ts) and the importer (import.ts): an import compares a file's
 * session with the stored one in exactly the form an export would write, so re-importing
 * an export finds every session already there.
 *
 * - All data / single session: one JSON object
 *     { format: 'recoworld-playground', version: 1, kind: 'all' | 'session',
 *       exportedAt, schemaVersion, sessions: [{ session, events, trajectory, items? }] }
 * - Trajectories: JSONL, one `Trajectory` (core/types.ts) per line, each with a `session`
 *   field holding the stored session row (id, title, wall-clock start, status...), so the
 *   line imports back as the same session.
 */
import type { Trajectory } from '../core/types';
import type { EventRecord, ItemSnapshot, RecoDb, SessionRecord, SessionStatus } from './db';
import { searchTextOf, sessionIdOf } from './db';
import { loadSession } from './queries';
import { stripSecrets } from './secrets';

/** The `format` tag of export files. */
export const EXPORT_FORMAT = 'recoworld-playground';
/** Version of the export file format (independent of the database schema version). */
export const EXPORT_VERSION = 1;
/**
 * Deepest nesting accepted in one imported record. A stored session nests about 8 levels
 * (session > turns > decisions > mindset > interests); anything far deeper is not an
 * export and would overflow the stack of the validators.
 */
export const MAX_RECORD_DEPTH = 64;
/** Largest import file, in characters (a browser tab could not hold much more as records). */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

/** One session in an export file. */
export interface ExportedSession {
  session: SessionRecord;
  events: EventRecord[];
  trajectory: Trajectory | null;
  items?: ItemSnapshot[];
}

/** An export file. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  kind: 'all' | 'session';
  exportedAt: number;
  schemaVersion: number;
  sessions: ExportedSession[];
}

/** One JSONL line: a trajectory plus the stored session row it belongs to. */
export type JsonlRecord = Trajectory & { session?: SessionRecord };

/** A rejected import: `line` (1-based, JSONL) or `record` (0-based session index) says where. */
export class ImportFileError extends Error {
  readonly line?: number;
  readonly record?: number;
  constructor(message: string, where: { line?: number; record?: number } = {}) {
    super(message);
    this.name = 'ImportFileError';
    this.line = where.line;
    this.record = where.record;
  }
}

/** A session row as exported: no search index, no secrets (at any depth). */
export function cleanSession(s: SessionRecord): SessionRecord {
  const { searchText: _drop, ...rest } = s;
  return stripSecrets(rest) as SessionRecord;
}

/** The exported form of one stored session (what `exportAll` writes for it). */
export function exportedSession(session: SessionRecord, events: EventRecord[], trajectory: Trajectory | null, items?: ItemSnapshot[]): ExportedSession {
  return {
    session: cleanSession(session),
    events: events.map((e) => stripSecrets(e) as EventRecord),
    trajectory: trajectory ? (stripSecrets(trajectory) as Trajectory) : null,
    ...(items ? { items } : {}),
  };
}

/** Stored sessions in their exported form, oldest first (all when `ids` is null). */
export async function collect(db: RecoDb, ids: string[] | null): Promise<ExportedSession[]> {
  return db.transaction('r', db.sessions, db.events, db.trajectories, async () => {
    const sessions = ids ? (await db.sessions.bulkGet(ids)).filter((s): s is SessionRecord => !!s) : await db.sessions.orderBy('startedAt').toArray();
    const out: ExportedSession[] = [];
    for (const s of sessions) {
      const events = await db.events.where('sessionId').equals(s.id).sortBy('seq');
      const t = await db.trajectories.get(s.id);
      out.push(exportedSession(s, events, t?.trajectory ?? null, t?.items));
    }
    return out;
  });
}

/** The JSONL line object of a stored session: its trajectory (stored, or rebuilt from events) and its row. */
export async function jsonlRecordOf(db: RecoDb, id: string): Promise<JsonlRecord | null> {
  const loaded = await loadSession(db, id);
  if (!loaded) return null;
  return { ...(stripSecrets(loaded.trajectory) as Trajectory), session: cleanSession(loaded.session) };
}

function statusOf(t: Trajectory): SessionStatus {
  return t.endReason === 'stopped' ? 'stopped' : 'complete';
}

/**
 * The session row for a bare trajectory (a JSONL line written before lines carried their
 * session, or by another tool): titled with the user id and recommender, dated with the
 * trajectory's own start (the simulated clock), since the file says nothing else.
 */
export function sessionFromTrajectory(t: Trajectory): SessionRecord {
  const watchSec = t.turns.reduce((a, turn) => a + turn.decisions.reduce((b, d) => b + d.watchSec, 0), 0);
  const base = {
    id: sessionIdOf(t.id, t.startedAt),
    trajectoryId: t.id,
    title: `${t.userId} x ${t.recommender}`,
    startedAt: t.startedAt,
    updatedAt: t.startedAt,
    status: statusOf(t),
    seed: t.seed,
    userId: t.userId,
    recommender: t.recommender,
    simulator: t.simulator,
    catalogId: t.catalogId,
    instructionsEnabled: t.instructionsEnabled,
    context: t.context,
    settings: {},
    endReason: t.endReason,
    metrics: t.metrics,
    summary: {
      turns: t.turns.length,
      items: t.turns.reduce((a, turn) => a + turn.decisions.length, 0),
      watchSec,
      instructions: t.turns.filter((turn) => turn.reflection?.instruction).length,
    },
  };
  return { ...base, searchText: searchTextOf(base) };
}

/** JSON with object keys sorted at every level: equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) out[k] = (v as Record<string, unknown>)[k];
      return out;
    }
    return v;
  });
}

/**
 * Where `value` nests deeper than `max` levels: the path of the first such spot
 * ("turns[0].decisions[0].llm.a.a..."), or null. Iterative: a 100,000-level file cannot
 * overflow the stack here.
 */
export function tooDeepAt(value: unknown, max: number = MAX_RECORD_DEPTH): string | null {
  const stack: { v: unknown; d: number; path: string }[] = [{ v: value, d: 0, path: '' }];
  while (stack.length) {
    const { v, d, path } = stack.pop() as { v: unknown; d: number; path: string };
    if (!v || typeof v !== 'object') continue;
    if (d >= max) return path.length > 120 ? `${path.slice(0, 120)}...` : path || '(top level)';
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, d: d + 1, path: path.length > 200 ? path : `${path}[${i}]` }));
    else for (const [k, x] of Object.entries(v as Record<string, unknown>)) stack.push({ v: x, d: d + 1, path: path.length > 200 ? path : path ? `${path}.${k}` : k });
  }
  return null;
}
