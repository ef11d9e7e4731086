/**
 * Import of export files (JSON) and trajectories (JSONL) into the history.
 *
 * The whole file is validated first (zod, plus checks zod cannot do: supported version,
 * kind, duplicate ids, nesting depth); a malformed file is rejected with an
 * `ImportFileError` naming the line (JSONL) or the record, and nothing is written. Valid
 * sessions are then compared with what is stored, in one transaction:
 * - not stored yet: **added**;
 * - stored with the same content (as an export would write it): **skipped as a duplicate**,
 *   so re-importing an export adds nothing;
 * - stored with different content under the same id: **refused** (the stored one is kept;
 *   delete it first to replace it). Nothing is ever overwritten silently.
 */
import type { Trajectory, Turn } from '../core/types';
import type { EventRecord, ItemSnapshot, RecoDb, SessionRecord, TrajectoryRecord } from './db';
import { searchTextOf } from './db';
import { toStorageError } from './errors';
import {
  canonicalJson,
  cleanSession,
  collect,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportedSession,
  ImportFileError,
  jsonlRecordOf,
  MAX_IMPORT_CHARS,
  MAX_RECORD_DEPTH,
  sessionFromTrajectory,
  tooDeepAt,
} from './export-format';
import { describeIssues, exportedSessionSchema, sessionRecordSchema, trajectorySchema } from './schemas';
import { trajectoryFromEvents } from './queries';
import { stripSecrets } from './secrets';

/** What an import did. */
export interface ImportResult {
  kind: 'all' | 'session' | 'jsonl';
  /** Sessions in the file. */
  total: number;
  /** Sessions written (new). */
  added: number;
  /** Sessions already stored with the same content: skipped. */
  duplicates: number;
  /** Sessions not written because a different session with the same id is stored. */
  refused: { id: string; reason: string }[];
  /** Events written (of the added sessions). */
  events: number;
  /** Same as `added` (kept for callers of the first version). */
  sessions: number;
}

/** One validated session of a file, ready to store. */
interface Entry {
  session: SessionRecord;
  events: EventRecord[];
  trajectory: TrajectoryRecord | null;
  /** Canonical text of the session in its file format's exported form (for duplicate checks). */
  form: string;
}

interface Parsed {
  kind: ImportResult['kind'];
  entries: Entry[];
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const s = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

/** One line for people: what an import added, skipped and refused. */
export function describeImportResult(r: ImportResult, fileName?: string): string {
  const from = fileName ? ` from ${fileName}` : '';
  if (r.total === 0) return `The file${from ? ` ${fileName}` : ''} holds no sessions: nothing imported.`;
  const parts = [`${s(r.added, 'session')} added`];
  if (r.duplicates) parts.push(`${fmt(r.duplicates)} skipped as already stored (identical)`);
  if (r.refused.length) {
    const ids = r.refused.slice(0, 3).map((x) => x.id).join(', ');
    parts.push(`${fmt(r.refused.length)} refused: a different session with the same id is already stored (${ids}${r.refused.length > 3 ? ', ...' : ''}); delete it first to replace it`);
  }
  return `Imported${from}: ${parts.join(', ')}.`;
}

function checkDepth(value: unknown, where: string, at: { line?: number; record?: number }): void {
  const path = tooDeepAt(value);
  if (path !== null) throw new ImportFileError(`${where}: nested more than ${MAX_RECORD_DEPTH} levels deep (at ${path}); not an export of this app`, at);
}

/** Most turns, and most items in one list, an imported session may have. */
const MAX_IMPORT_TURNS = 1000;
const MAX_IMPORT_LIST = 1000;

/**
 * What a replay cannot draw in these turns, or null: each turn once (the feed keys turns by
 * index) and each decision inside its list (a position of 50,000,000 made a 50-million-slot
 * array and the tab ran out of memory).
 */
function turnsProblem(turns: readonly Turn[]): string | null {
  // No run of this app makes more turns than the turn limit's top (1,000) or a longer list
  // than its largest reply (1,000 items): a few MB of ids drew a million cards on replay.
  if (turns.length > MAX_IMPORT_TURNS) return `${turns.length.toLocaleString('en-US')} turns; a session of this app has at most ${MAX_IMPORT_TURNS.toLocaleString('en-US')}`;
  const seen = new Set<number>();
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    if (seen.has(t.index)) return `turns.${i}.index ${t.index} appears twice`;
    seen.add(t.index);
    const n = t.slate.itemIds.length;
    if (n > MAX_IMPORT_LIST) return `turns.${i}.slate.itemIds holds ${n.toLocaleString('en-US')} items; a list of this app has at most ${MAX_IMPORT_LIST.toLocaleString('en-US')}`;
    const k = t.decisions.findIndex((d) => d.position >= n);
    if (k >= 0) return `turns.${i}.decisions.${k}.position ${t.decisions[k].position} is outside its list of ${n} item${n === 1 ? '' : 's'}`;
  }
  return null;
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function parseExportFile(obj: Record<string, unknown>): Parsed {
  if (obj.format !== EXPORT_FORMAT) throw new ImportFileError(`Not a RecoWorld export: "format" is ${JSON.stringify(obj.format)?.slice(0, 80)}, expected "${EXPORT_FORMAT}".`);
  if (!isPositiveInt(obj.version) || obj.version > EXPORT_VERSION) {
    throw new ImportFileError(`Export format version ${JSON.stringify(obj.version)?.slice(0, 40) ?? 'missing'} is not supported: this app reads versions 1 to ${EXPORT_VERSION} (a whole number).`);
  }
  if (obj.kind !== 'all' && obj.kind !== 'session') throw new ImportFileError(`"kind" is ${JSON.stringify(obj.kind)?.slice(0, 40) ?? 'missing'}: expected "all" or "session".`);
  if (obj.schemaVersion !== undefined && !isPositiveInt(obj.schemaVersion)) throw new ImportFileError('"schemaVersion" must be a positive whole number.');
  if (!Array.isArray(obj.sessions)) throw new ImportFileError('"sessions" must be an array.');
  if (obj.kind === 'session' && obj.sessions.length !== 1) throw new ImportFileError(`A "session" export holds exactly one session; this one holds ${obj.sessions.length}.`);
  const out: Parsed = { kind: obj.kind, entries: [] };
  const firstRecordOf = new Map<string, number>();
  obj.sessions.forEach((raw: unknown, i: number) => {
    const rawId = (raw as { session?: { id?: unknown } } | null)?.session?.id;
    const where = `Session record ${i + 1}${typeof rawId === 'string' ? ` (id ${rawId.slice(0, 120)})` : ''}`;
    checkDepth(raw, where, { record: i });
    const r = exportedSessionSchema.safeParse(raw);
    if (!r.success) throw new ImportFileError(`${where}: ${describeIssues(r.error)}`, { record: i });
    // Store what the file holds (validated), not zod's copy: zod may reorder keys, and an
    // export must round-trip byte for byte.
    const v = raw as { session: SessionRecord; events: EventRecord[]; trajectory?: Trajectory | null; items?: ItemSnapshot[] };
    const id = v.session.id;
    const prev = firstRecordOf.get(id);
    if (prev !== undefined) throw new ImportFileError(`${where}: the same session id as session record ${prev + 1}; an export holds each session once`, { record: i });
    firstRecordOf.set(id, i);
    const seqs = new Set<number>();
    v.events.forEach((e, k) => {
      if (e.sessionId !== id) throw new ImportFileError(`${where}: events.${k}.sessionId does not match the session id`, { record: i });
      if (seqs.has(e.seq)) throw new ImportFileError(`${where}: events.${k}.seq ${e.seq} appears twice`, { record: i });
      seqs.add(e.seq);
    });
    // What a replay shows: the trajectory, or (a session cut off) the turns its events make.
    const turns = turnsProblem(v.trajectory ? v.trajectory.turns : trajectoryFromEvents(v.session, v.events).turns);
    if (turns) throw new ImportFileError(`${where}: ${v.trajectory ? 'trajectory.' : 'the turns its events make: '}${turns}`, { record: i });
    const form = exportedSession(v.session, v.events, v.trajectory ?? null, v.items);
    const session = { ...form.session, searchText: searchTextOf(form.session) };
    const trajectory = form.trajectory ? { id, trajectory: form.trajectory, ...(v.items ? { items: v.items } : {}) } : null;
    out.entries.push({ session, events: form.events, trajectory, form: canonicalJson(form) });
  });
  return out;
}

/** A short content hash (FNV-1a, 32 bit, hex): tells bare trajectories with the same id apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function parseJsonl(text: string): Parsed {
  const out: Parsed = { kind: 'jsonl', entries: [] };
  const firstLineOf = new Map<string, number>();
  /** Content hash of the first bare trajectory under each derived id. */
  const bareHashOf = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const at = { line: i + 1 };
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new ImportFileError(`Line ${i + 1}: not valid JSON (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`, at);
    }
    checkDepth(obj, `Line ${i + 1}`, at);
    const r = trajectorySchema.safeParse(obj);
    if (!r.success) throw new ImportFileError(`Line ${i + 1}: not a trajectory: ${describeIssues(r.error)}`, at);
    const turns = turnsProblem((obj as Trajectory).turns);
    if (turns) throw new ImportFileError(`Line ${i + 1}: ${turns}`, at);
    const { session: rawSession, ...rest } = obj as Trajectory & { session?: unknown };
    const t = stripSecrets(rest) as Trajectory;
    let session: SessionRecord;
    if (rawSession !== undefined) {
      const sr = sessionRecordSchema.safeParse(rawSession);
      if (!sr.success) throw new ImportFileError(`Line ${i + 1}: session: ${describeIssues(sr.error)}`, at);
      session = cleanSession(rawSession as SessionRecord);
    } else {
      // A bare trajectory: its id is deterministic (recommender/user/seed), so two
      // different runs may share it; the content hash keeps them apart.
      session = cleanSession(sessionFromTrajectory(t));
      const h = hash(canonicalJson(t));
      const first = bareHashOf.get(session.id);
      if (first === h) throw new ImportFileError(`Line ${i + 1}: repeats line ${firstLineOf.get(session.id)}; a file holds each session once`, at);
      if (first !== undefined) session = { ...session, id: `${session.id}~${h}` };
      else bareHashOf.set(session.id, h);
    }
    const prev = firstLineOf.get(session.id);
    if (prev !== undefined) throw new ImportFileError(`Line ${i + 1}: the same session id (${session.id.slice(0, 120)}) as line ${prev}; a file holds each session once`, at);
    firstLineOf.set(session.id, i + 1);
    const form = canonicalJson({ ...t, session });
    out.entries.push({ session: { ...session, searchText: searchTextOf(session) }, events: [], trajectory: { id: session.id, trajectory: t }, form });
  });
  if (!out.entries.length) throw new ImportFileError('The file holds no sessions.');
  return out;
}

/** Validate an import file without writing anything (throws ImportFileError). */
export function parseImport(text: string): Parsed {
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportFileError(`The file is ${fmt(text.length)} characters long; imports are limited to ${fmt(MAX_IMPORT_CHARS)} (export fewer sessions at a time).`);
  }
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

/** The stored session `id` in the exported form of `kind` (canonical text), or null when absent. */
async function storedForm(db: RecoDb, id: string, kind: ImportResult['kind']): Promise<string | null> {
  if (kind === 'jsonl') {
    const rec = await jsonlRecordOf(db, id);
    return rec ? canonicalJson(rec) : null;
  }
  const [one] = await collect(db, [id]);
  return one ? canonicalJson(one) : null;
}

/**
 * Validate and import a file's text (export file or JSONL) in one transaction: new
 * sessions are added, identical ones skipped, conflicting ones refused (see the top).
 */
export async function importText(db: RecoDb, text: string): Promise<ImportResult> {
  const p = parseImport(text);
  const result: ImportResult = { kind: p.kind, total: p.entries.length, added: 0, duplicates: 0, refused: [], events: 0, sessions: 0 };
  try {
    await db.transaction('rw', db.sessions, db.events, db.trajectories, async () => {
      const existing = await db.sessions.bulkGet(p.entries.map((e) => e.session.id));
      const fresh: Entry[] = [];
      for (let k = 0; k < p.entries.length; k++) {
        const e = p.entries[k];
        if (!existing[k]) {
          fresh.push(e);
          continue;
        }
        if ((await storedForm(db, e.session.id, p.kind)) === e.form) result.duplicates++;
        else result.refused.push({ id: e.session.id, reason: 'a different session with this id is already stored' });
      }
      if (!fresh.length) return;
      await db.sessions.bulkAdd(fresh.map((e) => e.session));
      const events = fresh.flatMap((e) => e.events);
      if (events.length) await db.events.bulkPut(events);
      const trajectories = fresh.flatMap((e) => (e.trajectory ? [e.trajectory] : []));
      if (trajectories.length) await db.trajectories.bulkPut(trajectories);
      result.added = fresh.length;
      result.events = events.length;
    });
  } catch (e) {
    throw toStorageError(e);
  }
  result.sessions = result.added;
  return result;
}
