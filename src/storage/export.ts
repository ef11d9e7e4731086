/**
 * Export of the history (formats: export-format.ts; import: import.ts).
 *
 * Every export round-trips exactly: export, wipe, import, export again gives the same
 * bytes (for the same `now`). API keys and other secrets are never exported, neither in
 * settings nor inside events and trajectories.
 */
import type { Trajectory } from '../core/types';
import type { EventRecord, RecoDb, SessionRecord } from './db';
import { SCHEMA_VERSION } from './db';
import { toStorageError } from './errors';
import { collect, EXPORT_FORMAT, EXPORT_VERSION, exportedSession, jsonlRecordOf, sessionFromTrajectory, type ExportFile } from './export-format';

export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ImportFileError,
  sessionFromTrajectory,
  type ExportedSession,
  type ExportFile,
  type JsonlRecord,
} from './export-format';
export { describeImportResult, importText, parseImport, type ImportResult } from './import';

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
    sessions: [exportedSession(rec.session, rec.events, rec.trajectory)],
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
      return exportedSession(p.session, p.events, p.trajectory);
    }),
  };
  return JSON.stringify(file);
}

/**
 * Trajectories as JSONL (one per line, oldest first; `ids` keeps the caller's order).
 * Sessions without a final trajectory are rebuilt from their events. Each line carries its
 * stored session row as `session`, so re-importing keeps ids, titles, dates and status.
 */
export async function exportJsonl(db: RecoDb, ids?: string[]): Promise<string> {
  try {
    const rows = ids ?? (await db.sessions.orderBy('startedAt').primaryKeys());
    const lines: string[] = [];
    for (const id of rows) {
      const rec = await jsonlRecordOf(db, String(id));
      if (rec) lines.push(JSON.stringify(rec));
    }
    return lines.length ? lines.join('\n') + '\n' : '';
  } catch (e) {
    throw toStorageError(e);
  }
}
