/**
 * State of the leaderboard view: the last result (kept in memory for the session and in
 * localStorage as JSON, so revisiting the tab shows it), the running benchmark, progress,
 * cancel. The runner is injectable: the worker client in the app, anything with the same
 * shape in tests.
 */
import { BENCHMARK, describeBenchmark, type LeaderboardProgress, type LeaderboardResult } from '../../core/eval/leaderboard';
import { toCsv } from '../../core/eval/export-table';
import type { LeaderboardClient } from '../../worker/leaderboard-client';
import type { JudgedOutcome, LeaderboardRequest } from '../../worker/leaderboard-protocol';

/** Runs a leaderboard request (the worker client, or in-process). */
export type LeaderboardRunner = (req: LeaderboardRequest, opts: { onProgress?: (p: LeaderboardProgress) => void; signal?: AbortSignal }) => Promise<LeaderboardResult>;

/** Runs the benchmark's sessions through the rule-based judge (the worker client, or in-process). */
export type JudgeRunner = (req: LeaderboardRequest, opts: { onProgress?: (done: number, total: number, recommender: string) => void; signal?: AbortSignal }) => Promise<JudgedOutcome>;

/** localStorage key of the cached result (versioned: a new shape gets a new key). */
export const CACHE_KEY = 'recoworld.leaderboard.v1';

let client: Promise<LeaderboardClient> | null = null;
const getClient = () => (client ??= import('../../worker/leaderboard-client').then((m) => m.createLeaderboardClient()));

/** The default runner: one worker client, created on first use. */
export const workerRunner: LeaderboardRunner = async (req, opts) => (await getClient()).run(req, opts);

/** The default judge runner: the same worker client. */
export const workerJudgeRunner: JudgeRunner = async (req, opts) => (await getClient()).judge(req, opts);

let memory: LeaderboardResult | null = null;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
/** A mean with its interval, as the table and charts read it (JSON turns NaN into null: such a bound is not drawable). */
const isCi = (v: unknown) => isObj(v) && isNum(v.mean) && isNum(v.lo) && isNum(v.hi);

/**
 * Whether a parsed cache holds a result the view can draw: every row's figures that the
 * table and the charts read, the benchmark the heading describes, the medians. A cache of
 * another shape (an older build under this key, a hand edit, NaN saved as null, a
 * recommender or base given twice) threw while rendering and left the view on "loading…"
 * for good, Run included.
 */
export function isDrawableResult(v: unknown): v is LeaderboardResult {
  if (!isObj(v) || typeof v.description !== 'string' || !Array.isArray(v.rows) || !Array.isArray(v.bases) || !v.bases.every((b) => typeof b === 'string')) return false;
  if (!isObj(v.benchmark) || !isObj(v.medians) || !isNum(v.medians.ndcg) || !isNum(v.medians.retention)) return false;
  const rowOk = (r: unknown) =>
    isObj(r) && typeof r.recommender === 'string' && typeof r.base === 'string' && typeof r.follows === 'boolean' && typeof r.quadrant === 'string' &&
    isNum(r.ndcg) && ['watchSec', 'turns', 'itemsViewed', 'retention', 'instructions'].every((k) => isCi(r[k]));
  if (!v.rows.every(rowOk)) return false;
  // The table and the charts key rows by recommender and groups by base: a name given twice
  // (a hand edit) hit Svelte's duplicate-key error instead of a table.
  const unique = (names: string[]) => new Set(names).size === names.length;
  if (!unique(v.rows.map((r) => (r as { recommender: string }).recommender)) || !unique(v.bases as string[])) return false;
  try {
    describeBenchmark(v.benchmark as never);
    toCsv(v as unknown as LeaderboardResult);
    return true;
  } catch {
    return false;
  }
}

/** Read the cached result; anything unreadable or of another shape is ignored. */
export function loadCached(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): LeaderboardResult | null {
  if (memory) return memory;
  try {
    const raw = storage?.getItem(CACHE_KEY);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (!isDrawableResult(v)) return null;
    memory = v;
    return v;
  } catch {
    return null;
  }
}

/**
 * Whether storage holds a saved result that loadCached refuses (unreadable, another shape,
 * a name given twice): the view says so once instead of "No result yet" alone.
 */
export function cacheUnreadable(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  if (memory) return false;
  try {
    return !!storage?.getItem(CACHE_KEY) && loadCached(storage) === null;
  } catch {
    return false;
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
  /** The catalog menu's choice: the benchmark's catalog or an imported dataset's id (kept with the run). */
  catalog = $state<string>(BENCHMARK.catalogId);
  result = $state<LeaderboardResult | null>(null);
  running = $state(false);
  progress = $state<LeaderboardProgress | null>(null);
  error = $state<string | null>(null);
  elapsedMs = $state<number | null>(null);
  judging = $state(false);
  judgeProgress = $state<{ done: number; total: number; recommender: string } | null>(null);
  judged = $state<JudgedOutcome | null>(null);
  /** A saved result was there but could not be drawn (set by the view on opening); cleared when a run finishes with a result. */
  unreadableCache = $state(false);
  private abort: AbortController | null = null;

  constructor(
    private readonly runner: LeaderboardRunner = workerRunner,
    initial: LeaderboardResult | null = loadCached(),
    private readonly request: LeaderboardRequest = {},
    private readonly now: () => number = () => performance.now(),
    private readonly judgeRunner: JudgeRunner = workerJudgeRunner,
  ) {
    this.result = initial;
  }

  /** True while a benchmark or a judging run is in progress (one at a time). */
  get busy(): boolean {
    return this.running || this.judging;
  }

  /** Judge the benchmark's sessions; resolves with the outcome (null when cancelled or failed). */
  async judge(): Promise<JudgedOutcome | null> {
    if (this.busy) return null;
    this.judging = true;
    this.error = null;
    this.judgeProgress = null;
    this.abort = new AbortController();
    try {
      const r = await this.judgeRunner(this.request, { signal: this.abort.signal, onProgress: (done, total, recommender) => (this.judgeProgress = { done, total, recommender }) });
      this.judged = r;
      return r;
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'AbortError';
      this.error = cancelled ? 'Judging cancelled.' : e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.judging = false;
      this.abort = null;
    }
  }

  async run(): Promise<void> {
    if (this.busy) return;
    this.running = true;
    this.error = null;
    this.progress = null;
    this.abort = new AbortController();
    const t0 = this.now();
    try {
      const r = await this.runner(this.request, { signal: this.abort.signal, onProgress: (p) => (this.progress = p) });
      this.result = r;
      this.unreadableCache = false;
      this.elapsedMs = this.now() - t0;
      saveCached(r);
    } catch (e) {
      const cancelled = e instanceof Error && e.name === 'AbortError';
      // A first run cancelled has no previous table to speak of (the view says "No result yet").
      this.error = cancelled ? (this.result ? 'Cancelled; the table shows the previous result.' : 'Cancelled.') : e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }
}
