/**
 * The Batch worker's run function cancelled while it fits an imported dataset's response
 * model. The fit holds the worker's thread, so the page's cancel message is read only after
 * it: the run must look at its signal then, before fitting recommenders and running users
 * (it went on to fit and run sessions, and the next run waited behind it at "0 / N").
 */
import { describe, expect, it, vi } from 'vitest';
import type { RunWorld } from '../../../src/core/run/build-run';

/** What the fake fit does while it "runs" (set by each test). */
const during: { fit: (() => void) | null } = { fit: null };

vi.mock('../../../src/worker/dataset', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/worker/dataset')>();
  return {
    ...real,
    // The built-in world, reached as after a long response-model fit: the stage is said, and
    // whatever arrives during the fit (a cancel message) is queued until the thread is free.
    resolveRunWorld: async (catalogId: string, _dataset: unknown, onStage?: (s: 'fitting the response model') => void): Promise<RunWorld> => {
      const world = await real.resolveRunWorld(catalogId, undefined);
      onStage?.('fitting the response model');
      await new Promise((r) => setTimeout(r, 0));
      during.fit?.();
      return world;
    },
  };
});

const { runBatchRequest } = await import('../../../src/worker/batch-run');

const request = { run: { users: { kind: 'population' as const, size: 6 }, seed: 5, turns: 4, listSize: 4 }, recommenders: ['popular', 'mf-bpr'] };

describe('Batch worker: cancel during the response-model fit', () => {
  it('stops right after the fit: no user run, no row', async () => {
    const ac = new AbortController();
    // The page's cancel, posted while the fit holds the thread: delivered as a task once it is free.
    during.fit = () => void setTimeout(() => ac.abort(), 0);
    const progress: { done: number; stage?: string }[] = [];
    try {
      const out = await runBatchRequest(request, { signal: ac.signal, onProgress: (p) => void progress.push({ done: p.done, stage: p.stage }) });
      expect(ac.signal.aborted).toBe(true);
      expect(out.stopped).toBe(true);
      expect(out.rows).toEqual([]);
      expect(progress).toEqual([{ done: 0, stage: 'fitting the response model' }]);
    } finally {
      during.fit = null;
    }
  });

  it('runs to the end when nothing cancels it', async () => {
    const out = await runBatchRequest(request);
    expect(out.stopped).toBe(false);
    expect(out.rows).toHaveLength(12);
  });
});
