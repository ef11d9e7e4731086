/**
 * The page side of the batch worker, with the same interface as the in-process
 * `runBatchRequest(request, { onProgress, signal })`: a promise of the outcome, progress
 * through a callback, cancellation through an AbortSignal (the outcome then says `stopped`).
 */
import type { BatchApi, BatchOutcome, BatchRequest, BatchRunOptions } from './protocol';
import { connect, type Endpoint } from './rpc';

/** A client for one worker; runs may overlap (each has its own id). */
export interface BatchClient {
  run(request: BatchRequest, opts?: Pick<BatchRunOptions, 'onProgress'> & { signal?: AbortSignal }): Promise<BatchOutcome>;
  terminate(): void;
}

/** The real worker (Vite bundles it as a separate module chunk). */
export function createBatchWorker(): Endpoint {
  return new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint;
}

/** Wrap a worker (or a MessagePort served by the worker entry) in the promise-based interface. */
export function createBatchClient(worker: Endpoint = createBatchWorker()): BatchClient {
  const client = connect<BatchApi>(worker, 'Batch worker');
  return {
    run: (request, opts = {}) => client.call('run', request, opts),
    terminate: () => client.close('Batch worker terminated'),
  };
}
