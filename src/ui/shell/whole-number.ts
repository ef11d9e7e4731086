/**
 * Whole-number form fields (Batch, Creator lab, Fidelity, Compare, Train): why a value
 * cannot be used, in one sentence. An emptied `<input type="number">` bound with `bind:value`
 * holds null, which `Number()` turned into 0: a run then used seed 0 (or 0 followers, hour
 * 0) without saying so. Refusing, beside the field, is what every number field does.
 */

/** Whether `v` is a whole number in lo..hi (an emptied field's null is not). */
export function isWholeIn(v: unknown, lo: number, hi: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

/** The sentence for `label` when `v` is not a whole number in lo..hi (null when it is). */
export function wholeNumberProblem(label: string, v: unknown, lo: number, hi: number): string | null {
  return isWholeIn(v, lo, hi) ? null : `${label}: enter a whole number from ${lo} to ${hi}.`;
}

/** The first problem of a set of fields, or null. */
export function firstProblem(problems: Record<string, string | null>): string | null {
  return Object.values(problems).find((p) => p !== null) ?? null;
}
