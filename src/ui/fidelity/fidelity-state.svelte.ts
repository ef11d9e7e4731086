/**
 * State of the Fidelity view: the chosen imported MovieLens dataset and settings, the run
 * in the fidelity worker (progress, cancel, errors said out loud) and its report.
 */
import type { Catalog, UserProfile } from '../../core/types';
import type { FidelityApi, FidelityProgress, FidelityRequest, FidelityViewReport } from '../../worker/fidelity-protocol';
import { loadLlmSettings } from '../llm/settings-store';
import { connect, type Endpoint } from '../../worker/rpc';
import { RUN_FIELDS } from '../../core/run/fields';
import { firstProblem, wholeNumberProblem } from '../shell/whole-number';
import { credentialsMessage, hasCredentials } from '../../llm/redact';

/** Bounds of the view's number fields (seeds as everywhere; Max users covers ml-32m's 200,948 users). */
export const FIDELITY_FIELDS = {
  seed: { min: RUN_FIELDS.seed.min, max: RUN_FIELDS.seed.max },
  seeds: { min: 1, max: 10 },
  maxUsers: { min: 0, max: 1_000_000 },
  timeoutSec: { min: 1, max: 600 },
} as const;

/** Runs a request (the worker by default; tests pass the in-process function). */
export type FidelityRunner = (req: FidelityRequest, o: { onProgress: (p: FidelityProgress) => void; signal: AbortSignal }) => Promise<FidelityViewReport>;

/** A fresh worker per run, closed when the run settles or is cancelled. */
export const workerRunner: FidelityRunner = async (req, o) => {
  const worker = new Worker(new URL('../../worker/fidelity.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint;
  const client = connect<FidelityApi>(worker, 'Fidelity worker');
  const stop = () => client.close('Fidelity run cancelled');
  o.signal.addEventListener('abort', stop);
  try {
    return await client.call('run', req, { onProgress: o.onProgress, signal: o.signal });
  } finally {
    o.signal.removeEventListener('abort', stop);
    client.close();
  }
};

export class FidelityState {
  /** The imported dataset picked in the view ('' = the first). */
  dataset = $state('');
  /** Number fields hold null when emptied (refused by `problems`, never run as 0). */
  seed = $state<number | null>(42);
  seeds = $state<number | null>(3);
  /** 0 = every qualifying user. */
  maxUsers = $state<number | null>(0);
  bootstrap = $state(500);
  /** Who judges the movies: the rule-based simulator with its response model, or an LLM at an endpoint. */
  simulator = $state<'rule-based' | 'llm'>('rule-based');
  /** The endpoint (prefilled from the LLM panel's saved settings; the key only if it was remembered). */
  llm = $state(((o) => ({ baseUrl: o.baseUrl, model: o.model, apiKey: o.apiKey, timeoutSec: o.timeoutSec as number | null }))(loadLlmSettings().openai));
  split = $state<'test' | 'tuning'>('test');
  ratio = $state('1');
  running = $state(false);
  progress = $state<FidelityProgress | null>(null);
  error = $state<string | null>(null);
  /** `error` is a field's problem (said by Run): it goes once the fields are fixed. */
  private formError = $state(false);
  report = $state.raw<FidelityViewReport | null>(null);
  /** The dataset the report measured: the menu may show another one since. */
  reportOf = $state.raw<{ id: string; name: string } | null>(null);
  private ctrl: AbortController | null = null;

  constructor(private readonly runner: FidelityRunner = workerRunner) {}

  /**
   * Why a number field cannot be used (null: it can). An emptied field binds null, which ran
   * as seed 0 (seeds 0, 1, 2) without a word; the view says it beside the field and waits.
   */
  get problems(): Record<'baseUrl' | 'seed' | 'seeds' | 'maxUsers' | 'timeoutSec', string | null> {
    const F = FIDELITY_FIELDS;
    const url = this.llm.baseUrl.trim();
    return {
      // A password in the endpoint's URL was refused only in the worker, after Run started;
      // the LLM panel refuses it up front, in these words (the URL redacted).
      baseUrl: this.simulator === 'llm' && hasCredentials(url) ? credentialsMessage(url) : null,
      seed: wholeNumberProblem('Seed', this.seed, F.seed.min, F.seed.max),
      seeds: wholeNumberProblem('Seeds', this.seeds, F.seeds.min, F.seeds.max),
      maxUsers: wholeNumberProblem('Max users', this.maxUsers, F.maxUsers.min, F.maxUsers.max),
      timeoutSec: this.simulator === 'llm' ? wholeNumberProblem('Timeout (s)', this.llm.timeoutSec, F.timeoutSec.min, F.timeoutSec.max) : null,
    };
  }

  /** The error to show: a field's problem goes once the fields are fixed (it stayed until the next Run). */
  get shownError(): string | null {
    return this.formError && firstProblem(this.problems) === null ? null : this.error;
  }

  async run(data: { catalog: Catalog; users: UserProfile[] }): Promise<void> {
    if (this.running) return;
    this.formError = false;
    const problem = firstProblem(this.problems);
    if (problem) {
      this.error = problem;
      this.formError = true;
      return;
    }
    this.running = true;
    this.error = null;
    this.report = null;
    this.progress = { stage: 'starting', done: 0, total: 1 };
    const ctrl = (this.ctrl = new AbortController());
    try {
      const llm = this.simulator === 'llm' ? this.endpoint() : undefined;
      // `problems` passed: the three are whole numbers in range here.
      const [seed, seeds, maxUsers] = [this.seed ?? 0, this.seeds ?? 1, this.maxUsers ?? 0];
      const req: FidelityRequest = { catalog: data.catalog, users: data.users, seed, seeds, maxUsers: maxUsers > 0 ? maxUsers : undefined, bootstrap: this.bootstrap, ...(llm ? { llm } : {}) };
      const of = { id: data.catalog.id, name: data.catalog.name };
      this.report = await this.runner(req, { onProgress: (p) => (this.progress = p), signal: ctrl.signal });
      this.reportOf = of;
    } catch (e) {
      const err = e as Error;
      this.error = err.name === 'AbortError' || ctrl.signal.aborted ? 'Run cancelled.' : `The fidelity run failed: ${err.message}`;
    } finally {
      this.running = false;
      this.ctrl = null;
    }
  }

  /** The LLM endpoint as a request wants it; a missing URL or model is said, not sent. */
  private endpoint(): NonNullable<FidelityRequest['llm']> {
    const baseUrl = this.llm.baseUrl.trim();
    const model = this.llm.model.trim();
    if (!/^https?:\/\/./i.test(baseUrl)) throw new Error('Give the endpoint\'s base URL (http:// or https://, e.g. http://127.0.0.1:11434/v1).');
    if (!model) throw new Error('Give the model name the endpoint serves.');
    return { baseUrl, model, apiKey: this.llm.apiKey || undefined, timeoutSec: this.llm.timeoutSec ?? 60 };
  }

  /** The report as a JSON file that says which dataset it measured. */
  reportJson(): string {
    return JSON.stringify({ ...(this.reportOf ? { dataset: this.reportOf } : {}), ...this.report }, null, 2);
  }

  cancel(): void {
    this.ctrl?.abort();
  }
}
