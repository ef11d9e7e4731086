import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import { runBatchRequest, summarize } from '../../src/worker/batch-run';
import { createBatchClient, type WorkerLike } from '../../src/worker/batch-client';
import type { BatchRequest, FromWorker, ToWorker } from '../../src/worker/protocol';

const small: BatchRequest = { catalogId: 'shortvideo', users: 6, recommenders: ['popular', 'content+follow'], seed: 5, maxTurns: 4, listSize: 4, instructionsEnabled: true };

/** A worker stand-in that runs the real worker logic in this thread, through the same messages. */
function inThreadWorker(): WorkerLike & { posted: ToWorker[] } {
  const listeners: ((ev: MessageEvent<FromWorker>) => void)[] = [];
  const signals = new Map<number, { aborted: boolean }>();
  const emit = (m: FromWorker) => setTimeout(() => listeners.forEach((l) => l({ data: m } as MessageEvent<FromWorker>)), 0);
  const posted: ToWorker[] = [];
  return {
    posted,
    postMessage(msg: ToWorker) {
      posted.push(msg);
      if (msg.type === 'cancel') {
        signals.get(msg.id)!.aborted = true;
        return;
      }
      const signal = { aborted: false };
      signals.set(msg.id, signal);
      runBatchRequest(msg.request, { signal, onProgress: (progress) => emit({ type: 'progress', id: msg.id, progress }) })
        .then((outcome) => emit({ type: 'result', id: msg.id, outcome }))
        .catch((e: Error) => emit({ type: 'error', id: msg.id, message: e.message }));
    },
    addEventListener(type: string, fn: (ev: never) => void) {
      if (type === 'message') listeners.push(fn as (ev: MessageEvent<FromWorker>) => void);
    },
    terminate() {},
  };
}

describe('batch run', () => {
  afterEach(() => cleanup());

  it('runs N users x recommenders, deterministically, with summaries that match the rows', async () => {
    const progress: number[] = [];
    const a = await runBatchRequest(small, { onProgress: (p) => progress.push(p.done) });
    expect(a.rows).toHaveLength(12);
    expect(a.stopped).toBe(false);
    expect(progress.at(-1)).toBe(12);
    expect(a.summary.map((s) => s.recommender)).toEqual(['popular', 'content+follow']);
    const pop = a.rows.filter((r) => r.recommender === 'popular');
    expect(a.summary[0].watchSec.mean).toBeCloseTo(pop.reduce((x, r) => x + r.watchSec, 0) / pop.length, 9);
    expect(a.summary[0].watchSec.lo).toBeLessThanOrEqual(a.summary[0].watchSec.mean);
    expect(Object.values(a.summary[1].endReasons).reduce((x, n) => x + (n ?? 0), 0)).toBe(6);
    const b = await runBatchRequest(small);
    expect(b.rows).toEqual(a.rows);
    const c = await runBatchRequest({ ...small, seed: 6 });
    expect(c.rows).not.toEqual(a.rows);
    expect(summarize([])).toEqual([]);
  });

  it('the worker client has the in-process interface: progress, result, cancel, errors', async () => {
    const w = inThreadWorker();
    const client = createBatchClient(w);
    const seen: number[] = [];
    const out = await client.run(small, { onProgress: (p) => seen.push(p.done) });
    expect(out.rows).toEqual((await runBatchRequest(small)).rows);
    expect(seen.length).toBeGreaterThan(0);

    const ctrl = new AbortController();
    const cancelled = client.run({ ...small, users: 400 }, { signal: ctrl.signal, onProgress: (p) => p.done >= 2 && ctrl.abort() });
    const res = await cancelled;
    expect(res.stopped).toBe(true);
    expect(res.rows.length).toBeLessThan(800);
    expect(w.posted.some((m) => m.type === 'cancel')).toBe(true);

    await expect(client.run({ ...small, recommenders: ['no-such-recommender'] })).rejects.toThrow(/no-such-recommender/);
  });

  it('BatchView runs a batch and shows progress, the results table and the charts', async () => {
    render(BatchView, { runner: runBatchRequest });
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '5' } });
    await fireEvent.click(screen.getByTestId('batch-rec-content'));
    await fireEvent.click(screen.getByTestId('batch-run'));
    await screen.findByTestId('batch-results', {}, { timeout: 20_000 });
    expect(screen.getAllByTestId('batch-result-row').map((r) => r.querySelector('th')?.textContent)).toEqual(['popular', 'content+follow']);
    expect((screen.getByTestId('batch-progress') as HTMLProgressElement).value).toBe(10);
    expect(screen.getByTestId('batch-done').textContent).toMatch(/Done: 10 sessions/);
    for (const id of ['batch-chart-watch', 'batch-chart-turns', 'batch-chart-ends']) {
      expect(screen.getByTestId(id).querySelectorAll('rect').length).toBeGreaterThan(0);
    }
  });

  it('BatchView asks for a recommender when none is chosen', async () => {
    render(BatchView, { runner: () => Promise.reject(new Error('must not run')) });
    for (const name of ['popular', 'content', 'content+follow']) await fireEvent.click(screen.getByTestId(`batch-rec-${name}`));
    await fireEvent.click(screen.getByTestId('batch-run'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/at least one recommender/));
  });
});
