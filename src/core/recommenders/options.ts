/** Reading plug-in options (`Record<string, unknown>` from URLs, the CLI or the UI) safely. */

/** A finite number option within [min, max], or the default when absent or invalid. */
export function numOption(
  options: Record<string, unknown> | undefined,
  key: string,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const raw = options?.[key];
  const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, v));
}
