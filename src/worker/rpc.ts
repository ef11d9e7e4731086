/**
 * One small typed RPC between the page and a worker (or any two MessagePorts), replacing
 * per-worker message loops. Declare the API as a type, serve handlers in the worker entry,
 * connect from the page:
 *
 * ```ts
 * // my-protocol.ts: the API, plain data only (structured-clone safe)
 * export type MyApi = { run: Method<MyRequest, MyResult, MyProgress> };
 *
 * // my.worker.ts: the entry, nothing else
 * serve<MyApi>(self as unknown as Endpoint, {
 *   run: async (req, { progress, signal }) => {
 *     // call progress(p) as often as useful; check signal.aborted between steps
 *     return doTheWork(req, { onProgress: progress, signal });
 *   },
 * });
 *
 * // page side
 * const client = connect<MyApi>(new Worker(new URL('./my.worker.ts', import.meta.url), { type: 'module' }));
 * const result = await client.call('run', req, { onProgress: (p) => ..., signal: abortController.signal });
 * ```
 *
 * - **Progress**: `ctx.progress(p)` in the handler arrives as `onProgress(p)` on the page.
 * - **Cancel**: aborting the call's `signal` posts `cancel`; the handler's `ctx.signal`
 *   is aborted and the call settles with whatever the handler returns or throws (a
 *   partial result, or an error). A handler that ignores the signal runs to the end.
 *   To stop a stuck computation, `close()` terminates the worker.
 * - **Errors as messages**: a handler that throws rejects the page's promise with an Error
 *   of the same message and name (`AbortError` when it was cancelled); a worker that fails
 *   to load or crashes rejects every pending call. Unknown methods are errors too.
 * - Messages carry `rpc: 1`, so a port may carry other traffic; calls may overlap (ids).
 *
 * Tests run the real worker entries over a `MessageChannel` pair in Node
 * (tests/worker/*.test.ts): set `globalThis.self = port1`, import the entry, connect port2.
 */

/** A method of an API: its argument, result and progress types. */
export interface Method<A, R, P = never> {
  args: A;
  result: R;
  progress: P;
}

/** An API: method name -> Method. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Api = Record<string, Method<any, any, any>>;

/** What a handler gets besides its argument. */
export interface CallContext<P> {
  /** Aborted when the page cancels this call. */
  signal: AbortSignal;
  /** Send a progress value to the page. */
  progress(p: P): void;
}

export type Handlers<T extends Api> = {
  [K in keyof T]: (args: T[K]['args'], ctx: CallContext<T[K]['progress']>) => Promise<T[K]['result']> | T[K]['result'];
};

/** The one discriminated union of RPC messages (both directions). */
export type RpcMessage =
  | { rpc: 1; kind: 'call'; id: number; method: string; args: unknown }
  | { rpc: 1; kind: 'cancel'; id: number }
  | { rpc: 1; kind: 'progress'; id: number; value: unknown }
  | { rpc: 1; kind: 'result'; id: number; value: unknown }
  | { rpc: 1; kind: 'error'; id: number; name: string; message: string };

/** Something to post to and listen on: a worker's `self`, a Worker, a MessagePort. */
export interface Endpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent) => void): void;
  removeEventListener?(type: 'message', fn: (ev: MessageEvent) => void): void;
  /** MessagePorts need `start()` when listened to with addEventListener. */
  start?(): void;
  terminate?(): void;
  close?(): void;
}

function isRpc(m: unknown): m is RpcMessage {
  return !!m && typeof m === 'object' && (m as { rpc?: unknown }).rpc === 1 && typeof (m as { id?: unknown }).id === 'number';
}

/** Longest error message passed across (a runaway message must not flood the page). */
const MAX_MESSAGE = 2000;

/**
 * Serve `handlers` on `endpoint` (in the worker entry: `serve(self, handlers)`).
 * Returns a function that stops serving (pending calls are cancelled).
 */
export function serve<T extends Api>(endpoint: Endpoint, handlers: Handlers<T>): () => void {
  const running = new Map<number, AbortController>();
  const post = (m: RpcMessage) => endpoint.postMessage(m);
  const onMessage = async (ev: MessageEvent) => {
    const m = ev.data;
    if (!isRpc(m)) return;
    if (m.kind === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    if (m.kind !== 'call') return;
    const ac = new AbortController();
    running.set(m.id, ac);
    try {
      const handler = Object.prototype.hasOwnProperty.call(handlers, m.method) ? handlers[m.method] : undefined;
      if (!handler) throw new Error(`Unknown method "${String(m.method).slice(0, 64)}". Known: ${Object.keys(handlers).join(', ')}`);
      const value = await handler(m.args as never, { signal: ac.signal, progress: (p) => post({ rpc: 1, kind: 'progress', id: m.id, value: p }) });
      post({ rpc: 1, kind: 'result', id: m.id, value });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const name = ac.signal.aborted && err.name === 'Error' ? 'AbortError' : err.name;
      post({ rpc: 1, kind: 'error', id: m.id, name, message: err.message.slice(0, MAX_MESSAGE) });
    } finally {
      running.delete(m.id);
    }
  };
  endpoint.addEventListener('message', onMessage);
  endpoint.start?.();
  return () => {
    endpoint.removeEventListener?.('message', onMessage);
    for (const ac of running.values()) ac.abort();
    running.clear();
  };
}

/** Options of one call. */
export interface CallOptions<P> {
  onProgress?: (p: P) => void;
  signal?: AbortSignal;
}

/** The page side of an API. */
export interface Client<T extends Api> {
  call<K extends keyof T & string>(method: K, args: T[K]['args'], opts?: CallOptions<T[K]['progress']>): Promise<T[K]['result']>;
  /** Calls not yet settled. */
  readonly pending: number;
  /** Reject every pending call and terminate the worker (or close the port). */
  close(reason?: string): void;
}

/** An Error with a name (e.g. 'AbortError'). */
export function namedError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/**
 * Arguments as cloneable data. Svelte's reactive state is a Proxy, which structured
 * clone refuses: such plain-data proxies are copied through JSON.
 */
function plain<A>(args: A): A {
  try {
    return structuredClone(args);
  } catch {
    return JSON.parse(JSON.stringify(args)) as A;
  }
}

/** Connect to an endpoint served with `serve`. */
export function connect<T extends Api>(endpoint: Endpoint, label = 'Worker'): Client<T> {
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; onProgress?: (p: unknown) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  endpoint.addEventListener('message', (ev: MessageEvent) => {
    const m = ev.data;
    if (!isRpc(m)) return;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') p.onProgress?.(m.value);
    else if (m.kind === 'result') {
      pending.delete(m.id);
      p.resolve(m.value);
    } else if (m.kind === 'error') {
      pending.delete(m.id);
      p.reject(namedError(m.name || 'Error', m.message));
    }
  });
  endpoint.addEventListener('error', (ev: ErrorEvent) => {
    ev.preventDefault?.();
    failAll(new Error(`${label} failed: ${ev.message || 'could not start'}`));
  });
  endpoint.start?.();
  return {
    call(method, args, opts = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) {
          reject(namedError('AbortError', `${label} call "${method}" cancelled before it started`));
          return;
        }
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress as ((p: unknown) => void) | undefined });
        opts.signal?.addEventListener('abort', () => {
          if (pending.has(id)) endpoint.postMessage({ rpc: 1, kind: 'cancel', id } satisfies RpcMessage);
        }, { once: true });
        try {
          endpoint.postMessage({ rpc: 1, kind: 'call', id, method, args: plain(args) } satisfies RpcMessage);
        } catch (e) {
          // Not cloneable (a function, a DOM node): the caller's bug, said here rather than lost.
          pending.delete(id);
          reject(new Error(`${label} call "${method}": arguments are not plain data (${(e as Error).message})`));
        }
      });
    },
    get pending() {
      return pending.size;
    },
    close(reason = `${label} terminated`) {
      endpoint.terminate?.();
      endpoint.close?.();
      failAll(new Error(reason));
    },
  };
}
