/**
 * State and actions of the history view (a runes class, so the component stays markup):
 * the filtered list, opening a session for replay, delete, export/import, storage use.
 */
import type { RecoDb, SessionRecord } from '../../storage/db';
import { describeImportResult, exportAll, exportJsonl, exportPendingSessions, exportSession, importText } from '../../storage/export';
import { unsavedRecorders } from '../../storage/recorder';
import { getAppDb, onStorageIssue } from '../../storage/open';
import { MAX_IMPORT_CHARS } from '../../storage/export-format';
import {
  deleteSession,
  facetValues,
  listSessions,
  loadSession,
  markInterrupted,
  requestPersistence,
  storageInfo,
  type LoadedSession,
  type StorageInfo,
} from '../../storage/queries';
import { downloadText, stamp } from './download';
import { recordingSessionIds } from '../state/storage-wiring';
import { recordingAnywhere } from '../state/recording-locks';

/** Said when a delete meets a session the Live view (or Compare) is still recording. */
const STILL_RECORDING = 'still running in this page (Live or Compare) and being saved: stop it or let it end before deleting it';
/** Said when a delete meets a session another tab of this browser is recording. */
const RECORDING_ELSEWHERE = 'still being recorded in another tab of this browser (its Live or Compare run): stop it there or let it end before deleting it';

/** Where a listed session is being recorded now, if anywhere. */
export type RecordingWhere = 'here' | 'elsewhere';

function dayStart(s: string): number | undefined {
  const t = s ? Date.parse(s + 'T00:00:00') : NaN;
  return Number.isFinite(t) ? t : undefined;
}

/** The local midnight that ends day `s` (not 24 hours on: the days clocks change last 23 or 25). */
function dayEnd(s: string): number | undefined {
  const t = dayStart(s);
  if (t === undefined) return undefined;
  const d = new Date(t);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** What Delete all says about the sessions it kept because they are being recorded (null: none). */
function keptNotice(here: number, elsewhere: number): string | null {
  const n = here + elsewhere;
  if (!n) return null;
  const s = (k: number) => `${k} session${k === 1 ? '' : 's'}`;
  const end = n === 1 ? 'stop it or let it end, then delete.' : 'stop them or let them end, then delete.';
  if (!elsewhere) return `Kept ${s(n)} still running in this page (Live or Compare): ${end}`;
  if (!here) return `Kept ${s(n)} being recorded in another tab: ${end}`;
  return `Kept ${s(n)}: ${s(here)} still running in this page (Live or Compare), ${s(elsewhere)} being recorded in another tab; ${end}`;
}

/** What the last deletion removed, as an importable file. */
export interface Undoable {
  text: string;
  what: string;
}

/**
 * The last deletion's undo, per database (the app has one), for the page's life: it lived in
 * the view, so a look at Live and back lost it, though "Delete all" promises undo until the
 * page is left.
 */
const lastDeletions = new WeakMap<object, { current: Undoable | null }>();

function keptUndo(key: object): { current: Undoable | null } {
  let kept = lastDeletions.get(key);
  if (!kept) {
    const fresh = $state<{ current: Undoable | null }>({ current: null });
    kept = fresh;
    lastDeletions.set(key, kept);
  }
  return kept;
}

/** The history view's state. `dbFactory` lets tests pass their own database. */
export class HistoryState {
  rows = $state<SessionRecord[]>([]);
  search = $state('');
  recommender = $state('');
  simulator = $state('');
  from = $state('');
  to = $state('');
  facets = $state<{ recommenders: string[]; simulators: string[] }>({ recommenders: [], simulators: [] });
  info = $state<StorageInfo | null>(null);
  /** A storage problem (blocked, full, unavailable) shown as a banner. */
  error = $state<string | null>(null);
  importError = $state<string | null>(null);
  notice = $state<string | null>(null);
  opened = $state<LoadedSession | null>(null);
  /** Sessions held only in memory because the database refused writes. */
  unsaved = $state(0);
  ready = $state(false);
  /** Sessions being recorded now, by id: in this page or in another tab (Web Locks). */
  recordingWhere = $state<Record<string, RecordingWhere>>({});
  /** False where this browser cannot tell which sessions other tabs record (no Web Locks). */
  seesOtherTabs = $state(true);

  private db: RecoDb | null = null;
  private off: (() => void) | null = null;

  private readonly kept: { current: Undoable | null };

  constructor(private readonly dbFactory: () => Promise<RecoDb> = getAppDb) {
    this.kept = keptUndo(dbFactory);
  }

  /** Open the database, mark cut-off sessions as interrupted and load the list. */
  async init(now: number = Date.now()): Promise<void> {
    this.off = onStorageIssue((e) => {
      this.error = e.message;
      this.unsaved = unsavedRecorders().length;
    });
    this.unsaved = unsavedRecorders().length;
    try {
      this.db = await this.dbFactory();
      // A session paused in another tab for a while is not cut off: its tab holds its lock.
      await markInterrupted(this.db, now, undefined, (await this.recordingNow()).all);
      await this.refresh();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    await this.refreshInfo();
    this.ready = true;
  }

  dispose(): void {
    this.off?.();
  }

  /** Counts refreshes: one that finishes after a newer one started leaves the list to it. */
  private refreshes = 0;

  async refresh(): Promise<void> {
    if (!this.db) return;
    const mine = ++this.refreshes;
    try {
      const rows = await listSessions(this.db, {
        search: this.search,
        recommender: this.recommender || undefined,
        simulator: this.simulator || undefined,
        from: dayStart(this.from),
        to: dayEnd(this.to),
      });
      const facets = await facetValues(this.db);
      // Rows and their "recording" marks arrive together (no row shown as deletable first).
      const { here, elsewhere } = await this.recordingNow();
      const where: Record<string, RecordingWhere> = {};
      for (const r of rows) {
        if (here.has(r.id)) where[r.id] = 'here';
        else if (elsewhere.has(r.id)) where[r.id] = 'elsewhere';
      }
      // A filter changed while this one read (typing, then a menu): the newer list stands.
      if (mine !== this.refreshes) return;
      this.facets = facets;
      this.recordingWhere = where;
      this.rows = rows;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * The sessions being recorded now: by this page (its own list) and by other tabs (the Web
   * Locks they hold). Asked afresh before every delete: a tab may have started a run since.
   */
  private async recordingNow(): Promise<{ here: ReadonlySet<string>; elsewhere: ReadonlySet<string>; all: ReadonlySet<string> }> {
    const here = new Set(recordingSessionIds());
    let any: Set<string> | null = null;
    try {
      any = await recordingAnywhere();
    } catch {
      any = null; // a page that may not ask (e.g. an opaque origin): only this page's runs are known
    }
    this.seesOtherTabs = any !== null;
    const elsewhere = new Set([...(any ?? [])].filter((id) => !here.has(id)));
    return { here, elsewhere, all: new Set([...here, ...elsewhere]) };
  }

  async refreshInfo(): Promise<void> {
    this.info = await storageInfo();
  }

  async open(id: string): Promise<void> {
    if (!this.db) return;
    try {
      this.opened = await loadSession(this.db, id);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    // Deleted in another tab since the list was read: say so rather than do nothing.
    if (!this.opened) {
      this.error = 'That session is no longer stored (it was deleted, perhaps in another tab); the list now shows what is stored.';
      await this.refresh();
    }
  }

  /** Back to the list, re-read: other tabs may have added or deleted sessions meanwhile. */
  close(): void {
    this.opened = null;
    void this.refresh();
  }

  /** The last deletion as an importable file, so it can be undone (kept in memory, for the page's life). */
  get undoable(): Undoable | null {
    return this.kept.current;
  }
  set undoable(v: Undoable | null) {
    this.kept.current = v;
  }

  /** Delete one session; it can be brought back with `undo()` until the next deletion. */
  async remove(id: string): Promise<void> {
    if (!this.db) return;
    const { here, elsewhere } = await this.recordingNow();
    if (here.has(id) || elsewhere.has(id)) {
      this.error = `This session is ${here.has(id) ? STILL_RECORDING : RECORDING_ELSEWHERE}.`;
      await this.refresh();
      return;
    }
    try {
      const backup = await exportSession(this.db, id);
      await deleteSession(this.db, id);
      this.undoable = { text: backup, what: 'Session deleted.' };
      this.notice = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    await this.refresh();
    await this.refreshInfo();
  }

  /** Delete every stored session (end of a class); undoable like a single deletion. */
  async removeAll(): Promise<void> {
    if (!this.db) return;
    // Thousands of sessions take seconds: say that it is under way.
    this.notice = 'Deleting every stored session…';
    try {
      const { here, elsewhere, all: kept } = await this.recordingNow();
      const all = (await listSessions(this.db, {})).filter((r) => !kept.has(r.id));
      // The undo file holds what is deleted, not the session that goes on being recorded.
      const file = JSON.parse(await exportAll(this.db)) as { sessions: { session: { id: string } }[] };
      file.sessions = file.sessions.filter((x) => !kept.has(x.session.id));
      const backup = JSON.stringify(file);
      for (const r of all) await deleteSession(this.db, r.id);
      this.undoable = { text: backup, what: `${all.length} session${all.length === 1 ? '' : 's'} deleted.` };
      this.notice = keptNotice(here.size, elsewhere.size);
    } catch (e) {
      this.notice = null;
      this.error = e instanceof Error ? e.message : String(e);
    }
    await this.refresh();
    await this.refreshInfo();
  }

  /** Bring back what the last deletion removed. */
  async undo(): Promise<void> {
    const u = this.undoable;
    if (!this.db || !u) return;
    this.undoable = null;
    try {
      const res = await importText(this.db, u.text);
      this.notice = `Restored ${res.sessions} session${res.sessions === 1 ? '' : 's'}.`;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    await this.refresh();
    await this.refreshInfo();
  }

  async exportAll(): Promise<void> {
    if (!this.db) return;
    downloadText(`recoworld-history-${stamp(Date.now())}.json`, await exportAll(this.db));
  }

  async exportSession(id: string): Promise<void> {
    if (!this.db) return;
    downloadText(`recoworld-session-${id}.json`, await exportSession(this.db, id));
  }

  async exportJsonl(): Promise<void> {
    if (!this.db) return;
    const ids = this.rows.map((r) => r.id);
    downloadText(`recoworld-trajectories-${stamp(Date.now())}.jsonl`, await exportJsonl(this.db, ids), 'application/x-ndjson');
  }

  /** Download the sessions the database did not take (kept in memory), as one importable file. */
  exportUnsaved(): void {
    const recs = unsavedRecorders();
    if (recs.length) downloadText(`recoworld-unsaved-${stamp(Date.now())}.json`, exportPendingSessions(recs));
  }

  /** Import a file (export JSON or JSONL); a malformed one sets `importError` and writes nothing. */
  async importFile(file: File): Promise<void> {
    if (!this.db) return;
    this.importError = null;
    // Refused before reading: the character limit was checked only after the whole file was in
    // memory (a multi-GB file was read first). A character is at least a byte, so the limit in
    // bytes never refuses a file the character limit would take, bar many multi-byte characters.
    if (file.size > MAX_IMPORT_CHARS) {
      this.importError = `${file.name}: The file is ${file.size.toLocaleString('en-US')} bytes; imports are limited to ${MAX_IMPORT_CHARS.toLocaleString('en-US')} (export fewer sessions at a time).`;
      return;
    }
    // A large file takes seconds to read, check and write: say that it is under way.
    this.notice = `Importing ${file.name}…`;
    try {
      const res = await importText(this.db, await file.text());
      // Counts what was actually added, skipped as already stored, or refused (id conflict).
      this.notice = describeImportResult(res, file.name);
      await this.refresh();
      await this.refreshInfo();
    } catch (e) {
      this.notice = null;
      this.importError = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async persist(): Promise<void> {
    const ok = await requestPersistence();
    this.notice = ok ? 'The browser will keep this data persistently.' : 'The browser did not grant persistent storage (it may after more use, or if the site is installed/bookmarked).';
    await this.refreshInfo();
  }
}
