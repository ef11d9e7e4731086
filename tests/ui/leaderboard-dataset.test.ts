/**
 * The leaderboard view on a MovieLens dataset imported in this tab: the catalog menu
 * appears, a run sends the dataset with the benchmark's settings on its first users, the
 * worker's code fits the response model first (progress says so), and the benchmark panel
 * then names the dataset.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import LeaderboardView from '../../src/ui/leaderboard/LeaderboardView.svelte';
import { clearMemoryCache, type LeaderboardRunner } from '../../src/ui/leaderboard/leaderboard-state.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { clearDatasetCache } from '../../src/worker/dataset';
import { runLeaderboardRequest } from '../../src/worker/leaderboard-run';
import type { LeaderboardRequest } from '../../src/worker/leaderboard-protocol';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

beforeEach(() => {
  clearMemoryCache();
  localStorage.clear();
});
afterEach(cleanup);

describe('LeaderboardView on an imported dataset', () => {
  it('offers the dataset, sends it, shows the fitting stage, and names the dataset', async () => {
    render(LeaderboardView, { initial: null, runner: () => Promise.reject(new Error('no dataset yet')) });
    expect(screen.queryByTestId('leaderboard-catalog')).toBeNull();
    cleanup();

    const data = new DataStore();
    await data.importMovieLens(movieWorldCsv({ users: 12, movies: 100, seed: 6 }));
    const seen: LeaderboardRequest[] = [];
    const stages: string[] = [];
    clearDatasetCache();
    // The worker's own code in-process, on a copy of the catalog (as the worker receives it), one base to keep it short.
    const runner: LeaderboardRunner = (req, opts) => {
      seen.push({ ...req });
      const dataset = req.dataset && { catalog: { ...req.dataset.catalog }, users: req.dataset.users };
      return runLeaderboardRequest({ ...req, bases: ['popular'], maxTurns: 2, dataset }, { onProgress: (p) => (stages.push(p.stage), opts.onProgress?.(p)) });
    };
    render(LeaderboardView, { initial: null, runner, data });
    const menu = screen.getByTestId('leaderboard-catalog') as HTMLSelectElement;
    expect([...menu.options].map((o) => o.value)).toEqual(['shortvideo', 'ml-latest']);
    await fireEvent.change(menu, { target: { value: 'ml-latest' } });
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    await waitFor(() => expect(screen.getAllByTestId('leaderboard-row').length).toBe(2), { timeout: 30_000 });
    expect(seen[0].run).toMatchObject({ catalog: 'ml-latest', users: { kind: 'population', size: 12 } });
    expect(seen[0].dataset?.users).toHaveLength(12);
    expect(stages[0]).toBe('response-model');
    expect(screen.getByTestId('leaderboard-benchmark').textContent).toMatch(/Catalog "ml-latest", the dataset's first 12 users/);
  }, 60_000);
});
