/**
 * Wires a live run to the history database (storage engineer's recorder). Dexie loads
 * lazily, so the app shell stays small; a database that cannot be opened or written is
 * reported to the UI (banner) and the run goes on unrecorded rather than stopping.
 */
import type { EventSink, SessionEvent } from '../../core/env/environment';
import type { Item } from '../../core/types';
import type { SessionMeta } from '../../storage/db';
import { holdRecordingLock } from './recording-locks';

/** What the UI hears from the recorder. */
export interface RecordingCallbacks {
  onSaved(at: number): void;
  onError(message: string): void;
}

/** A sink that records; `stop()` marks a run that ends without session_end. */
export interface RecordingSink {
  sink: EventSink;
  stop(): Promise<void>;
}

/** Events after which the stored session has a new completed step worth telling about. */
const SAVE_POINTS = new Set<SessionEvent['type']>(['decision', 'instruction', 'reply', 'session_end']);

/** Sessions this page is recording now (a live run in any view's controller). */
const recording = new Set<string>();

/**
 * Ids of the sessions this page is still recording. History keeps them from deletion: the
 * recorder rewrote a deleted row on its next item, so the session came back with its
 * earlier events gone. Other tabs see them through a Web Lock per session
 * (`recording-locks.ts`).
 */
export function recordingSessionIds(): ReadonlySet<string> {
  return recording;
}

/** Create a recording sink; never rejects (a storage failure gives a no-op sink and a banner). */
export async function createRecordingSink(
  meta: SessionMeta,
  itemLookup: (id: string) => Item | undefined,
  cb: RecordingCallbacks,
): Promise<RecordingSink> {
  try {
    const [{ getAppDb, onStorageIssue }, { createRecorder }] = await Promise.all([
      import('../../storage/open'),
      import('../../storage/recorder'),
    ]);
    // Blocked/upgraded-elsewhere issues arrive outside any write: tell the person too.
    const off = onStorageIssue((e) => cb.onError(e.message));
    let db: Awaited<ReturnType<typeof getAppDb>>;
    try {
      db = await getAppDb();
    } catch (e) {
      off();
      throw e;
    }
    const rec = createRecorder(db, meta, { itemLookup, onError: (e) => cb.onError(e.message) });
    recording.add(rec.id);
    const unlock = holdRecordingLock(rec.id);
    const finished = () => {
      recording.delete(rec.id);
      unlock();
    };
    return {
      sink: (ev) => {
        void rec.onEvent(ev);
        if (ev.type === 'session_end') {
          void rec.done.finally(() => {
            off();
            finished();
          });
        }
        if (SAVE_POINTS.has(ev.type)) {
          void rec.flush().then(() => {
            if (!rec.error) cb.onSaved(Date.now());
          });
        }
      },
      stop: async () => {
        off();
        await rec.stop();
        finished();
      },
    };
  } catch (e) {
    cb.onError(e instanceof Error ? e.message : String(e));
    return { sink: () => {}, stop: async () => {} };
  }
}
