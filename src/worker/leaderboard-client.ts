/**
 * The page side of the leaderboard worker: `run(request, { onProgress, signal })` gives a
 * promise of the result. Cancelling posts `cancel` and then terminates the worker (a stage
 * can take many seconds); the next run starts a fresh worker.
 */
import type { FromLeaderboardWorker, LeaderboardProgress, LeaderboardRequest, LeaderboardResult, ToLeaderboardWorker } from './leaderboard-protocol';

/** Something that behaves like a Worker (the real one, or a fake in tests). */
export interface LeaderboardWorkerLike {
  postMessage(msg: ToLeaderboardWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent<FromLeaderboardWorker>) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent) => void): void;
  terminate(): void;
}

export interface LeaderboardRunOptions {
  onProgress?: (p: LeaderboardProgress) => void;
  signal?: AbortSignal;
}

export interface LeaderboardClient {
  run(request: LeaderboardRequest, opts?: LeaderboardRunOptions): Promise<LeaderboardResult>;
  terminate(): void;
}

/** Error of a cancelled run (name 'AbortError'). */
export function cancelledError(): Error {
  const e = new Error('Leaderboard run cancelled');
  e.name = 'AbortError';
  return e;
}

/** The real worker (Vite bundles it as a separate module chunk). */
export function createLeaderboardWorker(): LeaderboardWorkerLike {
  return new Worker(new URL('./leaderboard.worker.ts', import.meta.url), { type: 'module' }) as unknown as LeaderboardWorkerLike;
}

/** A client that starts a worker lazily through `factory` and replaces it after a cancel. */
export function createLeaderboardClient(factory: () => LeaderboardWorkerLike = createLeaderboardWorker): LeaderboardClient {
  let worker: LeaderboardWorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(r: LeaderboardResult): void; reject(e: Error): void; onProgress?: (p: LeaderboardProgress) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const ensure = (): LeaderboardWorkerLike => {
    if (worker) return worker;
    const w = factory();
    w.addEventListener('message', (ev: MessageEvent<FromLeaderboardWorker>) => {
      const m = ev.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.progress);
      else {
        pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.result);
        else p.reject(m.cancelled ? cancelledError() : new Error(m.message));
      }
    });
    w.addEventListener('error', (ev: ErrorEvent) => {
      failAll(new Error(`Leaderboard worker failed: ${ev.message || 'could not start'}`));
      worker = null;
    });
    worker = w;
    return w;
  };
  return {
    run(request, opts = {}) {
      const id = nextId++;
      const w = ensure();
      return new Promise<LeaderboardResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress: opts.onProgress });
        opts.signal?.addEventListener(
          'abort',
          () => {
            if (!pending.has(id)) return;
            w.postMessage({ type: 'cancel', id });
            pending.delete(id);
            reject(cancelledError());
            // Stop the computation now rather than at the next stage boundary.
            if (worker === w && pending.size === 0) {
              w.terminate();
              worker = null;
            }
          },
          { once: true },
        );
        w.postMessage({ type: 'start', id, request: JSON.parse(JSON.stringify(request)) as LeaderboardRequest });
      });
    },
    terminate() {
      worker?.terminate();
      worker = null;
      failAll(new Error('Leaderboard worker terminated'));
    },
  };
}
