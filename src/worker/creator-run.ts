/**
 * The work of the creator worker, callable in-process too (tests): prepare the experiment
 * (cached by its canonical JSON, the built-in catalog and personas) and run a batch.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { canonicalJson } from '../core/run/description';
import { createRng } from '../core/rng';
import { experimentMeta, networkSample, parseExperiment, prepareExperiment, runReplicate, type PreparedExperiment, type ReplicateResult, type Trace } from '../core/creator';
import type { ReplicatesRequest, ReplicatesResponse } from './creator-protocol';

let cached: { key: string; prep: Promise<PreparedExperiment> } | null = null;

function prepared(input: unknown): Promise<PreparedExperiment> {
  const exp = parseExperiment(input);
  const key = canonicalJson(exp);
  if (cached?.key !== key) {
    const prep = Promise.all([loadBuiltinCatalog(exp.run.catalog), loadBuiltinPersonas()]).then(([catalog, personas]) => prepareExperiment(exp, { catalog, personas }));
    cached = { key, prep };
    prep.catch(() => (cached = null));
  }
  return cached.prep;
}

/** Run replicates [from, to) of every strategy. Checks `signal` between replicates (and yields, so a worker hears a cancel). */
export async function runReplicatesRequest(
  req: ReplicatesRequest,
  opts: { signal?: { aborted: boolean }; onProgress?: (done: number) => void } = {},
): Promise<ReplicatesResponse> {
  const prep = await prepared(req.experiment);
  const S = prep.strategies.length;
  const results: ReplicateResult[][] = prep.strategies.map(() => []);
  let trace: Trace | undefined;
  let done = 0;
  for (let r = req.from; r < req.to; r++) {
    for (let s = 0; s < S; s++) {
      if (opts.signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
      const res = runReplicate(prep, s, r, r === 0 && s === 0 && !!req.network);
      if (res.trace) {
        trace = res.trace;
        delete res.trace;
      }
      results[s].push(res);
      opts.onProgress?.(++done);
      // Let a cancel message in between replicates (a replicate is synchronous work).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  const out: ReplicatesResponse = { meta: experimentMeta(prep), results };
  if (trace && req.network) {
    out.trace = trace;
    out.network = networkSample(prep, 0, trace, req.network, createRng(prep.experiment.run.seed).fork('network'));
  }
  return out;
}
