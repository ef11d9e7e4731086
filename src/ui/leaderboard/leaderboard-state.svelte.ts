/**
 * State of the leaderboard view: the last result (kept in memory for the session and in
 * localStorage as JSON, so revisiting the tab shows it), the running benchmark, progress,
 * cancel. The runner is injectable: the worker client in the app, anything with the same
 * shape in tests.
 */
import type { LeaderboardProgress, LeaderboardResult } from '../../core/eval/leaderboard';
import type { LeaderboardRequest } from '../../worker/leaderboard-protocol';

/** Runs a leaderboard request (the worker client, or in-process). */
export type LeaderboardRunner = (req: LeaderboardRequest, opts: { onProgress?: (p: LeaderboardProgress) => void; signal?: AbortSignal }) => Promise<LeaderboardResult>;

/** localStorage key of the cached result (versioned: a new shape gets a new key). */
export const CACHE_KEY = 'recoworld.leaderboard.v1';

let client: Promise<{ run: LeaderboardRunner }> | null = null;

/** The default runner: one worker client, created on first use. */
export const workerRunner: LeaderboardRunner = async (req, opts) => {
  client ??= import('../../worker/leaderboard-client').then((m) => {
    const c = m.createLeaderboardClient();
    return { run: (r: LeaderboardRequest, o: Parameters<LeaderboardRunner>[1]) => c.run(r, o) };
  });
  return (await client).run(req, opts);
};

let memory: LeaderboardResult | null = null;

/** Read the cached result; anything unreadable or of another shape is ignored. */
export function loadCached(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): LeaderboardResult | null {
  if (memory) return memory;
  try {
    const raw = storage?.getItem(CACHE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as LeaderboardResult;
    if (!v || !Array.isArray(v.rows) || typeof v.description !== 'string' || !v.benchmark) return null;
    memory = v;
    return v;
  } catch {
    return null;
  }
}

/** Keep a result in memory and (best effort: quota, private mode) in localStorage. */
export function saveCached(r: LeaderboardResult, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  memory = r;
  try {
    storage?.setItem(CACHE_KEY, JSON.stringify(r));
  } catch {
    // The in-memory copy still serves this session.
  }
}

/** Forget the in-memory copy (tests). */
export function clearMemoryCache(): void {
  memory = null;
}

export class LeaderboardState {
  result = $state<LeaderboardResult | null>(null);
  running = $state(false);
  progress = $state<LeaderboardProgress | null>(null);
  error = $state<string | null>(null);
  elapsedMs = $state<number | null>(null);
  private abort: AbortController | null = null;

  constructor(
    private readonly runner: LeaderboardRunner = workerRunner,
    initial: LeaderboardResult | null = loadCached(),
    private readonly request: LeaderboardRequest = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.result = initial;
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.progress = null;
    this.abort = new AbortController();
    const t0 = this.now();
    try {
      const r = await this.runner(this.request, { signal: this.abort.signal, onProgress: (p) => (this.progress = p) });
      this.result = r;
      this.elapsedMs = this.now() - t0;
      saveCached(r);
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'AbortError';
      this.error = cancelled ? 'Cancelled; the table shows the previous result.' : e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }
}
