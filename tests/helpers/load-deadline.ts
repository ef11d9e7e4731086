/**
 * Loads `file` as a CLI recommender module under fake timers, runs its clock past the load
 * deadline (MODULE_LOAD_MS) and returns what the load rejected with: a module that never
 * finishes loading (a loop, a top-level await that never settles) must be refused then,
 * not hang. The caller restores real timers (`vi.useRealTimers()` in afterEach).
 */
import { expect, vi } from 'vitest';
import { loadRecommenderModule, MODULE_LOAD_MS } from '../../src/cli/external-recommenders';

export async function errorAtLoadDeadline(file: string): Promise<unknown> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const caught = loadRecommenderModule(file).catch((e: unknown) => e);
  // The deadline's timer exists once loading has begun; overshooting it below is harmless.
  await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
  await vi.advanceTimersByTimeAsync(MODULE_LOAD_MS);
  return caught;
}
