/**
 * Which sessions are being recorded, in any tab of this origin. History refused to delete
 * a session this page was recording, but a session recorded in another tab was deleted
 * and its recorder wrote it back on the next item without its earlier events. Each tab
 * now holds a Web Lock named after the session it records (`navigator.locks`); the
 * browser releases it when the run ends or the tab closes (or crashes), so History in
 * any tab can ask which sessions are held, with no heartbeat and nothing to clean up.
 * Web Locks need a secure context (https or localhost): without them History says that
 * it sees only this tab's runs.
 */

/** The lock names: the prefix, then the session id. */
export const RECORDING_LOCK_PREFIX = 'recoworld-recording:';

/** The part of the browser's LockManager used here (a test passes a fake). */
export interface RecordingLockManager {
  request(name: string, options: { mode: 'exclusive' }, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

/** The page's lock manager, or null where the browser has none (insecure context, jsdom). */
export function pageLocks(): RecordingLockManager | null {
  const nav = (globalThis as { navigator?: { locks?: RecordingLockManager } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Hold the lock of session `id` until the returned function is called (or the tab closes).
 * With no lock manager it does nothing: History then says it cannot see other tabs.
 */
export function holdRecordingLock(id: string, locks: RecordingLockManager | null = pageLocks()): () => void {
  if (!locks) return () => {};
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  // Each id is unique: the lock is granted at once. A refusal (a page being torn down)
  // leaves nothing held, which is what History should then see.
  locks.request(RECORDING_LOCK_PREFIX + id, { mode: 'exclusive' }, () => held).catch(() => {});
  return () => release();
}

/**
 * Ids of the sessions being recorded in any tab of this origin (this one included), or null
 * when this browser cannot tell (no Web Locks here).
 */
export async function recordingAnywhere(locks: RecordingLockManager | null = pageLocks()): Promise<Set<string> | null> {
  if (!locks) return null;
  const snapshot = await locks.query();
  const ids = new Set<string>();
  for (const l of snapshot.held ?? []) {
    if (l.name?.startsWith(RECORDING_LOCK_PREFIX)) ids.add(l.name.slice(RECORDING_LOCK_PREFIX.length));
  }
  return ids;
}
