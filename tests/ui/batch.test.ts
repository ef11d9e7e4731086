import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import { runBatchRequest, summarize } from '../../src/worker/batch-run';
import type { BatchRequest } from '../../src/worker/protocol';

const small: BatchRequest = { run: { users: { kind: 'population', size: 6 }, seed: 5, turns: 4, listSize: 4, instructions: true }, recommenders: ['popular', 'content+follow'] };

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
    const c = await runBatchRequest({ ...small, run: { ...small.run, seed: 6 } });
    expect(c.rows).not.toEqual(a.rows);
    expect(summarize([])).toEqual([]);
  });

  it('runs the personas first, then population variants (as every N-user run)', async () => {
    const out = await runBatchRequest({ ...small, recommenders: ['popular'] });
    const ids = out.rows.map((r) => r.userId);
    expect(ids[0]).toBe('persona-maya');
    expect(ids.every((id) => id.startsWith('persona-'))).toBe(true);
    await expect(runBatchRequest({ ...small, recommenders: ['no-such-recommender'] })).rejects.toThrow(/"no-such-recommender" is unknown/);
    await expect(runBatchRequest({ ...small, run: { ...small.run, catalog: 'elsewhere' } })).rejects.toThrow(/built-in catalog/);
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

  it('BatchView names the recommender in progress after the session count, spaced', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The real batch, its answer held back so the view shows a running batch's last progress.
    render(BatchView, { runner: async (req, opts) => { const out = await runBatchRequest(req, opts); await held; return out; } });
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '2' } });
    await fireEvent.click(screen.getByTestId('batch-run'));
    // It read "4 sessions· content+follow" (Svelte trims the space opening an {#if} block).
    await waitFor(() => expect(screen.getByTestId('batch-progress-text').textContent).toMatch(/\d+ sessions · content\+follow$/), { timeout: 20_000 });
    release();
    await screen.findByTestId('batch-done');
  });

  it('BatchView asks for a recommender when none is chosen', async () => {
    render(BatchView, { runner: () => Promise.reject(new Error('must not run')) });
    for (const name of ['popular', 'content', 'content+follow']) await fireEvent.click(screen.getByTestId(`batch-rec-${name}`));
    await fireEvent.click(screen.getByTestId('batch-run'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/at least one recommender/));
    // Said until the next Run, after a recommender was ticked: the alert stayed beside a form with nothing wrong.
    await fireEvent.click(screen.getByTestId('batch-rec-popular'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('BatchView: a batch cancelled before some recommenders ran draws the same recommenders in its charts as in its table', async () => {
    // Cancelled during the first recommender: only its rows came back.
    const runner = async (req: BatchRequest, opts: Parameters<typeof runBatchRequest>[1]) => {
      const out = await runBatchRequest({ ...req, recommenders: [req.recommenders[0]] }, opts);
      return { ...out, request: req, stopped: true };
    };
    render(BatchView, { runner });
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '2' } });
    await fireEvent.click(screen.getByTestId('batch-run'));
    expect((await screen.findByTestId('batch-done', {}, { timeout: 20_000 })).textContent).toMatch(/^\s*Cancelled/);
    expect(screen.getAllByTestId('batch-result-row')).toHaveLength(1);
    // The histograms drew "content (n=0)" and "content+follow (n=0)": empty rows for recommenders that never ran.
    for (const id of ['batch-chart-watch', 'batch-chart-turns']) expect(screen.getByTestId(id).querySelectorAll('.grp'), id).toHaveLength(1);
  });
});

