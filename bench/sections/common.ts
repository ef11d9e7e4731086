/**
 * Shared helpers of the benchmark sections: the built-in world, a clock, percentiles.
 * Benchmarks are figures, not tests: nothing here asserts anything.
 */
import { quantileSorted } from 'd3-array';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import type { Catalog, UserProfile } from '../../src/core/types';

/** What every section returns: named figures (numbers, or objects of numbers). */
export type SectionResult = Record<string, unknown>;

/** A benchmark section (bench/sections/*.ts export `title` and `run`). */
export interface BenchSection {
  title: string;
  run(): Promise<SectionResult>;
}

let world: Promise<{ catalog: Catalog; personas: UserProfile[] }> | null = null;

/** The built-in catalog and personas, loaded once per process. */
export function builtinWorld(): Promise<{ catalog: Catalog; personas: UserProfile[] }> {
  world ??= Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]).then(([catalog, personas]) => ({ catalog, personas }));
  return world;
}

/**
 * The benchmark clock, in milliseconds. Default: CPU time of this process (user +
 * system, `process.cpuUsage`), so the figures describe the code and stay comparable
 * when the machine is shared and busy (waiting for a core does not count; V8's helper
 * threads do, which errs on the slow side). `BENCH_CLOCK=wall` uses wall-clock time.
 */
export const CLOCK: 'cpu' | 'wall' = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const now: () => number = CLOCK === 'wall' ? () => performance.now() : cpuMs;

/** The p-quantile (0..1) of `values` (sorted copy). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, p) ?? NaN;
}

/** Round for the report. */
export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The MovieLens folder the benchmarks use when present (never copied into the repo). */
export const ML_LATEST_SMALL = new URL('../../../shared/datasets/ml-latest-small', import.meta.url).pathname;
