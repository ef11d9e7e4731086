/**
 * Run a CLI entry in-process with stdout and stderr captured (restored afterwards, even when
 * it throws): what it printed and its exit code.
 */
import { vi } from 'vitest';

/** `f`'s exit code and everything it wrote to stdout and stderr. */
export async function captureStdio(f: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await f(), out, err };
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
}
