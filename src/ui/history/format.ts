import { format } from 'd3-format';

const si = format('.3~s');

/** Bytes as "1.23 MB" ("?" when unknown). */
export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '?';
  return n < 1000 ? `${n} B` : `${si(n)}B`;
}

/** Seconds as "4m 05s" / "38s". */
export function formatSeconds(s: number): string {
  const t = Math.round(s);
  return t >= 60 ? `${Math.floor(t / 60)}m ${String(t % 60).padStart(2, '0')}s` : `${t}s`;
}
