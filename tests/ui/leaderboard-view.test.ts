/**
 * The leaderboard view in jsdom: renders the rows of a given result, sorts on header
 * click with aria-sort, runs through an injected runner with progress, cancels, caches
 * the result, and draws both charts.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LeaderboardView from '../../src/ui/leaderboard/LeaderboardView.svelte';
import { CACHE_KEY, clearMemoryCache, loadCached, type JudgeRunner, type LeaderboardRunner } from '../../src/ui/leaderboard/leaderboard-state.svelte';
import type { LeaderboardResult } from '../../src/core/eval/leaderboard';
import { fixtureResult } from '../core/eval/leaderboard-fixture';

const names = () => screen.getAllByTestId('leaderboard-row').map((r) => within(r).getByRole('rowheader').textContent);

beforeEach(() => {
  clearMemoryCache();
  localStorage.clear();
});
afterEach(cleanup);

describe('LeaderboardView', () => {
  it('renders one row per recommender with the displayed cells, the benchmark and both charts', () => {
    render(LeaderboardView, { initial: fixtureResult });
    expect(names()).toEqual(['popular', 'popular+follow']);
    const first = screen.getAllByTestId('leaderboard-row')[0];
    const watch = within(first).getAllByRole('cell')[0];
    expect(watch.firstChild?.textContent).toBe('120.5');
    expect(watch.querySelector('.ci')?.textContent).toBe('[108.3, 132.8]');
    expect(first.textContent).toContain('12.5%');
    expect(screen.getByTestId('leaderboard-benchmark').textContent).toContain('10 seeded users');
    expect(screen.getAllByTestId('ndcg-retention-point')).toHaveLength(2);
    expect(screen.getByTestId('watch-bar-popular')).toBeTruthy();
    expect(screen.getByTestId('watch-bar-popular+follow')).toBeTruthy();
    expect(screen.getByTestId('chart-ndcg-retention').textContent).toContain('repetitive');
  });

  it('sorts on header click and flips on a second click, with aria-sort', async () => {
    render(LeaderboardView, { initial: fixtureResult });
    const btn = screen.getByTestId('leaderboard-sort-compliance');
    const th = btn.closest('th')!;
    expect(th.getAttribute('aria-sort')).toBeNull();
    await fireEvent.click(btn);
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['popular+follow', 'popular']);
    await fireEvent.click(btn);
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['popular', 'popular+follow']);
    // A missing value (the plain row's verdict) sorts last in both directions.
    await fireEvent.click(screen.getByTestId('leaderboard-sort-verdict'));
    expect(names()).toEqual(['popular+follow', 'popular']);
    expect(th.getAttribute('aria-sort')).toBeNull();
  });

  it('runs through the runner with progress, shows and caches the result', async () => {
    let finish!: (r: LeaderboardResult) => void;
    const runner: LeaderboardRunner = (_req, opts) =>
      new Promise((resolve) => {
        opts.onProgress?.({ stage: 'offline', done: 3, total: 4, recommender: 'popular+follow' });
        finish = resolve;
      });
    render(LeaderboardView, { initial: null, runner });
    expect(screen.getByTestId('leaderboard-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    await waitFor(() => expect(screen.getByTestId('leaderboard-progress').textContent).toContain('75%'));
    expect(screen.getByTestId('leaderboard-progress').textContent).toContain('offline NDCG/Recall: popular+follow');
    expect((screen.getByTestId('leaderboard-run') as HTMLButtonElement).disabled).toBe(true);
    finish(fixtureResult);
    await waitFor(() => expect(screen.getAllByTestId('leaderboard-row')).toHaveLength(2));
    expect(JSON.parse(localStorage.getItem(CACHE_KEY)!)).toEqual(fixtureResult);
    cleanup();
    // Revisiting the tab (no initial given) shows the cached result.
    render(LeaderboardView, {});
    expect(names()).toEqual(['popular', 'popular+follow']);
  });

  it('cancels a run: the signal aborts and the previous table stays', async () => {
    let seen: AbortSignal | undefined;
    const runner: LeaderboardRunner = (_req, opts) =>
      new Promise((_res, reject) => {
        seen = opts.signal;
        opts.signal?.addEventListener('abort', () => {
          const e = new Error('cancelled');
          e.name = 'AbortError';
          reject(e);
        });
      });
    render(LeaderboardView, { initial: fixtureResult, runner });
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    await fireEvent.click(await screen.findByTestId('leaderboard-cancel'));
    expect(seen?.aborted).toBe(true);
    await waitFor(() => expect(screen.getByTestId('leaderboard-error').textContent).toContain('Cancelled'));
    expect(names()).toEqual(['popular', 'popular+follow']);
    expect(screen.queryByTestId('leaderboard-cancel')).toBeNull();
  });

  it('a first run cancelled does not speak of a previous table that is not there', async () => {
    const runner: LeaderboardRunner = (_req, opts) =>
      new Promise((_res, reject) => {
        opts.signal?.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })));
      });
    render(LeaderboardView, { initial: null, runner });
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    await fireEvent.click(await screen.findByTestId('leaderboard-cancel'));
    // It said "Cancelled; the table shows the previous result." above "No result yet".
    await waitFor(() => expect(screen.getByTestId('leaderboard-error').textContent).toBe('Cancelled.'));
    expect(screen.getByTestId('leaderboard-empty')).toBeTruthy();
  });

  it("names the recommender in progress with a hidden direction control flagged, not applied (a URL's U+202E reversed the line)", async () => {
    const name = 'http://127.0.0.1:8001/\u202Eevil';
    let stop!: () => void;
    const runner: LeaderboardRunner = (_req, opts) =>
      new Promise((_res, reject) => {
        opts.onProgress?.({ stage: 'sessions', done: 1, total: 8, recommender: name });
        stop = () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      });
    const judgeRunner: JudgeRunner = (_req, opts) =>
      new Promise((_res, reject) => {
        opts.onProgress?.(1, 8, name);
        stop = () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      });
    render(LeaderboardView, { initial: null, runner, judgeRunner });
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    let line = await screen.findByTestId('leaderboard-progress');
    expect(line.textContent).toMatch(/simulated sessions: http:\/\/127\.0\.0\.1:8001\/U\+202Eevil/);
    expect(line.textContent).not.toContain('\u202E');
    stop();
    await waitFor(() => expect(screen.queryByTestId('leaderboard-progress')).toBeNull());
    await fireEvent.click(screen.getByTestId('leaderboard-judge'));
    line = await screen.findByTestId('leaderboard-judge-progress');
    expect(line.textContent).toMatch(/judged: http:\/\/127\.0\.0\.1:8001\/U\+202Eevil/);
    expect(line.textContent).not.toContain('\u202E');
    stop();
    await waitFor(() => expect(screen.queryByTestId('leaderboard-judge-progress')).toBeNull());
  });

  it('one session per recommender (a one-user dataset) claims no interval in the table or the chart (it showed [x, x])', () => {
    const one = (m: { mean: number }) => ({ mean: m.mean, lo: m.mean, hi: m.mean, n: 1 });
    const result = { ...fixtureResult, rows: fixtureResult.rows.map((r) => ({ ...r, sessions: 1, watchSec: one(r.watchSec), turns: one(r.turns), itemsViewed: one(r.itemsViewed), retention: one(r.retention) })) };
    render(LeaderboardView, { initial: result, runner: () => Promise.reject(new Error('must not run')) });
    const cells = [...screen.getAllByTestId('leaderboard-row')[0].querySelectorAll('td')].slice(0, 4).map((td) => td.textContent ?? '');
    expect(cells[0]).toBe('120.5one session: no interval');
    for (const c of cells) expect(c).not.toMatch(/\[/);
    const bar = screen.getByTestId('watch-bar-popular');
    expect(bar.querySelectorAll('line.whisker')).toHaveLength(0);
    expect(bar.querySelector('title')?.textContent).toBe('popular: 120.5 s (one session: no interval)');
  });

  it('shows a failed run as text', async () => {
    const runner: LeaderboardRunner = () => Promise.reject(new Error('<b>boom</b>'));
    render(LeaderboardView, { initial: null, runner });
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    const err = await screen.findByTestId('leaderboard-error');
    expect(err.textContent).toBe('<b>boom</b>');
    expect(err.querySelector('b')).toBeNull();
  });

  it('exports judged trajectories: runs the judge, downloads the JSONL, reports what was kept', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:judged';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const jsonl = '{"trajectory":{"id":"t1"},"verdict":{"pass":true}}\n';
    const judgeRunner: JudgeRunner = async (_req, opts) => {
      opts.onProgress?.(1, 2, 'popular');
      return { judge: 'rule', rows: [{ recommender: 'popular', sessions: 10, judged: 4, passed: 1 }, { recommender: 'popular+follow', sessions: 10, judged: 5, passed: 5 }], jsonl };
    };
    render(LeaderboardView, { initial: fixtureResult, judgeRunner });
    await fireEvent.click(screen.getByTestId('leaderboard-judge'));
    const note = await screen.findByTestId('leaderboard-judged');
    expect(note.textContent).toContain('kept 6 of 9 sessions');
    expect(note.textContent).toContain('popular+follow 5/5');
    expect(clicked).toEqual(['judged-trajectories.jsonl']);
    expect(await blobs[0].text()).toBe(jsonl);
    click.mockRestore();
  });

  it('ignores a corrupt cache', () => {
    localStorage.setItem(CACHE_KEY, '{not json');
    expect(loadCached()).toBeNull();
    localStorage.setItem(CACHE_KEY, JSON.stringify({ rows: 'x' }));
    expect(loadCached()).toBeNull();
  });

  it('ignores a cache of another shape, and the view still offers Run (it threw while rendering, stuck on "loading…")', async () => {
    const row = fixtureResult.rows[0];
    const broken: unknown[] = [
      { rows: [{ recommender: 'x' }], description: 'd', benchmark: {} },
      { ...fixtureResult, medians: undefined },
      { ...fixtureResult, rows: [null] },
      { ...fixtureResult, rows: [{ ...row, retention: { mean: null, lo: null, hi: null, n: 0 } }] }, // NaN saved as null
      { ...fixtureResult, rows: [{ ...row, ndcg: null }] },
      // A hand edit that repeats a recommender: the table and charts key rows by name (Svelte's duplicate-key error).
      { ...fixtureResult, rows: [row, { ...fixtureResult.rows[1], recommender: row.recommender }] },
      { ...fixtureResult, bases: ['popular', 'popular'] },
    ];
    for (const v of broken) {
      clearMemoryCache();
      localStorage.setItem(CACHE_KEY, JSON.stringify(v));
      expect(loadCached(), JSON.stringify(v).slice(0, 80)).toBeNull();
    }
    // The view opened on the last of them, as the app opens on its cache.
    clearMemoryCache();
    render(LeaderboardView, { initial: loadCached() });
    expect((screen.getByTestId('leaderboard-run') as HTMLButtonElement).textContent).toMatch(/Run benchmark/);
    expect(screen.queryByTestId('leaderboard-table')).toBeNull();
    // A real result still loads.
    clearMemoryCache();
    localStorage.setItem(CACHE_KEY, JSON.stringify(fixtureResult));
    expect(loadCached()).toEqual(fixtureResult);
  });
  it('says once, as a note, that a saved result could not be shown, until a run finishes (it showed "No result yet" without a word)', async () => {
    const row = fixtureResult.rows[0];
    // A repeated recommender: isDrawableResult refuses it.
    localStorage.setItem(CACHE_KEY, JSON.stringify({ ...fixtureResult, rows: [row, { ...fixtureResult.rows[1], recommender: row.recommender }] }));
    let finish!: (r: LeaderboardResult) => void;
    const runner: LeaderboardRunner = () => new Promise((resolve) => (finish = resolve));
    render(LeaderboardView, { runner });
    const notes = screen.getAllByTestId('leaderboard-unreadable-cache');
    expect(notes).toHaveLength(1);
    expect(notes[0].textContent).toMatch(/saved leaderboard could not be shown.*run it again/i);
    expect(notes[0].classList.contains('muted')).toBe(true);
    expect(notes[0].getAttribute('role')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await fireEvent.click(screen.getByTestId('leaderboard-run'));
    finish(fixtureResult);
    await waitFor(() => expect(screen.getAllByTestId('leaderboard-row')).toHaveLength(2));
    expect(screen.queryByTestId('leaderboard-unreadable-cache')).toBeNull();
    cleanup();
    // No cache at all, or a readable one: no note.
    clearMemoryCache();
    localStorage.clear();
    render(LeaderboardView, { runner });
    expect(screen.getByTestId('leaderboard-empty')).toBeTruthy();
    expect(screen.queryByTestId('leaderboard-unreadable-cache')).toBeNull();
    cleanup();
    localStorage.setItem(CACHE_KEY, JSON.stringify(fixtureResult));
    render(LeaderboardView, { runner });
    expect(screen.queryByTestId('leaderboard-unreadable-cache')).toBeNull();
  });
});
