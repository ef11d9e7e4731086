/**
 * State of the Fidelity view: the chosen imported MovieLens dataset and settings, the run
 * in the fidelity worker (progress, cancel, errors said out loud) and its report.
 */
import type { Catalog, UserProfile } from '../../core/types';
import type { FidelityApi, FidelityProgress, FidelityRequest, FidelityViewReport } from '../../worker/fidelity-protocol';
import { loadLlmSettings } from '../llm/settings-store';
import { connect, type Endpoint } from '../../worker/rpc';

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
  seed = $state(42);
  seeds = $state(3);
  /** 0 = every qualifying user. */
  maxUsers = $state(0);
  bootstrap = $state(500);
  /** Who judges the movies: the rule-based simulator with its response model, or an LLM at an endpoint. */
  simulator = $state<'rule-based' | 'llm'>('rule-based');
  /** The endpoint (prefilled from the LLM panel's saved settings; the key only if it was remembered). */
  llm = $state(((o) => ({ baseUrl: o.baseUrl, model: o.model, apiKey: o.apiKey, timeoutSec: o.timeoutSec }))(loadLlmSettings().openai));
  split = $state<'test' | 'tuning'>('test');
  ratio = $state('1');
  running = $state(false);
  progress = $state<FidelityProgress | null>(null);
  error = $state<string | null>(null);
  report = $state.raw<FidelityViewReport | null>(null);
  private ctrl: AbortController | null = null;

  constructor(private readonly runner: FidelityRunner = workerRunner) {}

  async run(data: { catalog: Catalog; users: UserProfile[] }): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.report = null;
    this.progress = { stage: 'starting', done: 0, total: 1 };
    const ctrl = (this.ctrl = new AbortController());
    try {
      const llm = this.simulator === 'llm' ? this.endpoint() : undefined;
      const req: FidelityRequest = { catalog: data.catalog, users: data.users, seed: this.seed, seeds: this.seeds, maxUsers: this.maxUsers > 0 ? this.maxUsers : undefined, bootstrap: this.bootstrap, ...(llm ? { llm } : {}) };
      this.report = await this.runner(req, { onProgress: (p) => (this.progress = p), signal: ctrl.signal });
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
    return { baseUrl, model, apiKey: this.llm.apiKey || undefined, timeoutSec: Math.max(1, Number(this.llm.timeoutSec) || 60) };
  }

  cancel(): void {
    this.ctrl?.abort();
  }
}
