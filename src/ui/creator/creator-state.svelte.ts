/**
 * State of the creator lab: the form (post, audience, time, schedule, a second strategy),
 * the run (a pool of workers, progress, cancel), the result, stored runs (IndexedDB), and
 * the share link. The pool is injectable (tests run the replicates in-process). The app's
 * lab keeps one of these at module level (CreatorView), as Batch, the leaderboard and Compare
 * keep theirs: leaving the lab and coming back finds the form, the last result and a run in
 * progress where they were (the lab used to be rebuilt empty and its run cancelled).
 */
import { mostDrawnFrom, parseExperiment, type ExperimentResult, type Metric, type NetworkSample } from '../../core/creator';
import { MAX_USERS } from '../../core/population/users';
import { MAX_SEED } from '../../core/run/fields';
import { firstProblem, isWholeIn, wholeNumberProblem } from '../shell/whole-number';
import type { PoolOutcome, PoolProgress, ReplicatesCall } from '../../worker/creator-pool';

/** Ranges of the form's numbers: the experiment schema's (core/creator/experiment.ts). */
export const CREATOR_LIMITS = {
  durationSec: [1, 36_000],
  generalSize: [1, MAX_USERS],
  postHour: [0, 23],
  users: [1, MAX_USERS],
  followers: [0, MAX_USERS],
  replicates: [1, 1000],
  seed: [0, MAX_SEED],
} as const;

/** Makes the replicate callers (one per worker) and closes them. */
export type PoolFactory = () => { calls: ReplicatesCall[]; close(): void };

/** Default: min(4, cores - 1) workers, at least one. */
export const workerPool: PoolFactory = () => {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  const n = Math.max(1, Math.min(4, cores - 1));
  let workers: { call: ReplicatesCall; close(): void }[] = [];
  const ready = import('../../worker/creator-pool').then((m) => (workers = Array.from({ length: n }, () => m.workerCall())));
  const calls: ReplicatesCall[] = Array.from({ length: n }, (_, i) => async (req, opts) => {
    await ready;
    return workers[i].call(req, opts);
  });
  return { calls, close: () => workers.forEach((w) => w.close()) };
};

/** Paths where two JSON values differ (leaves; at most `max`). */
function differences(a: unknown, b: unknown, path = '', out: string[] = [], max = 12): string[] {
  if (out.length >= max) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], path ? `${path}.${k}` : k, out, max);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path || '(root)');
  return out;
}

export interface SavedRun {
  id: string;
  createdAt: number;
  title: string;
}

export class CreatorState {
  // ---- the post ----
  source = $state<'compose' | 'item'>('compose');
  title = $state('Hauling lobster traps at sunrise');
  topic = $state('fishing');
  format = $state<'short_video' | 'text_post' | 'image'>('short_video');
  durationSec = $state(35);
  description = $state('');
  itemId = $state('');
  // ---- audience and time ----
  audience = $state<'followers' | 'general' | 'target'>('followers');
  generalSize = $state(500);
  ages = $state<string[]>([]);
  regions = $state<string[]>([]);
  interest = $state('');
  postHour = $state(18);
  schedule = $state<'once' | 'daily' | 'three-a-day'>('once');
  // ---- strategy B ----
  compare = $state<'none' | 'schedule' | 'variant'>('none');
  compareSchedule = $state<'once' | 'daily' | 'three-a-day'>('three-a-day');
  variantTitle = $state('Lobster traps at sunrise (60 seconds, with a hook)');
  variantDurationSec = $state(60);
  // ---- run ----
  users = $state(2000);
  followers = $state(200);
  replicates = $state(100);
  seed = $state(42);
  recommender = $state('popular');
  running = $state(false);
  progress = $state<PoolProgress | null>(null);
  result = $state.raw<ExperimentResult | null>(null);
  network = $state.raw<NetworkSample | null>(null);
  /** The experiment the shown result came from. */
  ran = $state.raw<unknown>(null);
  error = $state<string | null>(null);
  /** `error` is a problem of the form's (said by Run): it goes once the form is fixed. */
  private formError = $state(false);
  elapsedMs = $state(0);
  saved = $state<SavedRun[]>([]);
  /** The metric the charts and the comparison show. */
  metric = $state<Metric>('views');
  /**
   * The share link (the address bar's hash) last put into the form, or null. Other views keep
   * the hash in the address bar, so coming back to the lab finds it again: put back, it
   * replaced what the user had typed since. A different link is put into the form.
   */
  linkHash: string | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly pool: PoolFactory = workerPool) {}

  /**
   * What is wrong with each shown number field (null: usable). An emptied field holds null,
   * which `Number()` made 0: seed 0, hour 0 or no followers ran without a word; a seed had
   * no upper bound in the form. Run is disabled while any is set, and the field says why.
   */
  get problems(): Record<string, string | null> {
    const L = CREATOR_LIMITS;
    const w = (label: string, v: unknown, [lo, hi]: readonly [number, number]) => wholeNumberProblem(label, v, lo, hi);
    // Followers and a sample are drawn from the population: no more than its users (more ran on all of them, unsaid; core's mostDrawnFrom, as the creator command).
    const pop = isWholeIn(this.users, L.users[0], L.users[1]) ? this.users : L.users[1];
    const within = (label: string, v: unknown, lo: number) => wholeNumberProblem(label, v, lo, mostDrawnFrom(pop))?.replace(/\.$/, pop < L.users[1] ? ` (the population's ${pop} users).` : '.') ?? null;
    return {
      ...(this.source === 'compose' ? { durationSec: w('Length (s)', this.durationSec, L.durationSec) } : {}),
      ...(this.audience === 'general' ? { generalSize: within('Sample size', this.generalSize, L.generalSize[0]) } : {}),
      postHour: w('Post at (hour)', this.postHour, L.postHour),
      ...(this.compare === 'variant' && this.source === 'compose' ? { variantDurationSec: w('Length B (s)', this.variantDurationSec, L.durationSec) } : {}),
      // A variant is of a composed post: on a catalog item the run had no strategy B while the form still compared one.
      ...(this.compare === 'variant' && this.source !== 'compose' ? { compare: 'Compare with: a variant needs a composed post. Choose another schedule or nothing, or compose the post.' } : {}),
      users: w('Users', this.users, L.users),
      followers: within('Followers', this.followers, L.followers[0]),
      ...(this.audience === 'followers' && this.source === 'compose' ? { audience: this.emptyAudience() } : {}),
      replicates: w('Replicates', this.replicates, L.replicates),
      seed: w('Seed', this.seed, L.seed),
    };
  }

  /**
   * An audience known to be empty before running: the new creator's followers when it has
   * none. It ran every replicate to zeros, said only by "audience 0" under the results.
   * (A target group matching nobody is known only once the population is built: the
   * results say it at their top.)
   */
  private emptyAudience(): string | null {
    if (this.followers !== 0) return null;
    return "Audience: the new creator has 0 followers, so nobody would see the post and every figure would be 0. Give it followers, or choose a general sample or a target group.";
  }

  /** The error to show: a problem of the form's goes once it is fixed (it stayed until the next Run). */
  get shownError(): string | null {
    return this.formError && this.problem === null ? null : this.error;
  }

  /** The first problem of the form's numbers, or null. */
  get problem(): string | null {
    return firstProblem(this.problems);
  }

  /** The experiment the form describes (plain data: validated before running). */
  experiment(): Record<string, unknown> {
    const post = this.source === 'item'
      ? { itemId: this.itemId.trim() }
      : { title: this.title.trim(), topic: this.topic, format: this.format, durationSec: Number(this.durationSec), description: this.description };
    const audience = this.audience === 'followers' ? { kind: 'followers' }
      : this.audience === 'general' ? { kind: 'general', size: Number(this.generalSize) }
      : { kind: 'target', ages: [...this.ages], regions: [...this.regions], interest: this.interest };
    const a = { label: 'A', post, audience, postHour: Number(this.postHour), schedule: this.schedule };
    const strategies: Record<string, unknown>[] = [a];
    if (this.compare === 'schedule') strategies.push({ ...a, label: 'B', schedule: this.compareSchedule });
    if (this.compare === 'variant' && this.source === 'compose') {
      strategies.push({ ...a, label: 'B', post: { ...post, title: this.variantTitle.trim(), durationSec: Number(this.variantDurationSec) } });
    }
    return {
      users: Number(this.users), followers: Number(this.followers), replicates: Number(this.replicates),
      run: { seed: Number(this.seed), recommender: { name: this.recommender } },
      strategies,
    };
  }

  /**
   * Fill the form from an experiment (a share link or a stored run). Returns the settings
   * the form cannot hold (paths like "run.catalog", "strategies.1.postHour"): a hand-edited
   * link's were dropped without a word, and Run ran another experiment than the link's.
   */
  load(input: unknown): string[] {
    const e = parseExperiment(input);
    const a = e.strategies[0];
    if ('itemId' in a.post) {
      this.source = 'item';
      this.itemId = a.post.itemId;
    } else {
      this.source = 'compose';
      this.title = a.post.title;
      this.topic = a.post.topic;
      this.format = a.post.format === 'text_post' || a.post.format === 'image' ? a.post.format : 'short_video';
      this.durationSec = a.post.durationSec;
      this.description = a.post.description;
    }
    this.audience = a.audience.kind;
    if (a.audience.kind === 'general') this.generalSize = a.audience.size;
    if (a.audience.kind === 'target') {
      this.ages = [...a.audience.ages];
      this.regions = [...a.audience.regions];
      this.interest = a.audience.interest;
    }
    this.postHour = a.postHour;
    this.schedule = a.schedule;
    const b = e.strategies[1];
    this.compare = !b ? 'none' : b.schedule !== a.schedule ? 'schedule' : 'variant';
    if (b && this.compare === 'schedule') this.compareSchedule = b.schedule;
    if (b && this.compare === 'variant' && !('itemId' in b.post)) {
      this.variantTitle = b.post.title;
      this.variantDurationSec = b.post.durationSec;
    }
    this.users = e.users;
    this.followers = e.followers;
    this.replicates = e.replicates;
    this.seed = e.run.seed;
    this.recommender = e.run.recommender.name;
    return differences(e, parseExperiment(this.experiment()));
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.formError = false;
    if (this.problem) {
      this.error = this.problem;
      this.formError = true;
      return;
    }
    const input = this.experiment();
    let exp;
    try {
      exp = parseExperiment(input);
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    this.running = true;
    this.error = null;
    this.progress = { done: 0, total: exp.replicates * exp.strategies.length };
    this.abort = new AbortController();
    const t0 = performance.now();
    const pool = this.pool();
    try {
      const { runPool } = await import('../../worker/creator-pool');
      const out: PoolOutcome = await runPool(input, exp.replicates, exp.strategies.length, pool.calls, {
        signal: this.abort.signal,
        network: 400,
        onProgress: (p) => (this.progress = p),
      });
      this.result = out.result;
      this.network = out.network ?? null;
      this.ran = input;
      this.elapsedMs = performance.now() - t0;
      await this.store(input, out.result);
    } catch (e) {
      const cancelled = (e as Error).name === 'AbortError';
      this.error = cancelled ? 'Cancelled.' : (e as Error).message;
      // A refused run did no replicates: its bar stayed at "0 / N (0%)" beside the error. A cancel keeps how far it got.
      if (!cancelled) this.progress = null;
    } finally {
      pool.close();
      this.running = false;
      this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** Keep the run in IndexedDB (failures are said, the result stays on screen). */
  private async store(experiment: unknown, result: ExperimentResult): Promise<void> {
    try {
      const { openDb } = await import('../../storage/open');
      const db = await openDb();
      const createdAt = Date.now();
      const a = (experiment as { strategies: { post: { title?: string; itemId?: string } }[] }).strategies[0].post;
      const title = `${a.title ?? a.itemId} (${result.replicates} replicates, seed ${result.seed})`;
      await db.creatorRuns.put({ id: `creator-${createdAt}`, createdAt, title, experiment, result });
      await this.refreshSaved();
    } catch (e) {
      this.error = `The result is shown but could not be stored: ${(e as Error).message}`;
    }
  }

  async refreshSaved(): Promise<void> {
    try {
      const { openDb } = await import('../../storage/open');
      const db = await openDb();
      const rows = await db.creatorRuns.orderBy('createdAt').reverse().limit(20).toArray();
      this.saved = rows.map((r) => ({ id: r.id, createdAt: r.createdAt, title: r.title }));
    } catch {
      this.saved = [];
    }
  }

  /**
   * Show a stored run (its experiment goes back into the form). A run that cannot be read
   * or no longer validates is said (the click failed silently: an unhandled rejection).
   */
  async open(id: string): Promise<void> {
    // Not while a run goes on: the form was replaced under it, and its result then showed beside another experiment.
    if (this.running) return;
    try {
      const { openDb } = await import('../../storage/open');
      const db = await openDb();
      const row = await db.creatorRuns.get(id);
      if (!row) {
        this.error = 'That stored run is gone.';
        return;
      }
      const r = row.result as Partial<ExperimentResult> | null;
      if (!r || !Array.isArray(r.strategies) || !r.strategies.length || typeof r.replicates !== 'number') throw new Error('its result has another shape than this version reads');
      this.load(row.experiment);
      this.result = row.result as ExperimentResult;
      this.ran = row.experiment;
      this.network = null;
      // Not timed here: the results line gave the last run's seconds as this one's.
      this.elapsedMs = 0;
      this.error = null;
    } catch (e) {
      this.error = `That stored run cannot be shown: ${(e as Error).message}`;
    }
  }
}
