/**
 * The page side of the leaderboard worker: `run(request, { onProgress, signal })` gives a
 * promise of the result. Cancelling posts `cancel` and then terminates the worker (a stage
 * can take many seconds); the next run starts a fresh worker.
 */
import type { FromLeaderboardWorker, JudgedOutcome, LeaderboardProgress, LeaderboardRequest, LeaderboardResult, ToLeaderboardWorker } from './leaderboard-protocol';

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

export interface JudgeRunOptions {
  onProgress?: (done: number, total: number, recommender: string) => void;
  signal?: AbortSignal;
}

export interface LeaderboardClient {
  run(request: LeaderboardRequest, opts?: LeaderboardRunOptions): Promise<LeaderboardResult>;
  /** The benchmark's sessions judged (rule-based); the passing ones as JSONL. */
  judge(request: LeaderboardRequest, opts?: JudgeRunOptions): Promise<JudgedOutcome>;
  terminate(): void;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: LeaderboardProgress) => void;
  onJudgeProgress?: JudgeRunOptions['onProgress'];
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
  const pending = new Map<number, Pending>();
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
      else if (m.type === 'judge-progress') p.onJudgeProgress?.(m.done, m.total, m.recommender);
      else {
        pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.result);
        else if (m.type === 'judged') p.resolve(m.outcome);
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
  const send = <T>(type: 'start' | 'judge', request: LeaderboardRequest, p: Omit<Pending, 'resolve' | 'reject'>, signal?: AbortSignal): Promise<T> => {
    const id = nextId++;
    const w = ensure();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { ...p, resolve: resolve as (v: unknown) => void, reject });
      signal?.addEventListener(
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
      w.postMessage({ type, id, request: JSON.parse(JSON.stringify(request)) as LeaderboardRequest });
    });
  };
  return {
    run: (request, opts = {}) => send<LeaderboardResult>('start', request, { onProgress: opts.onProgress }, opts.signal),
    judge: (request, opts = {}) => send<JudgedOutcome>('judge', request, { onJudgeProgress: opts.onProgress }, opts.signal),
    terminate() {
      worker?.terminate();
      worker = null;
      failAll(new Error('Leaderboard worker terminated'));
    },
  };
}
