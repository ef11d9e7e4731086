/**
 * A linear model on standardised inputs, as `fitLogistic` and `fitRidge` (response-fit.ts)
 * return it and the response model stores it (the engagement logit, the rating correction).
 */
export interface LinearModel {
  /** Per input: the mean and standard deviation it is standardised with. */
  mean: number[];
  sd: number[];
  /** Intercept first, then one weight per input. */
  w: number[];
}

/** `base + w0 + sum_p w[p+1] (x[p] - mean[p]) / sd[p]`, summed in that order. */
export function linearScore(m: LinearModel, x: readonly number[], base = 0): number {
  let z = base + m.w[0];
  for (let p = 0; p < x.length; p++) z += m.w[p + 1] * ((x[p] - m.mean[p]) / m.sd[p]);
  return z;
}
