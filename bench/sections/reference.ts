/**
 * The bench's yardstick: 64-dimensional float dot products per second, measured in the
 * same process (and with the same clock) as the figures. Every speed figure is also given
 * as a ratio to it, which holds far better than the absolute figure on a busy or slower
 * machine: both slow down together when the process gets less of a core, a slower CPU or a
 * throttled clock.
 *
 * Not a section of its own: bench.ts measures it before every section and after the last,
 * and divides each section's figures by the mean of the two measurements around it
 * (`referenceDrift` = lowest / highest measurement shows how much the machine changed).
 */
import { now, round } from './common';

const DIM = 64;
const VECTORS = 256;

/** Deterministic data (no Math.random in the repo's code paths). */
function vectors(): { data: Float32Array; q: Float32Array } {
  const data = new Float32Array(DIM * VECTORS);
  const q = new Float32Array(DIM);
  let x = 7;
  const next = (): number => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  for (let i = 0; i < data.length; i++) data[i] = next();
  for (let i = 0; i < DIM; i++) q[i] = next();
  return { data, q };
}

/** One pass: the query against every vector; returns a sum so nothing is optimised away. */
function pass(data: Float32Array, q: Float32Array): number {
  let acc = 0;
  for (let v = 0; v < VECTORS; v++) {
    const o = v * DIM;
    let s = 0;
    for (let i = 0; i < DIM; i++) s += q[i] * data[o + i];
    acc += s;
  }
  return acc;
}

/** Kept so the engine cannot drop the work. */
export let referenceSink = 0;

/**
 * 64-dim dot products per second: the median rate of chunks of ~20 ms over `budgetMs`
 * (after a short warm-up), with the bench clock (process CPU time by default).
 */
export function measureReferenceDots(budgetMs = 500): number {
  const { data, q } = vectors();
  const warm = now();
  while (now() - warm < 150) referenceSink += pass(data, q);
  const rates: number[] = [];
  const start = now();
  while (now() - start < budgetMs) {
    const t0 = now();
    let passes = 0;
    let t1 = t0;
    while (t1 - t0 < 20) {
      for (let k = 0; k < 20; k++) referenceSink += pass(data, q);
      passes += 20;
      t1 = now();
    }
    rates.push((passes * VECTORS) / ((t1 - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return Math.round(rates[Math.floor(rates.length / 2)]);
}

/**
 * A reference measured in step with a workload: call `run(ms)` between chunks of the
 * workload (each time with about as long as the chunk took) and both share the same
 * conditions, chunk by chunk. Load on a shared machine changes within a second; a reference
 * measured only before and after a section misses that.
 */
export interface PairedReference {
  /** Run reference passes for about `ms` (bench clock); returns this chunk's rate (dots per second). */
  run(ms: number): number;
  /** Dot products per second over everything run so far. */
  rate(): number;
}

export function pairedReference(): PairedReference {
  const { data, q } = vectors();
  let dots = 0;
  let ms = 0;
  // Warm up the kernel so the first pairs are not measured against the interpreter.
  const warm = now();
  while (now() - warm < 100) referenceSink += pass(data, q);
  return {
    run(budget: number): number {
      const t0 = now();
      let t1 = t0;
      let passes = 0;
      do {
        for (let k = 0; k < 10; k++) referenceSink += pass(data, q);
        passes += 10;
        t1 = now();
      } while (t1 - t0 < budget);
      dots += passes * VECTORS;
      ms += t1 - t0;
      return (passes * VECTORS) / ((t1 - t0) / 1000);
    },
    rate: () => (ms > 0 ? dots / (ms / 1000) : NaN),
  };
}

/** Three significant digits (the ratios span many orders of magnitude). */
const sig3 = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(3)));

/**
 * Each speed figure as a ratio to the reference (`ref`, dot products per second):
 * throughputs (`...PerSecond...`) divided by it: work per reference dot product;
 * durations (`...Ms`, `...Seconds...`) multiplied by it: how many reference dot products
 * fit in that time. Keys are the figures' flattened keys ("recommendP95Ms.content").
 */
export function ratiosTo(ref: number, figures: [key: string, value: unknown][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, v] of figures) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const head = key.split('.')[0];
    if (/PerSecond/.test(head)) out[key] = sig3(v / ref);
    else if (/Ms$/.test(head)) out[key] = sig3((v / 1000) * ref);
    else if (/Seconds/.test(head)) out[key] = sig3(v * ref);
  }
  return out;
}

export { round };
