/**
 * Restart pressed while a new session's database row is being opened (the first run of a
 * page loads Dexie and opens the database: a wide window; pressing N, R, Enter quickly hits
 * it). The stopped run's recorder arrived after stop() had looked for it, so it was never
 * stopped: History showed a session "RUNNING" with 0 items that was not running (then
 * "interrupted" on the next visit), and it took the new run's place as the one to stop.
 * Real recorder over fake-indexeddb, real core, rule-based user.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { Playback } from '../../src/ui/state/playback.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';
import { getAppDb } from '../../src/storage/open';

describe('restart while the recorder opens', () => {
  it('leaves no session "running" in the history, and the new run is recorded whole', async () => {
    const p = new Playback();
    p.instant = true;
    const c = new LiveController(p);
    const data = new DataStore();
    const settings = decodeSettings('seed=7&turns=2&k=3');
    const first = c.run(settings, data);
    // The run is under way (session_start goes to the recorder, which is still opening).
    for (let i = 0; i < 5000 && c.session.status !== 'running'; i++) await new Promise((r) => setTimeout(r, 0));
    expect(c.session.status).toBe('running');
    expect(c.session.series.length).toBe(0);
    const second = c.run(settings, data);
    await first;
    await second;
    expect(c.session.status).toBe('ended');
    const db = await getAppDb();
    await vi.waitFor(async () => {
      const rows = await db.sessions.toArray();
      expect(rows.map((r) => r.status).sort()).toEqual(['complete', 'stopped']);
    }, { timeout: 10_000, interval: 50 });
    const rows = await db.sessions.toArray();
    expect(rows.find((r) => r.status === 'complete')!.summary.items).toBeGreaterThan(0);
  });
});
