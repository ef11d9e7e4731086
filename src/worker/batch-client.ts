/**
 * The page side of the batch worker, with the same interface as the in-process
 * `runBatchRequest(request, { onProgress, signal })`: a promise of the outcome, progress
 * through a callback, cancellation through an AbortSignal-like object.
 */
import type { BatchOutcome, BatchRequest, BatchRunOptions, FromWorker, ToWorker } from './protocol';

/** Something that behaves like a Worker (the real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent) => void): void;
  terminate(): void;
}

/** A client for one worker; runs may overlap (each has its own id). */
export interface BatchClient {
  run(request: BatchRequest, opts?: BatchRunOptions & { signal?: AbortSignal | { readonly aborted: boolean } }): Promise<BatchOutcome>;
  terminate(): void;
}

/** The real worker (Vite bundles it as a separate module chunk). */
export function createBatchWorker(): WorkerLike {
  return new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Wrap a worker in the promise-based interface. */
export function createBatchClient(worker: WorkerLike = createBatchWorker()): BatchClient {
  let nextId = 1;
  const pending = new Map<number, { resolve(o: BatchOutcome): void; reject(e: Error): void; onProgress?: BatchRunOptions['onProgress'] }>();
  worker.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') p.onProgress?.(m.progress);
    else {
      pending.delete(m.id);
      if (m.type === 'result') p.resolve(m.outcome);
      else p.reject(new Error(m.message));
    }
  });
  worker.addEventListener('error', (ev: ErrorEvent) => {
    const err = new Error(`Batch worker failed: ${ev.message || 'could not start'}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  return {
    run(request, opts = {}) {
      const id = nextId++;
      return new Promise<BatchOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress: opts.onProgress });
        const sig = opts.signal;
        if (sig && 'addEventListener' in sig && typeof sig.addEventListener === 'function') {
          sig.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id }), { once: true });
        }
        worker.postMessage({ type: 'start', id, request: JSON.parse(JSON.stringify(request)) as BatchRequest });
      });
    },
    terminate() {
      worker.terminate();
      const err = new Error('Batch worker terminated');
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    },
  };
}
