import { describe, expect, it } from 'vitest';
import { Playback } from '../../src/ui/state/playback.svelte';
import { decision } from './fixtures';

const itemStart = { type: 'item_start', turn: 0, position: 0, itemId: 'a' } as const;
const decided = { type: 'decision', turn: 0, decision: decision('a', 0, ['skip'], 0, { satisfaction: 1, timeLeftSec: 1 }) } as const;

/** Resolves to true if `p` settles before a few macrotasks have run. */
async function settlesSoon(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('playback clock', () => {
  it('holds while paused and lets go on resume', async () => {
    const pb = new Playback();
    pb.instant = true;
    pb.pause();
    const held = pb.gate(itemStart);
    expect(await settlesSoon(held)).toBe(false);
    pb.resume();
    expect(await settlesSoon(held)).toBe(true);
  });

  it('step lets events through up to the next decision, then holds again', async () => {
    const pb = new Playback();
    pb.instant = true;
    pb.pause();
    const a = pb.gate(itemStart);
    pb.step();
    expect(await settlesSoon(a)).toBe(true);
    expect(await settlesSoon(pb.gate(itemStart))).toBe(true);
    // The decision ends the step: it and what follows are held.
    expect(await settlesSoon(pb.gate(decided))).toBe(false);
    expect(pb.paused).toBe(true);
  });

  it('abort releases a held run', async () => {
    const pb = new Playback();
    pb.instant = true;
    pb.pause();
    const held = pb.gate(itemStart);
    pb.abort();
    expect(await settlesSoon(held)).toBe(true);
    expect(await settlesSoon(pb.gate(itemStart))).toBe(true);
  });
});
