/**
 * State of the batch view: the form, the running batch (in the worker), progress, the
 * outcome. The runner is injectable: the worker client in the app, the in-process
 * `runBatchRequest` in tests (same interface).
 */
import { BUILTIN_CATALOGS } from '../../core/catalog/builtin';
import { RUN_FIELDS } from '../../core/run/fields';
import { firstProblem, wholeNumberProblem } from '../shell/whole-number';
import type { DatasetPayload } from '../../worker/dataset';
import type { BatchOutcome, BatchProgress, BatchRequest, BatchRunOptions } from '../../worker/protocol';

/** Where imported datasets come from (the page's DataStore): catalog id -> catalog and users. */
export interface DatasetSource {
  datasetFor(id: string): DatasetPayload | undefined;
}

/** Runs a batch request (worker client or in-process). */
export type BatchRunner = (req: BatchRequest, opts: BatchRunOptions & { signal?: AbortSignal }) => Promise<BatchOutcome>;

let sharedClient: Promise<{ run: BatchRunner }> | null = null;

/** The default runner: one shared worker, created on first use. */
export const workerRunner: BatchRunner = async (req, opts) => {
  sharedClient ??= import('../../worker/batch-client').then((m) => {
    const c = m.createBatchClient();
    return { run: (r: BatchRequest, o: BatchRunOptions & { signal?: AbortSignal }) => c.run(r, o) };
  });
  return (await sharedClient).run(req, opts);
};

/** A run Cancel ended before any session ran. */
const EARLY = Symbol('cancelled early');

const clampUsers = (n: number) => Math.min(BatchState.MAX_USERS, Math.max(1, Math.round(Number(n) || 1)));

export class BatchState {
  /** The catalog: a built-in one, or a dataset imported in this tab (sent to the worker with the request). */
  catalog = $state<string>(RUN_FIELDS.catalog.default);
  users = $state(100);
  recommenders = $state<string[]>(['popular', 'content', 'content+follow']);
  // Defaults and ranges: the run description's table (docs/run-description.md).
  seed = $state<number>(RUN_FIELDS.seed.default);
  maxTurns = $state<number>(RUN_FIELDS.turns.default);
  listSize = $state<number>(RUN_FIELDS.listSize.default);
  instructionsEnabled = $state<boolean>(RUN_FIELDS.instructions.default);
  running = $state(false);
  progress = $state<BatchProgress | null>(null);
  outcome = $state<BatchOutcome | null>(null);
  error = $state<string | null>(null);
  /** `error` says what is wrong with the form (no recommender, a number): it goes once the form is fixed. */
  private formError = $state(false);
  private abort: AbortController | null = null;
  /** Runs started so far (a late answer of an earlier one is ignored), and those Cancel ended before any session. */
  private runs = 0;
  private early = new WeakSet<AbortController>();

  constructor(
    private readonly runner: BatchRunner = workerRunner,
    private readonly datasets: DatasetSource | undefined = undefined,
  ) {}

  /** Most users of a batch in the browser. */
  static readonly MAX_USERS = 10_000;

  /** Most users this catalog can run: a dataset has as many as it holds (more failed in the worker, after Run). */
  get maxUsers(): number {
    const builtin = BUILTIN_CATALOGS.some((c) => c.id === this.catalog);
    const dataset = builtin ? undefined : this.datasets?.datasetFor(this.catalog);
    return dataset ? Math.min(BatchState.MAX_USERS, dataset.users.length) : BatchState.MAX_USERS;
  }

  /**
   * What is wrong with each number of the form (null: usable). An emptied field holds null,
   * which used to run as seed 0 (or 1 user, 1 turn) without a word; now Run is disabled and
   * the field says why.
   */
  get problems(): Record<'users' | 'seed' | 'maxTurns' | 'listSize', string | null> {
    const F = RUN_FIELDS;
    return {
      users: wholeNumberProblem('Users', this.users, 1, this.maxUsers),
      seed: wholeNumberProblem('Seed', this.seed, F.seed.min, F.seed.max),
      maxTurns: wholeNumberProblem('Turns', this.maxTurns, F.turns.min, F.turns.max),
      listSize: wholeNumberProblem('List size', this.listSize, F.listSize.min, F.listSize.max),
    };
  }

  /**
   * The request the form describes (clamped to the table's ranges): a population run per
   * recommender. A catalog that is not built in carries its dataset; one this tab does not
   * hold is an error that says what to do.
   */
  request(): BatchRequest {
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number(v) || lo)));
    const F = RUN_FIELDS;
    const builtin = BUILTIN_CATALOGS.some((c) => c.id === this.catalog);
    const dataset = builtin ? undefined : this.datasets?.datasetFor(this.catalog);
    if (!builtin && !dataset) throw new Error(`Dataset "${this.catalog}" is not imported in this tab: import the MovieLens folder again (Live, Catalog), then run.`);
    return {
      ...(dataset ? { dataset } : {}),
      run: {
        catalog: this.catalog,
        users: { kind: 'population', size: clamp(this.users, 1, BatchState.MAX_USERS) },
        seed: clamp(this.seed, F.seed.min, F.seed.max),
        turns: clamp(this.maxTurns, F.turns.min, F.turns.max),
        listSize: clamp(this.listSize, F.listSize.min, F.listSize.max),
        instructions: this.instructionsEnabled,
      },
      recommenders: [...this.recommenders],
    };
  }

  /**
   * The error to show: a sentence about the form (no recommender chosen, a number out of
   * range) goes as soon as the form is fixed; it stayed under a form with nothing wrong until
   * the next Run.
   */
  get shownError(): string | null {
    if (this.formError && this.recommenders.length && !firstProblem(this.problems)) return null;
    return this.error;
  }

  toggle(name: string, on: boolean): void {
    this.recommenders = on ? [...new Set([...this.recommenders, name])] : this.recommenders.filter((r) => r !== name);
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.formError = false;
    if (!this.recommenders.length) {
      this.error = 'Choose at least one recommender.';
      this.formError = true;
      return;
    }
    const problem = firstProblem(this.problems);
    if (problem) {
      this.error = problem;
      this.formError = true;
      return;
    }
    let req: BatchRequest;
    try {
      req = this.request();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    this.running = true;
    this.error = null;
    this.outcome = null;
    this.progress = { done: 0, total: clampUsers(this.users) * req.recommenders.length, recommender: '', userId: '', sessions: 0 };
    const abort = new AbortController();
    this.abort = abort;
    const id = ++this.runs;
    const t0 = performance.now();
    try {
      // A run Cancel ended early answers late: its progress and outcome are no longer this view's.
      const work = this.runner(req, { signal: abort.signal, onProgress: (p) => void (id === this.runs && !this.endedEarly(abort) && (this.progress = p)) });
      const ended = await Promise.race([work, this.cancelledBeforeAnySession(abort)]);
      if (ended === EARLY) {
        // The worker goes on with the fit (its model is kept for the next run); its answer is not awaited.
        work.catch(() => undefined);
        this.outcome = { request: req, rows: [], summary: [], stopped: true, elapsedMs: performance.now() - t0 };
      } else this.outcome = ended;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  private endedEarly(abort: AbortController): boolean {
    return this.early.has(abort);
  }

  /**
   * Resolves when Cancel comes before any session has run (on an imported dataset the worker
   * fits the response model first, holding its thread for seconds: it read the cancel only
   * after the fit, so Cancel took effect seconds late). Once sessions run, the worker stops
   * between users and answers with what finished, so that answer is awaited.
   */
  private cancelledBeforeAnySession(abort: AbortController): Promise<typeof EARLY> {
    return new Promise((resolve) =>
      abort.signal.addEventListener('abort', () => {
        if (this.progress?.sessions || this.progress?.done) return;
        this.early.add(abort);
        resolve(EARLY);
      }, { once: true }),
    );
  }

  cancel(): void {
    this.abort?.abort();
  }
}
