/**
 * The Train view's state under a hasty user: Pause then Resume at once, Start pressed
 * twice, the view left while training is still starting. The real trainer runs in-process
 * (the worker's handlers); the wrapper only counts calls, it changes no result.
 */
import { describe, expect, it } from 'vitest';
import { inProcessTrainRunner } from './train-runner';
import { TrainState, type TrainRunner } from '../../src/ui/train/train-state.svelte';

/** The in-process trainer, counting `start` calls and the most `run` calls in flight at once. */
function counted(): TrainRunner & { starts: number; maxInFlight: number } {
  const inner = inProcessTrainRunner();
  let inFlight = 0;
  const r = {
    starts: 0,
    maxInFlight: 0,
    start: (s: Parameters<TrainRunner['start']>[0]) => {
      r.starts++;
      return inner.start(s);
    },
    run: async (n: number, onPoint: Parameters<TrainRunner['run']>[1]) => {
      r.maxInFlight = Math.max(r.maxInFlight, ++inFlight);
      try {
        // A chunk takes a moment in the worker; here too, so a second caller can overlap it.
        await new Promise((res) => setTimeout(res, 5));
        return await inner.run(n, onPoint);
      } finally {
        inFlight--;
      }
    },
    close: () => inner.close(),
  };
  return r;
}

const small = (t: TrainState) => {
  t.evalEvery = 4;
  t.evalUsers = 5;
  t.speed = 'slow';
  return t;
};
const tick = () => new Promise((r) => setTimeout(r, 0));
const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 3000 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

describe('Train view races', () => {
  it('Resume right after Pause runs one loop: one chunk at a time, each curve point once', { timeout: 60_000 }, async () => {
    const runner = counted();
    const t = small(new TrainState(runner, () => tick()));
    await t.start();
    await until(() => t.episode >= 4, 'the first chunk');
    // Pause, then Resume before the paused chunk has come back (the buttons allow it: Resume is enabled once running is false).
    void t.pause();
    await t.start();
    await until(() => t.episode >= 16, 'more chunks');
    await t.pause();
    expect(t.error).toBeNull();
    expect(runner.maxInFlight).toBe(1);
    const eps = t.points.map((p) => p.episode);
    expect(eps).toEqual([...new Set(eps)].sort((a, b) => a - b));
    expect(eps.slice(0, 4)).toEqual([0, 4, 8, 12]);
  });

  it('Start pressed twice while the trainer is starting starts it once', { timeout: 60_000 }, async () => {
    const runner = counted();
    const t = small(new TrainState(runner, () => tick()));
    const a = t.start();
    const b = t.start();
    await Promise.all([a, b]);
    await until(() => t.episode >= 8, 'two chunks');
    await t.pause();
    expect(runner.starts).toBe(1);
    expect(runner.maxInFlight).toBe(1);
  });

  it('leaving the view while training is starting leaves it paused, said on return', { timeout: 60_000 }, async () => {
    const runner = counted();
    const t = small(new TrainState(runner, () => tick()));
    const starting = t.start();
    await t.leave();
    await starting;
    await new Promise((r) => setTimeout(r, 200));
    expect(t.running).toBe(false);
    expect(t.started).toBe(true);
    expect(t.episode).toBe(0);
    expect(t.pausedOnLeave).toBe(0);
    expect(runner.maxInFlight).toBe(0);
  });

  it('Reset while a Resume waits for the paused chunk starts nothing new', { timeout: 60_000 }, async () => {
    const runner = counted();
    const t = small(new TrainState(runner, () => tick()));
    await t.start();
    await until(() => t.episode >= 4, 'the first chunk');
    void t.pause();
    const resumed = t.start();
    await t.reset();
    await resumed;
    await new Promise((r) => setTimeout(r, 100));
    expect(t.started).toBe(false);
    expect(t.running).toBe(false);
    expect(t.points).toEqual([]);
    expect(runner.starts).toBe(1);
  });
});
