/**
 * Typed storage errors with messages a person can act on. Every IndexedDB failure the
 * app can meet is mapped to one of a few kinds, so the UI shows one clear line (and
 * offers to export what is still held in memory) instead of losing data silently.
 */

/** What went wrong, coarse enough for the UI to pick an action. */
export type StorageErrorKind =
  | 'quota'       // the disk/origin quota is full
  | 'blocked'     // another tab holds an older version of the database open
  | 'versionchange' // another tab upgraded the database: this tab must reload
  | 'unavailable' // no IndexedDB (some private modes, disabled storage)
  | 'closed'      // the database was closed underneath us
  | 'unknown';

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'Storage is full: this session could not be saved. Export your data (or delete old sessions) to free space; unsaved items are kept in memory until you do.',
  blocked:
    'The history database is blocked by another RecoWorld tab that still has an older version open. Close the other tabs and reload.',
  versionchange:
    'A newer version of RecoWorld opened in another tab and upgraded the history database. Reload this tab to keep saving.',
  unavailable:
    'This browser does not allow local storage here (private mode or storage disabled), so sessions are not saved. Download each session from this banner when it ends.',
  closed: 'The history database was closed. Reload the page to keep saving; unsaved items are kept in memory.',
  unknown: 'Saving to the history database failed.',
};

/** A storage failure with a kind and a message meant for people. */
export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  override readonly cause?: unknown;
  constructor(kind: StorageErrorKind, detail?: string, cause?: unknown) {
    super(detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind]);
    this.name = 'StorageError';
    this.kind = kind;
    this.cause = cause;
  }
}

function namesOf(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  // Dexie wraps the DOMException in `inner`; walk the chain.
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const o = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') out.push(o.name);
    cur = o.inner ?? o.cause;
  }
  return out;
}

/** Map any error thrown by Dexie/IndexedDB to a StorageError (idempotent). */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const names = namesOf(e);
  // Dexie appends "Please visit <short link>" to some messages: not useful to a user offline.
  const detail = (e instanceof Error ? e.message : String(e)).replace(/\s*Please visit https?:\/\/\S+/gi, '').trim();
  const has = (...n: string[]) => names.some((x) => n.includes(x));
  if (has('QuotaExceededError')) return new StorageError('quota', undefined, e);
  if (has('MissingAPIError', 'SecurityError')) return new StorageError('unavailable', detail, e);
  if (has('VersionError', 'VersionChangeError')) return new StorageError('versionchange', detail, e);
  if (has('DatabaseClosedError')) return new StorageError('closed', detail, e);
  if (has('InvalidStateError', 'OpenFailedError') && /private|security|denied|not allowed/i.test(detail)) {
    return new StorageError('unavailable', detail, e);
  }
  return new StorageError('unknown', detail, e);
}
