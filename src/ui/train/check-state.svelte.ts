/**
 * The state of "Check my recommender", outside the panel: a check goes on while the user
 * looks at another view (views are unmounted when left) and its report is there on return,
 * as Train, Batch and Fidelity keep their work. One check runs at a time; `cancel()` aborts
 * the call in flight (fetch) or terminates the module's Worker, and keeps nothing of it.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../core/catalog/builtin';
import { CHECK_DEADLINES, CheckCancelledError, checkRecommender, checkRemoteOptions, durationText, type CheckRecommenderReport } from '../../core/recommenders/remote/check-recommender';
import { httpNameProblem, isHttpName, registerModuleEndpoint } from '../../core/recommenders/remote/external';
import { RemoteRecommender, type RecommenderEndpoint } from '../../core/recommenders/remote/remote-recommender';
import { simulators } from '../../core/simulator/registry';
import { defaultContext } from '../../core/users/context';
import { fetchEndpoint } from '../../remote/fetch-endpoint';
import { loadModuleInWorker } from './module-worker-endpoint';
import { myRecommenders } from './my-recommenders.svelte';

/** Largest module file accepted. */
export const MAX_MODULE_BYTES = 2_000_000;

export class CheckState {
  url = $state('http://127.0.0.1:8001/recommend');
  /** What the running check is doing (null: none runs). */
  stage = $state<string | null>(null);
  report = $state<CheckRecommenderReport | null>(null);
  error = $state<string | null>(null);
  cancelled = $state(false);
  #running: AbortController | null = null;
  /** The worker of each loaded module name: a finished check of that name replaces (and stops) the old one. */
  readonly #loaded = new Map<string, () => void>();

  /** Check the URL (`file` null) or a module file; resolves when the check ends, is cancelled or fails. */
  async check(file: File | null, kind: 'url' | 'module'): Promise<void> {
    this.#running?.abort();
    const ctrl = new AbortController();
    this.#running = ctrl;
    this.report = null;
    this.error = null;
    this.cancelled = false;
    this.stage = 'Starting...';
    try {
      if (kind === 'url') {
        const u = this.url.trim();
        // httpNameProblem also refuses a URL ending in "+follow" (menus and links read it as
        // another URL with instruction following), which isHttpName accepts for links.
        const problem = httpNameProblem(u);
        if (!isHttpName(u) || problem) throw new Error(`This URL cannot be used: ${problem ?? 'enter an http:// or https:// URL'}`);
        const r = await this.#run(fetchEndpoint(u, fetch, ctrl.signal), ctrl.signal);
        if (ctrl.signal.aborted) return;
        this.report = r;
        if (r.problems.length === 0) myRecommenders.add(u);
      } else {
        if (!file) throw new Error('Pick a module file (.mjs or .js) first');
        if (file.size > MAX_MODULE_BYTES) throw new Error(`The module file is ${(file.size / 1e6).toFixed(1)} MB; at most 2 MB is accepted`);
        const m = await loadModuleInWorker(await file.text(), file.name, undefined, ctrl.signal);
        let r: CheckRecommenderReport;
        try {
          r = await this.#run(m.endpoint, ctrl.signal);
        } catch (e) {
          m.close(); // cancelled (or the catalog failed to load): this worker is not kept
          throw e;
        }
        if (ctrl.signal.aborted) return m.close();
        // Only a finished check replaces the module's earlier worker: a cancelled one keeps it.
        this.#loaded.get(m.name)?.();
        this.#loaded.set(m.name, m.close);
        this.report = r;
        const full = registerModuleEndpoint(m.name, () => m.endpoint);
        if (r.problems.length === 0) myRecommenders.add(full);
      }
    } catch (e) {
      if (!ctrl.signal.aborted && !(e instanceof CheckCancelledError)) this.error = (e as Error).message;
    } finally {
      if (this.#running === ctrl) {
        this.#running = null;
        this.stage = null;
      }
    }
  }

  /** Abort the running check (false when none runs); it reports nothing and adds nothing. */
  cancel(): boolean {
    if (!this.#running) return false;
    this.#running.abort();
    this.#running = null;
    this.stage = null;
    this.cancelled = true;
    return true;
  }

  #run(endpoint: RecommenderEndpoint, signal: AbortSignal): Promise<CheckRecommenderReport> {
    return Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]).then(([catalog, personas]) =>
      checkRecommender({
        catalog, users: personas, contextFor: defaultContext,
        simulator: () => simulators.get('rule-based').create(),
        // The check's own deadlines (shorter than a Live run's fit deadline), said while it waits.
        recommender: () => new RemoteRecommender(endpoint, checkRemoteOptions()),
        // A cancelled check says nothing more (its stage would disable the buttons again).
        onStage: (s) => {
          if (!signal.aborted) this.stage = `Checking ${s}... (a call waits at most ${durationText(CHECK_DEADLINES.callMs)} for a reply, fit ${durationText(CHECK_DEADLINES.fitMs)})`;
        },
        signal,
      }),
    );
  }
}

/** The page's one check (the panel shows it; tests pass their own). */
export const checkState = new CheckState();
