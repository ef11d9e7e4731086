/**
 * Opening the database, with 'blocked' and 'versionchange' turned into StorageErrors
 * the UI can show, and one shared instance for the app.
 */
import { RecoDb, DEFAULT_DB_NAME } from './db';
import { StorageError, toStorageError } from './errors';

/** Something the UI shows: a storage problem that did not come from a specific call. */
export type StorageIssueListener = (e: StorageError) => void;

const listeners = new Set<StorageIssueListener>();

/** Subscribe to storage problems (blocked, upgraded elsewhere, quota...). Returns unsubscribe. */
export function onStorageIssue(fn: StorageIssueListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tell every subscriber (the recorder reports write failures here too). */
export function reportStorageIssue(e: unknown): StorageError {
  const err = toStorageError(e);
  for (const fn of listeners) fn(err);
  return err;
}

/**
 * Open (and, if needed, upgrade) the database. Rejects with a StorageError.
 * While another tab blocks the upgrade, subscribers get a 'blocked' issue and the
 * promise waits (Dexie opens as soon as the other tab lets go).
 */
export async function openDb(
  name: string = DEFAULT_DB_NAME,
  opts?: ConstructorParameters<typeof RecoDb>[1],
): Promise<RecoDb> {
  let db: RecoDb;
  try {
    db = new RecoDb(name, opts);
  } catch (e) {
    throw toStorageError(e);
  }
  db.on('blocked', () => {
    reportStorageIssue(new StorageError('blocked'));
  });
  db.on('versionchange', () => {
    // Let the other tab upgrade; this connection can no longer write.
    db.close();
    reportStorageIssue(new StorageError('versionchange'));
    return false;
  });
  try {
    await db.open();
  } catch (e) {
    throw toStorageError(e);
  }
  return db;
}

let shared: Promise<RecoDb> | null = null;

/** The app's database (opened once). A failed open is retried on the next call. */
export function getAppDb(): Promise<RecoDb> {
  if (!shared) {
    shared = openDb().catch((e: unknown) => {
      shared = null;
      throw reportStorageIssue(e);
    });
  }
  return shared;
}
