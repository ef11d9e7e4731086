/**
 * Export and import of the history.
 *
 * Formats
 * - All data / single session: one JSON object
 *     { format: 'recoworld-playground', version: 1, kind: 'all' | 'session',
 *       exportedAt, schemaVersion, sessions: [{ session, events, trajectory, items }] }
 * - Trajectories: JSONL, one `Trajectory` (core/types.ts) per line, for analysis tools.
 *
 * Import validates the whole file with zod first; a malformed file is rejected with an
 * ImportFileError naming the line (JSONL) or the record, and what is wrong. Valid data
 * is written in one Dexie transaction, so nothing is ever half-imported. Re-importing
 * the same file replaces the sessions it holds (ids are kept) rather than duplicating.
 * API keys and other secrets are never exported.
 */
import type { Trajectory } from '../core/types';
import type { EventRecord, ItemSnapshot, RecoDb, SessionRecord, SessionStatus, TrajectoryRecord } from './db';
import { SCHEMA_VERSION, searchTextOf, sessionIdOf } from './db';
import { toStorageError } from './errors';
import { loadTrajectory } from './queries';
import { describeIssues, exportedSessionSchema, trajectorySchema } from './schemas';
import { stripSecrets } from './secrets';

/** The `format` tag of export files. */
export const EXPORT_FORMAT = 'recoworld-playground';
/** Version of the export file format (independent of the database schema version). */
export const EXPORT_VERSION = 1;

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

/** What an import wrote. */
export interface ImportResult {
  sessions: number;
  events: number;
  kind: 'all' | 'session' | 'jsonl';
}

function cleanSession(s: SessionRecord): SessionRecord {
  const { searchText: _drop, ...rest } = s;
  return { ...rest, settings: stripSecrets(s.settings) as Record<string, unknown> } as SessionRecord;
}

async function collect(db: RecoDb, ids: string[] | null): Promise<ExportedSession[]> {
  return db.transaction('r', db.sessions, db.events, db.trajectories, async () => {
    const sessions = ids ? (await db.sessions.bulkGet(ids)).filter((s): s is SessionRecord => !!s) : await db.sessions.orderBy('startedAt').toArray();
    const out: ExportedSession[] = [];
    for (const s of sessions) {
      const events = await db.events.where('sessionId').equals(s.id).sortBy('seq');
      const t = await db.trajectories.get(s.id);
      out.push({ session: cleanSession(s), events, trajectory: t?.trajectory ?? null, ...(t?.items ? { items: t.items } : {}) });
    }
    return out;
  });
}

/** All sessions as one export file (JSON text). */
export async function exportAll(db: RecoDb, now: number = Date.now()): Promise<string> {
  try {
    const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, kind: 'all', exportedAt: now, schemaVersion: SCHEMA_VERSION, sessions: await collect(db, null) };
    return JSON.stringify(file);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** One session as an export file (JSON text); throws if it does not exist. */
export async function exportSession(db: RecoDb, id: string, now: number = Date.now()): Promise<string> {
  const sessions = await collect(db, [id]).catch((e: unknown) => {
    throw toStorageError(e);
  });
  if (!sessions.length) throw new Error(`No session with id ${id}`);
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, kind: 'session', exportedAt: now, schemaVersion: SCHEMA_VERSION, sessions };
  return JSON.stringify(file);
}

/** Build an export file from records held in memory (a recorder's pending data when the database failed). */
export function exportPendingSession(rec: { session: SessionRecord; events: EventRecord[]; trajectory: Trajectory | null }, now: number = Date.now()): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    kind: 'session',
    exportedAt: now,
    schemaVersion: SCHEMA_VERSION,
    sessions: [{ session: cleanSession(rec.session), events: rec.events, trajectory: rec.trajectory }],
  };
  return JSON.stringify(file);
}

/**
 * A single-session export file built from a trajectory alone: what the live view offers
 * for download when the database could not be used at all (private mode, blocked), so a
 * session is never lost silently. It imports like any exported session.
 */
export function exportTrajectoryFile(t: Trajectory, now: number = Date.now()): string {
  return exportPendingSession({ session: sessionFromTrajectory(t), events: [], trajectory: t }, now);
}

/** Several recorders' in-memory data as one all-data export file (see `unsavedRecorders`). */
export function exportPendingSessions(recs: { pending(): { session: SessionRecord; events: EventRecord[]; trajectory: Trajectory | null } }[], now: number = Date.now()): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    kind: 'all',
    exportedAt: now,
    schemaVersion: SCHEMA_VERSION,
    sessions: recs.map((r) => {
      const p = r.pending();
      return { session: cleanSession(p.session), events: p.events, trajectory: p.trajectory };
    }),
  };
  return JSON.stringify(file);
}

/** Trajectories as JSONL (one per line). Sessions without a final trajectory are rebuilt from events. */
export async function exportJsonl(db: RecoDb, ids?: string[]): Promise<string> {
  const rows = ids ?? (await db.sessions.orderBy('startedAt').primaryKeys());
  const lines: string[] = [];
  for (const id of rows) {
    const t = await loadTrajectory(db, String(id));
    if (t) lines.push(JSON.stringify(t));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function statusOf(t: Trajectory): SessionStatus {
  return t.endReason === 'stopped' ? 'stopped' : 'complete';
}

/** The session row for a trajectory imported from JSONL. */
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

interface Parsed {
  kind: ImportResult['kind'];
  sessions: SessionRecord[];
  events: EventRecord[];
  trajectories: TrajectoryRecord[];
}

function parseExportFile(obj: Record<string, unknown>): Parsed {
  if (obj.format !== EXPORT_FORMAT) throw new ImportFileError(`Not a RecoWorld export: "format" is ${JSON.stringify(obj.format)}, expected "${EXPORT_FORMAT}".`);
  if (typeof obj.version !== 'number' || obj.version > EXPORT_VERSION) {
    throw new ImportFileError(`Export format version ${String(obj.version)} is not supported (this app reads up to ${EXPORT_VERSION}).`);
  }
  if (!Array.isArray(obj.sessions)) throw new ImportFileError('"sessions" must be an array.');
  const out: Parsed = { kind: obj.kind === 'session' ? 'session' : 'all', sessions: [], events: [], trajectories: [] };
  obj.sessions.forEach((raw: unknown, i: number) => {
    const r = exportedSessionSchema.safeParse(raw);
    if (!r.success) {
      const id = (raw as { session?: { id?: unknown } })?.session?.id;
      throw new ImportFileError(`Session record ${i + 1}${typeof id === 'string' ? ` (id ${id})` : ''}: ${describeIssues(r.error)}`, { record: i });
    }
    const s = r.data.session as unknown as SessionRecord;
    const session = { ...s, settings: stripSecrets(s.settings) as Record<string, unknown>, searchText: searchTextOf(s) };
    const bad = r.data.events.findIndex((e) => e.sessionId !== session.id);
    if (bad >= 0) throw new ImportFileError(`Session record ${i + 1} (id ${session.id}): events.${bad}.sessionId does not match the session id`, { record: i });
    out.sessions.push(session);
    out.events.push(...(r.data.events as unknown as EventRecord[]));
    if (r.data.trajectory) {
      out.trajectories.push({ id: session.id, trajectory: r.data.trajectory as unknown as Trajectory, ...(r.data.items ? { items: r.data.items as ItemSnapshot[] } : {}) });
    }
  });
  return out;
}

function parseJsonl(text: string): Parsed {
  const out: Parsed = { kind: 'jsonl', sessions: [], events: [], trajectories: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new ImportFileError(`Line ${i + 1}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { line: i + 1 });
    }
    const r = trajectorySchema.safeParse(obj);
    if (!r.success) throw new ImportFileError(`Line ${i + 1}: not a trajectory: ${describeIssues(r.error)}`, { line: i + 1 });
    const t = r.data as unknown as Trajectory;
    const session = sessionFromTrajectory(t);
    out.sessions.push(session);
    out.trajectories.push({ id: session.id, trajectory: t });
  });
  if (!out.sessions.length) throw new ImportFileError('The file holds no sessions.');
  return out;
}

/** Validate an import file without writing anything (throws ImportFileError). */
export function parseImport(text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) throw new ImportFileError('The file is empty.');
  if (trimmed.startsWith('{')) {
    let obj: unknown = undefined;
    try {
      obj = JSON.parse(trimmed);
    } catch {
      // Not one JSON document: maybe JSONL (parseJsonl names the bad line).
    }
    if (obj && typeof obj === 'object' && 'format' in obj) return parseExportFile(obj as Record<string, unknown>);
  } else if (trimmed.startsWith('[')) {
    throw new ImportFileError('Expected a RecoWorld export (a JSON object) or JSONL trajectories, found a JSON array.');
  }
  return parseJsonl(text);
}

/** Validate and import a file's text (export file or JSONL) in one transaction. */
export async function importText(db: RecoDb, text: string): Promise<ImportResult> {
  const p = parseImport(text);
  try {
    await db.transaction('rw', db.sessions, db.events, db.trajectories, async () => {
      // Keys are stable ([sessionId+seq], session id = trajectory id + start time), so
      // putting replaces what an earlier import or recording of the same run wrote.
      await db.sessions.bulkPut(p.sessions);
      if (p.events.length) await db.events.bulkPut(p.events);
      if (p.trajectories.length) await db.trajectories.bulkPut(p.trajectories);
    });
  } catch (e) {
    throw toStorageError(e);
  }
  return { sessions: p.sessions.length, events: p.events.length, kind: p.kind };
}
