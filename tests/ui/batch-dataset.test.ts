/**
 * The Batch view on a MovieLens dataset imported in this tab: the catalog menu offers it,
 * the request carries the dataset (the worker fits the response model on it), the rows are
 * the dataset's users, and a dataset the tab no longer holds is a clear error.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import { BatchState } from '../../src/ui/batch/batch-state.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { clearDatasetCache } from '../../src/worker/dataset';
import { runBatchRequest } from '../../src/worker/batch-run';
import type { BatchProgress, BatchRequest } from '../../src/worker/protocol';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

describe('Batch on an imported MovieLens dataset', () => {
  afterEach(() => cleanup());

  it('offers the dataset, sends it with the request, shows the fitting stage and runs its users', async () => {
    const data = new DataStore();
    expect(await data.importMovieLens(movieWorldCsv({ users: 20, movies: 120, seed: 4 }))).toBe('ml-latest');
    const settings = new SettingsState('');
    settings.set({ catalog: 'ml-latest' });
    const seen: { req: BatchRequest; stages: string[] }[] = [];
    // In-process, on a copy of the catalog (as a worker receives it: no model attached yet).
    clearDatasetCache();
    const runner = async (req: BatchRequest, opts: { onProgress?: (p: BatchProgress) => void }) => {
      const stages: string[] = [];
      seen.push({ req, stages });
      const copy = { ...req, dataset: req.dataset && { catalog: { ...req.dataset.catalog }, users: req.dataset.users } };
      return runBatchRequest(copy, { onProgress: (p) => (p.stage && stages.push(p.stage), opts.onProgress?.(p)) });
    };
    render(BatchView, { runner, data, settings });
    const menu = screen.getByTestId('batch-catalog') as HTMLSelectElement;
    expect([...menu.options].map((o) => o.value)).toEqual(['shortvideo', 'ml-latest']);
    expect(menu.value).toBe('ml-latest');
    expect(screen.getByText(/the dataset's first N users, their movies judged by the response model/)).toBeTruthy();
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('batch-rec-content'));
    await fireEvent.click(screen.getByTestId('batch-run'));
    await screen.findByTestId('batch-results', {}, { timeout: 20_000 });
    expect(seen[0].req.run.catalog).toBe('ml-latest');
    expect(seen[0].req.dataset?.users).toHaveLength(20);
    expect(seen[0].stages).toEqual(['fitting the response model']);
    expect(screen.getByTestId('batch-done').textContent).toMatch(/Done: 6 sessions/);

    // The built-in catalog again: no dataset goes with the request.
    await fireEvent.change(menu, { target: { value: 'shortvideo' } });
    await fireEvent.click(screen.getByTestId('batch-run'));
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1].req.run.catalog).toBe('shortvideo');
    expect(seen[1].req.dataset).toBeUndefined();
  }, 60_000);

  it('a dataset this tab does not hold: a clear error, nothing runs', async () => {
    const b = new BatchState(() => Promise.reject(new Error('must not run')), { datasetFor: () => undefined });
    b.catalog = 'ml-latest';
    await b.run();
    expect(b.error).toMatch(/Dataset "ml-latest" is not imported in this tab: import the MovieLens folder again/);
    expect(b.running).toBe(false);
  });
  it('Cancel while the worker fits the response model ends the run at once (it waited for the fit), and the late answer changes nothing', async () => {
    const data = new DataStore();
    expect(await data.importMovieLens(movieWorldCsv({ users: 8, movies: 60, seed: 5 }))).toBe('ml-latest');
    const settings = new SettingsState('');
    settings.set({ catalog: 'ml-latest' });
    // As the worker does: it says the stage, then holds its thread for the fit and reads the cancel only after.
    let releaseFit = () => {};
    const fit = new Promise<void>((r) => (releaseFit = r));
    let late: Promise<unknown> | null = null;
    const runner = (req: BatchRequest, opts: { onProgress?: (p: BatchProgress) => void; signal?: AbortSignal }) => {
      late = (async () => {
        opts.onProgress?.({ done: 0, total: 3, recommender: '', userId: '', sessions: 0, stage: 'fitting the response model' });
        await fit;
        opts.onProgress?.({ done: 3, total: 3, recommender: 'popular', userId: 'u', sessions: 3 });
        return { request: req, rows: [], summary: [], stopped: !!opts.signal?.aborted, elapsedMs: 9999 };
      })();
      return late as ReturnType<typeof runBatchRequest>;
    };
    render(BatchView, { runner, data, settings });
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('batch-run'));
    await waitFor(() => expect(screen.getByTestId('batch-progress-text').textContent).toMatch(/Fitting the response model/));
    await fireEvent.click(screen.getByTestId('batch-cancel'));
    try {
      await waitFor(() => expect(screen.getByTestId('batch-done').textContent).toMatch(/^Cancelled: 0 sessions/));
      expect((screen.getByTestId('batch-run') as HTMLButtonElement).disabled).toBe(false);
      expect((screen.getByTestId('batch-cancel') as HTMLButtonElement).disabled).toBe(true);
    } finally {
      releaseFit();
      await late;
    }
    // The cancelled run's late progress and outcome do not replace what was said.
    await waitFor(() => expect(screen.getByTestId('batch-done').textContent).toMatch(/^Cancelled: 0 sessions/));
    expect(screen.getByTestId('batch-done').textContent).not.toMatch(/10\.0 s/);
    expect(screen.getByTestId('batch-progress-text').textContent).toMatch(/^0 \/ 3 user runs/);
  });
});
