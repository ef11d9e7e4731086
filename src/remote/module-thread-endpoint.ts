/**
 * A recommender module in its own thread (node:worker_threads) as a `RecommenderEndpoint`:
 * the CLI's counterpart of the app's module Worker (src/ui/train/module-worker-endpoint.ts).
 * A call past its deadline terminates the thread (a module stuck in a loop cannot hang the
 * command) and rejects with which call and which deadline; every later call fails with that
 * reason. Replies are bounded in the thread (list length, 1 MB as JSON) before they are
 * copied, and worded with the core's sentences. One thread per loaded module: every
 * recommender made from it shares the module's state, as one in-process import did.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { ApiRequest } from '../core/recommenders/remote/protocol';
import { listTooLong, MAX_REPLY_BYTES, maxListLength, replyNotJson, replyTooLarge, type EndpointReply } from '../core/recommenders/remote/reply';
import { EndpointTimeoutError, type RecommenderEndpoint } from '../core/recommenders/remote/remote-recommender';
import { recommenderModuleOf } from './module-endpoint';
import type { CallFailure, ModuleShape, ModuleThreadData, ThreadMessage } from './module-thread-protocol';

/** A module loaded in its thread. */
export interface ModuleThread {
  /** The module's exported `name`, if any. */
  declaredName: string | undefined;
  /** An endpoint named `name` on this thread (all share the thread and the module's state). */
  endpoint(name: string): RecommenderEndpoint;
  /** Stop the thread; later calls fail with `reason`. */
  close(reason?: string): void;
}

/** The module's exports as checked on this side (recommenderModuleOf's words for a missing or wrong export). */
function checkShape(shape: ModuleShape, file: string): void {
  const stand = (t: string) => (t === 'function' ? () => undefined : t === 'undefined' ? undefined : { type: t });
  recommenderModuleOf({ recommend: stand(shape.recommend), reset: stand(shape.reset), fit: stand(shape.fit), name: shape.nameValue ?? stand(shape.name) }, file);
}

/** The failure of a call in the core's words. */
function failureText(f: CallFailure, op: string, k: number): string {
  if (f.why === 'threw') return `${op}() threw: ${f.message}`;
  if (f.why === 'too-many') return listTooLong(f.items, k);
  if (f.why === 'too-big') return replyTooLarge(f.bytes);
  return replyNotJson(f.message);
}

type Pending = { resolve: (r: EndpointReply) => void; reject: (e: Error) => void; op: string; k: number };

/**
 * Start `path`'s thread and wait until the module has loaded. Rejects with the load error
 * (the thread is stopped); `signal` (the caller's load deadline) stops it too.
 */
export async function loadModuleThread(path: string, file: string, signal?: AbortSignal): Promise<ModuleThread> {
  const data: ModuleThreadData = { url: pathToFileURL(path).href, typescript: /\.[cm]?ts$/i.test(path) };
  const worker = new Worker(new URL('./module-thread.mjs', import.meta.url), { workerData: data });
  const pending = new Map<number, Pending>();
  let dead: string | null = null;
  let seq = 0;
  const stop = (reason: string) => {
    if (dead) return;
    dead = reason;
    void worker.terminate();
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };
  // An idle thread does not keep the command alive (a finished run exits); one loading or with
  // a call in flight does. (Unref'd only after the listeners below: adding a 'message'
  // listener refs a worker again.)
  const idle = () => {
    if (pending.size === 0) worker.unref();
  };
  const loaded = new Promise<ModuleShape>((resolve, reject) => {
    worker.on('message', (m: ThreadMessage) => {
      if (m.kind === 'loaded') return resolve(m.shape);
      if (m.kind === 'load-failed') return reject(new Error(m.message));
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      idle();
      if (m.kind === 'failed') p.reject(new Error(failureText(m.failure, p.op, p.k)));
      else p.resolve({ kind: 'value', value: m.json === null ? {} : (JSON.parse(m.json) as unknown) });
    });
    // An uncaught error in the module (e.g. a throw in a timer) ends its thread: every call says so.
    worker.on('error', (e) => {
      const why = `the module's thread stopped: ${e?.message ?? String(e)}`;
      reject(new Error(why));
      stop(why);
    });
    worker.on('exit', (code) => {
      const why = `the module's thread exited (code ${code})`;
      reject(new Error(why));
      stop(why);
    });
  });
  const onAbort = () => stop(String(signal?.reason ?? 'stopped'));
  signal?.addEventListener('abort', onAbort, { once: true });
  let shape: ModuleShape;
  try {
    shape = await loaded;
    checkShape(shape, file);
  } catch (e) {
    stop((e as Error).message);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  idle();
  const call = (request: ApiRequest, timeoutMs: number): Promise<EndpointReply> => {
    if (dead) return Promise.reject(new Error(dead));
    const id = ++seq;
    const k = request.op === 'recommend' ? request.k : 0;
    return new Promise<EndpointReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        const why = `${request.op}() did not return within ${timeoutMs} ms; the module's thread was stopped`;
        // Rejected before stop(): stop() fails every pending call with the plain reason.
        pending.delete(id);
        reject(new EndpointTimeoutError(why));
        stop(why);
      }, timeoutMs);
      const done = <T>(f: (v: T) => void) => (v: T) => (clearTimeout(timer), f(v));
      pending.set(id, { resolve: done(resolve), reject: done(reject), op: request.op, k });
      worker.ref();
      worker.postMessage({ kind: 'call', id, request, maxItems: maxListLength(k), maxBytes: MAX_REPLY_BYTES });
    });
  };
  return {
    declaredName: shape.nameValue ?? undefined,
    endpoint: (name) => ({ name, call: (request, { timeoutMs }) => call(request, timeoutMs) }),
    close: (reason = 'the module was unloaded') => stop(reason),
  };
}
