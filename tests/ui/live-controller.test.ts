import { describe, expect, it, vi } from 'vitest';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { Playback } from '../../src/ui/state/playback.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';

function instant(): Playback {
  const p = new Playback();
  p.instant = true;
  return p;
}

describe('live controller (rule-based, built-in catalog)', () => {
  it('plays a whole session into the state, and the same link gives the same session', async () => {
    const settings = decodeSettings('seed=7&turns=3&k=4');
    const data = new DataStore();
    const a = new LiveController(instant());
    await a.run(settings, data, { record: false });
    expect(a.session.error).toBeNull();
    expect(a.session.status).toBe('ended');
    const tr = a.session.trajectory!;
    expect(tr.turns.length).toBeGreaterThan(0);
    expect(a.session.turns.length).toBe(tr.turns.length);
    expect(a.session.series.length).toBe(tr.turns.reduce((n, t) => n + t.decisions.length, 0));
    expect(a.session.turns[0].items.map((i) => i.id)).toEqual(tr.turns[0].slate.itemIds);

    const b = new LiveController(instant());
    await b.run(decodeSettings('seed=7&turns=3&k=4'), new DataStore(), { record: false });
    const tb = b.session.trajectory!;
    expect(tb.turns.map((t) => t.slate.itemIds)).toEqual(tr.turns.map((t) => t.slate.itemIds));
    expect(tb.turns.map((t) => t.decisions.map((d) => d.actions))).toEqual(tr.turns.map((t) => t.decisions.map((d) => d.actions)));
  });

  it('a Run before the shell has dropped unknown first= ids runs with the known ones (it failed)', async () => {
    const c = new LiveController(instant());
    await c.run(decodeSettings('seed=7&turns=1&k=4&first=no-such-item,sv-0096'), new DataStore(), { record: false });
    expect(c.session.error).toBeNull();
    expect(c.session.trajectory!.turns[0].slate.itemIds[0]).toBe('sv-0096');
  });

  it('steps one item at a time and can be stopped', async () => {
    const c = new LiveController(instant());
    const done = c.run(decodeSettings('seed=3'), new DataStore(), { record: false, stepFirst: true });
    await waitFor(() => c.session.series.length === 1 && c.playback.paused);
    // Held: nothing more happens without a step. Counted in event-loop turns, not
    // milliseconds: a paused run makes no progress however long the machine takes.
    await turns(50);
    expect(c.session.series.length).toBe(1);
    c.playback.step();
    await waitFor(() => c.session.series.length === 2);
    await c.stop();
    await done;
    expect(c.session.status).toBe('ended');
  });
});

/** Poll until `cond` holds (vi.waitFor: retries every 20 ms, fails after `ms`). */
async function waitFor(cond: () => boolean, ms = 15_000): Promise<void> {
  await vi.waitFor(() => {
    if (!cond()) throw new Error('condition not met');
  }, { timeout: ms, interval: 20 });
}

/** Let `n` macrotasks run (every queued timer, microtask and message in between). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('live controller without storage', () => {
  it('shows a storage problem and keeps running when the database cannot be opened', async () => {
    // jsdom has no IndexedDB: the recorder cannot open the database.
    expect((globalThis as { indexedDB?: unknown }).indexedDB).toBeUndefined();
    const c = new LiveController(instant());
    await c.run(decodeSettings('seed=11&turns=2'), new DataStore());
    expect(c.session.storageError).toMatch(/\S/);
    expect(c.session.status).toBe('ended');
    expect(c.session.trajectory?.turns.length).toBeGreaterThan(0);
    expect(c.session.savedAt).toBeNull();
  });
});

describe('live controller preview', () => {
  it('shows the chosen (edited) user before the first run', async () => {
    const data = new DataStore();
    await data.use('shortvideo');
    const c = new LiveController(instant());
    c.preview(decodeSettings('edits=' + encodeURIComponent('{"traits":{"timeBudgetSec":321},"interests":{"fishing":0.1}}')), data);
    expect(c.session.timeBudgetSec).toBe(321);
    expect(c.session.timeLeftSec).toBe(321);
    expect(c.session.interests.fishing).toBe(0.1);
    expect(c.user?.source).toBe('edited');
  });
});
