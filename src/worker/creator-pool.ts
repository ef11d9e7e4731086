/**
 * A pool of creator workers: batches of STOP_BATCH replicates go to whichever worker is
 * free; results are kept in replicate order and the early-stop rule is applied to the
 * contiguous prefix only, so the pool stops where the single-threaded `runExperiment`
 * would (same figures for the same experiment, however the batches were scheduled).
 */
import { STOP_BATCH, assembleResult, stopPoint, type ExperimentMeta, type ExperimentResult, type NetworkSample, type ReplicateResult, type Trace } from '../core/creator';
import type { CreatorApi, ReplicatesRequest, ReplicatesResponse } from './creator-protocol';
import { connect, type Endpoint } from './rpc';

export interface PoolProgress {
  done: number;
  total: number;
}

export interface PoolOutcome {
  result: ExperimentResult;
  network?: NetworkSample;
}

/** One replicates call: the in-process function or a worker client. */
export type ReplicatesCall = (req: ReplicatesRequest, opts: { signal: AbortSignal; onProgress: (n: number) => void }) => Promise<ReplicatesResponse>;

/** A worker-backed call (Vite bundles the worker as its own chunk). */
export function workerCall(): { call: ReplicatesCall; close(): void } {
  const worker = new Worker(new URL('./creator.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint;
  const client = connect<CreatorApi>(worker, 'Creator worker');
  return { call: (req, opts) => client.call('replicates', req, opts), close: () => client.close('Creator worker closed') };
}

/** Run an experiment on `calls` (one per worker). `requested` and the strategy count come from the experiment. */
export async function runPool(
  experiment: unknown,
  requested: number,
  strategies: number,
  calls: ReplicatesCall[],
  opts: { signal?: AbortSignal; onProgress?: (p: PoolProgress) => void; network?: number } = {},
): Promise<PoolOutcome> {
  const batches = Math.ceil(requested / STOP_BATCH);
  const per: ReplicateResult[][][] = []; // batch -> strategy -> replicates
  let meta: ExperimentMeta | null = null;
  let trace: Trace | undefined;
  let network: NetworkSample | undefined;
  let next = 0;
  let stopAt: number | null = null;
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort();
  opts.signal?.addEventListener('abort', onOuterAbort);
  const progressOf = new Map<number, number>();
  const report = () => {
    let done = 0;
    for (const v of progressOf.values()) done += v;
    opts.onProgress?.({ done: Math.min(done, requested * strategies), total: requested * strategies });
  };
  const prefix = (): ReplicateResult[][] => {
    const out: ReplicateResult[][] = Array.from({ length: strategies }, () => []);
    for (let b = 0; b < batches && per[b]; b++) for (let s = 0; s < strategies; s++) out[s].push(...per[b][s]);
    return out;
  };
  const worker = async (call: ReplicatesCall) => {
    while (stopAt === null && next < batches && !inner.signal.aborted) {
      const b = next++;
      const from = b * STOP_BATCH;
      const to = Math.min(requested, from + STOP_BATCH);
      const res = await call({ experiment, from, to, ...(b === 0 && opts.network ? { network: opts.network } : {}) }, {
        signal: inner.signal,
        onProgress: (n) => {
          progressOf.set(b, n);
          report();
        },
      });
      meta = res.meta;
      per[b] = res.results;
      if (res.trace) trace = res.trace;
      if (res.network) network = res.network;
      const got = prefix();
      const stop = stopPoint(got, requested, res.meta.stopWidth);
      if (stop !== null && stopAt === null) {
        stopAt = stop;
        if (stop < requested) inner.abort();
      }
    }
  };
  try {
    await Promise.all(calls.map((c) => worker(c).catch((e: unknown) => {
      // Batches cancelled because the rule already stopped the run are not errors.
      if (stopAt !== null && (e as Error)?.name === 'AbortError') return;
      inner.abort();
      throw e;
    })));
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (opts.signal?.aborted) throw Object.assign(new Error('Cancelled'), { name: 'AbortError' });
  if (!meta || stopAt === null) throw new Error('The creator run ended without results');
  const n = stopAt;
  const results = prefix().map((r) => r.slice(0, n));
  return { result: assembleResult(meta, results, n < requested, trace), ...(network ? { network } : {}) };
}
