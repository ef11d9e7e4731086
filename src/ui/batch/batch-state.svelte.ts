/**
 * State of the batch view: the form, the running batch (in the worker), progress, the
 * outcome. The runner is injectable: the worker client in the app, the in-process
 * `runBatchRequest` in tests (same interface).
 */
import type { BatchOutcome, BatchProgress, BatchRequest, BatchRunOptions } from '../../worker/protocol';

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

export class BatchState {
  users = $state(100);
  recommenders = $state<string[]>(['popular', 'content', 'content+follow']);
  seed = $state(42);
  maxTurns = $state(6);
  listSize = $state(5);
  instructionsEnabled = $state(true);
  running = $state(false);
  progress = $state<BatchProgress | null>(null);
  outcome = $state<BatchOutcome | null>(null);
  error = $state<string | null>(null);
  private abort: AbortController | null = null;

  constructor(private readonly runner: BatchRunner = workerRunner) {}

  /** The request the form describes (clamped to sane ranges). */
  request(): BatchRequest {
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number(v) || lo)));
    return {
      catalogId: 'shortvideo',
      users: clamp(this.users, 1, 10_000),
      recommenders: [...this.recommenders],
      seed: Math.round(Number(this.seed) || 0),
      maxTurns: clamp(this.maxTurns, 1, 50),
      listSize: clamp(this.listSize, 1, 20),
      instructionsEnabled: this.instructionsEnabled,
    };
  }

  toggle(name: string, on: boolean): void {
    this.recommenders = on ? [...new Set([...this.recommenders, name])] : this.recommenders.filter((r) => r !== name);
  }

  async run(): Promise<void> {
    if (this.running) return;
    if (!this.recommenders.length) {
      this.error = 'Choose at least one recommender.';
      return;
    }
    const req = this.request();
    this.running = true;
    this.error = null;
    this.outcome = null;
    this.progress = { done: 0, total: req.users * req.recommenders.length, recommender: '', userId: '', sessions: 0 };
    this.abort = new AbortController();
    try {
      this.outcome = await this.runner(req, { signal: this.abort.signal, onProgress: (p) => (this.progress = p) });
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }
}
