/**
 * The page side of the leaderboard worker: `run(request, { onProgress, signal })` gives a
 * promise of the result. Cancelling rejects at once with an AbortError, posts `cancel`
 * and then terminates the worker (a stage can take many seconds); the next run starts a
 * fresh worker.
 */
import type { JudgedOutcome, LeaderboardApi, LeaderboardProgress, LeaderboardRequest, LeaderboardRunResult } from './leaderboard-protocol';
import { connect, namedError, type Client, type Endpoint } from './rpc';

export interface LeaderboardRunOptions {
  onProgress?: (p: LeaderboardProgress) => void;
  signal?: AbortSignal;
}

export interface JudgeRunOptions {
  onProgress?: (done: number, total: number, recommender: string) => void;
  signal?: AbortSignal;
}

export interface LeaderboardClient {
  run(request: LeaderboardRequest, opts?: LeaderboardRunOptions): Promise<LeaderboardRunResult>;
  /** The benchmark's sessions judged (rule-based); the passing ones as JSONL. */
  judge(request: LeaderboardRequest, opts?: JudgeRunOptions): Promise<JudgedOutcome>;
  terminate(): void;
}

/** Error of a cancelled run (name 'AbortError'). */
export function cancelledError(): Error {
  return namedError('AbortError', 'Leaderboard run cancelled');
}

/** The real worker (Vite bundles it as a separate module chunk). */
export function createLeaderboardWorker(): Endpoint {
  return new Worker(new URL('./leaderboard.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint;
}

/** A client that starts a worker lazily through `factory` and replaces it after a cancel. */
export function createLeaderboardClient(factory: () => Endpoint = createLeaderboardWorker): LeaderboardClient {
  let current: Client<LeaderboardApi> | null = null;
  const ensure = () => (current ??= connect<LeaderboardApi>(factory(), 'Leaderboard worker'));
  const call = <K extends keyof LeaderboardApi & string>(
    method: K,
    request: LeaderboardRequest,
    onProgress: ((p: LeaderboardApi[K]['progress']) => void) | undefined,
    signal?: AbortSignal,
  ): Promise<LeaderboardApi[K]['result']> => {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const client = ensure();
    const inner = new AbortController();
    return new Promise((resolve, reject) => {
      signal?.addEventListener(
        'abort',
        () => {
          inner.abort(); // posts cancel
          reject(cancelledError());
          // Stop the computation now rather than at the next stage boundary.
          if (current === client && client.pending <= 1) {
            current = null;
            client.close('Leaderboard worker stopped after a cancel');
          }
        },
        { once: true },
      );
      client.call(method, request, { onProgress, signal: inner.signal }).then(resolve, (e: Error) => {
        if (e.message.startsWith('Leaderboard worker failed') && current === client) current = null;
        reject(e);
      });
    });
  };
  return {
    run: (request, opts = {}) => call('run', request, opts.onProgress, opts.signal),
    judge: (request, opts = {}) => call('judge', request, opts.onProgress && ((p) => opts.onProgress!(p.done, p.total, p.recommender)), opts.signal),
    terminate() {
      current?.close('Leaderboard worker terminated');
      current = null;
    },
  };
}
