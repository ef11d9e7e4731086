/** Small numeric helpers shared across the core (kept branchy and allocation-free for hot loops). */

/** `x` limited to [0, 1] (NaN stays NaN). */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
