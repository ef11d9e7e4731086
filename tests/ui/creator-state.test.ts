import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState, type PoolFactory } from '../../src/ui/creator/creator-state.svelte';
import { experimentFromHash, resultCsv, shareLink } from '../../src/ui/creator/creator-export';
import { runReplicatesRequest } from '../../src/worker/creator-run';
import { parseExperiment } from '../../src/core/creator';

/** The replicates in-process (the same function the worker serves). */
const inProcess: PoolFactory = () => ({ calls: [(req, opts) => runReplicatesRequest(req, opts)], close() {} });

describe('creator lab state', () => {
  it('the form round-trips through an experiment (what links and stored runs carry)', () => {
    const a = new CreatorState(inProcess);
    a.title = 'Crème brûlée in 60 s — “the crack”';
    a.topic = 'baking';
    a.audience = 'target';
    a.ages = ['13-17', '18-24'];
    a.regions = ['US', 'Canada'];
    a.interest = 'baking';
    a.postHour = 7;
    a.compare = 'schedule';
    a.compareSchedule = 'daily';
    a.users = 900;
    a.seed = 11;
    const exp = a.experiment();
    expect(() => parseExperiment(exp)).not.toThrow();
    const b = new CreatorState(inProcess);
    b.load(exp);
    expect(b.experiment()).toEqual(exp);
    // Through a share link and back (unicode title included).
    const link = shareLink('http://127.0.0.1:4173/?seed=3', exp);
    expect(new URL(link).searchParams.get('view')).toBe('creator');
    expect(experimentFromHash(new URL(link).hash)).toEqual(exp);
    expect(experimentFromHash('#other')).toBeNull();
    expect(() => experimentFromHash('#creator=%%%')).toThrow(/damaged/);
  });

  it('says which settings of a hand-edited link the form cannot hold (they were dropped without a word)', () => {
    const a = new CreatorState(inProcess);
    a.compare = 'schedule';
    const exp = a.experiment() as { run: Record<string, unknown>; strategies: Record<string, unknown>[] };
    expect(new CreatorState(inProcess).load(exp)).toEqual([]);
    const edited = {
      ...exp,
      run: { ...exp.run, catalog: 'elsewhere', recommender: { name: 'popular', params: { interactionWeight: 0.5 } } },
      strategies: [exp.strategies[0], { ...exp.strategies[1], postHour: 3 }],
    };
    const c = new CreatorState(inProcess);
    expect(c.load(edited)).toEqual(['run.catalog', 'run.recommender.params.interactionWeight', 'strategies.1.postHour']);
    // What the form can hold is loaded.
    expect(c.compare).toBe('schedule');
    expect(c.compareSchedule).toBe(exp.strategies[1].schedule);
  });

  it('the view says so when it opens such a link', async () => {
    const exp = new CreatorState(inProcess).experiment() as { run: Record<string, unknown> };
    location.hash = new URL(shareLink('http://127.0.0.1/', { ...exp, run: { ...exp.run, listSize: 9 } })).hash;
    try {
      render(CreatorView, { props: { data: { catalog: null, use: async () => undefined } as never, c: new CreatorState(inProcess) } });
      await waitFor(() => expect(screen.getByTestId('creator-error').textContent).toMatch(/cannot hold, so Run would not reproduce it: run\.listSize\./));
    } finally {
      location.hash = '';
      cleanup();
    }
  });

  it('says what is wrong instead of running a bad experiment', async () => {
    const c = new CreatorState(inProcess);
    c.source = 'item';
    c.itemId = '';
    await c.run();
    expect(c.error).toMatch(/itemId/);
    expect(c.result).toBeNull();
  });

  it('a run the worker refuses leaves no progress bar at 0 beside its error', async () => {
    const c = new CreatorState(inProcess);
    c.users = 100;
    c.replicates = 2;
    c.followers = 20;
    c.topic = 'drama'; // passes the form; the catalog refuses it in the worker
    await c.run();
    expect(c.error).toMatch(/post\.topic: "drama" is not a topic/);
    // It showed "0 / 2 replicates (0%)" under the error until the next run.
    expect(c.progress).toBeNull();
  });

  it('runs replicates through the pool and exports CSV with every horizon x metric', async () => {
    const c = new CreatorState(inProcess);
    c.users = 150;
    c.followers = 30;
    c.replicates = 3;
    await c.run();
    expect(c.error === null || /could not be stored/.test(c.error)).toBe(true);
    expect(c.result?.replicates).toBe(3);
    expect(c.progress).toEqual({ done: 3, total: 3 });
    expect(c.network!.nodes.length).toBe(150);
    expect(c.network!.x).toHaveLength(150);
    const csv = resultCsv(c.result!).trim().split('\n');
    expect(csv).toHaveLength(1 + 25);
    expect(csv[1]).toMatch(/^A,6h,views,/);
    // A label from a share link is CSV-quoted (it was JSON-quoted: \" where CSV wants "")
    // and a formula in it is defused for spreadsheets.
    const hostile = { ...c.result!, strategies: c.result!.strategies.map((s) => ({ ...s, label: '=HYPERLINK("http://x.example","go")' })) };
    expect(resultCsv(hostile).split('\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x\.example"",""go""\)",6h,views,/);
  });
});

describe('creator lab stored runs', () => {
  it('a stored run that cannot be read is said, not a silent failed click', async () => {
    const { openDb } = await import('../../src/storage/open');
    const db = await openDb();
    const good = new CreatorState(inProcess).experiment();
    await db.creatorRuns.put({ id: 'creator-bad-exp', createdAt: 1, title: 'old', experiment: { users: -5 }, result: { replicates: 2, strategies: [{}] } as never });
    await db.creatorRuns.put({ id: 'creator-bad-result', createdAt: 2, title: 'old', experiment: good, result: { rows: [] } as never });
    const c = new CreatorState(inProcess);
    await c.open('creator-bad-exp');
    expect(c.error).toMatch(/^That stored run cannot be shown: Invalid creator experiment: users/);
    await c.open('creator-bad-result');
    expect(c.error).toBe('That stored run cannot be shown: its result has another shape than this version reads');
    expect(c.result).toBeNull();
    await c.open('creator-gone');
    expect(c.error).toBe('That stored run is gone.');
  });
});

describe('creator lab stored run opened after a run', () => {
  it("does not show the last run's duration as the stored run's", async () => {
    const c = new CreatorState(inProcess);
    c.users = 150;
    c.followers = 30;
    c.replicates = 2;
    await c.run();
    expect(c.elapsedMs).toBeGreaterThan(0);
    const { openDb } = await import('../../src/storage/open');
    const db = await openDb();
    await db.creatorRuns.put({ id: 'creator-older', createdAt: 3, title: 'older', experiment: c.ran, result: { ...c.result!, seed: 9 } });
    await c.open('creator-older');
    expect(c.result?.seed).toBe(9);
    // The results line read "seed 9, 1.3 s": the 1.3 s were the other run's.
    expect(c.elapsedMs).toBe(0);
  });

  it('a stored run is not opened while a run goes on (its form was replaced under the running run, whose result then showed beside it)', async () => {
    const { openDb } = await import('../../src/storage/open');
    const db = await openDb();
    const stored = new CreatorState(inProcess);
    stored.title = 'Stored post';
    stored.users = 150;
    stored.followers = 30;
    stored.replicates = 2;
    await stored.run();
    expect(stored.result?.replicates).toBe(2);
    await db.creatorRuns.put({ id: 'creator-while', createdAt: 4, title: 'while', experiment: stored.ran, result: stored.result! });
    const c = new CreatorState(inProcess);
    c.users = 300;
    c.replicates = 200;
    const running = c.run();
    await new Promise((r) => setTimeout(r, 200));
    expect(c.running).toBe(true);
    await c.open('creator-while');
    expect(c.title).toBe('Hauling lobster traps at sunrise');
    expect(c.users).toBe(300);
    expect(c.result).toBeNull();
    c.cancel();
    await running;
  });
});

describe('creator lab cancel', () => {
  it('cancel stops the run between replicates and says so', async () => {
    const c = new CreatorState(inProcess);
    c.users = 300;
    c.replicates = 200;
    const running = c.run();
    await new Promise((r) => setTimeout(r, 400));
    expect(c.running).toBe(true);
    c.cancel();
    await running;
    expect(c.running).toBe(false);
    expect(c.error).toBe('Cancelled.');
    expect(c.result).toBeNull();
    expect(c.progress!.done).toBeLessThan(200);
  });
});
