/**
 * Two restarts in quick succession while a recorded session plays (Restart / New run
 * confirmed, then again before the first had stopped the recorder). The first restart waited
 * for the recorder and only then took its run number, so it came after the second: the
 * second, already under way, was left running unaborted in the background (a human-mode run
 * of it asked the person for decisions beside the visible one; an LLM run kept calling the
 * server), and History got a session nobody watched (recorded whole in the background) or
 * one "running" with 0 items that nothing would finish. Now the later request wins, and the
 * earlier one starts nothing.
 * Real recorder over fake-indexeddb, real core, rule-based user.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { Playback } from '../../src/ui/state/playback.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';
import { getAppDb } from '../../src/storage/open';

describe('two restarts in a row', () => {
  it('leave one run going, and nothing "running" in the history', async () => {
    // Instant pacing; the first session holds after one item (Step), being recorded.
    const p = new Playback();
    p.instant = true;
    const c = new LiveController(p);
    const data = new DataStore();
    const settings = decodeSettings('seed=7&turns=2&k=3');
    const first = c.run(settings, data, { stepFirst: true });
    const db = await getAppDb();
    await vi.waitFor(async () => expect((await db.sessions.toArray()).map((r) => r.status)).toEqual(['running']), { timeout: 20_000, interval: 20 });
    const a = c.run(settings, data);
    const b = c.run(settings, data);
    await Promise.all([first, a, b]);
    expect(c.session.status).toBe('ended');
    expect(c.session.error).toBeNull();
    await vi.waitFor(async () => {
      const rows = await db.sessions.toArray();
      expect(rows.map((r) => r.status).sort()).toEqual(['complete', 'stopped']);
    }, { timeout: 10_000, interval: 50 });
  }, 40_000);
});
