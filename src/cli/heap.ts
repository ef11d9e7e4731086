/**
 * Full MovieLens releases need more JavaScript heap than Node gives by default (about 4 GB):
 * a 25M-rating folder keeps about 3.7 GB after the import and the response model, and the
 * fidelity run adds each sampled user's neighbourhood (a bounded cache). Rather than die
 * after minutes with V8's "heap out of memory", a CLI given such a folder restarts itself
 * at once with a large enough `--max-old-space-size`, and says so on stderr; when the
 * machine has less memory than the estimate it says that too, and tries with what there is.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';

const MB = 1024 * 1024;
/** Set in the restarted process, so it never restarts again. */
export const RELAUNCHED_ENV = 'RECOWORLD_HEAP_RELAUNCHED';
const RATINGS_FILES = ['ratings.csv', 'ratings.dat', 'u.data'];

/**
 * Heap (MB) a CLI run on a MovieLens folder needs, from the size of its ratings file: a
 * fixed 1.5 GB (the model's cache bound, the catalog, the runtime) plus 9 bytes of heap per
 * byte of ratings (measured: a 673 MB synthetic `ratings.csv` the size of ml-25m kept
 * 3.65 GB after the import). ml-latest-small (2.4 MB) needs 1.5 GB; ml-25m about 7.3 GB.
 */
export function heapNeededMb(ratingsBytes: number): number {
  return Math.ceil(1536 + (9 * ratingsBytes) / MB);
}

/** Bytes of the ratings file in a folder (0 when there is none or it is not a folder). */
export function ratingsBytes(dir: string): number {
  for (const name of RATINGS_FILES) {
    try {
      const st = statSync(join(resolve(dir), name));
      if (st.isFile()) return st.size;
    } catch {
      // absent: try the next layout
    }
  }
  return 0;
}

/** The heap (MB) to restart with, or null when the current one is enough (or restarting cannot help). */
export function heapPlan(neededMb: number, currentMb: number, machineMb: number): { mb: number; short: boolean } | null {
  if (neededMb <= currentMb) return null;
  // Leave a fifth of the machine to typed arrays (outside the heap), the OS and the rest.
  const cap = Math.floor(machineMb * 0.8);
  const mb = Math.min(neededMb, cap);
  if (mb <= currentMb) return null;
  return { mb, short: mb < neededMb };
}

/** The value of `--NAME DIR` or `--NAME=DIR` in argv, if any. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === `--${name}`) return argv[k + 1];
    if (argv[k].startsWith(`--${name}=`)) return argv[k].slice(name.length + 3);
  }
  return undefined;
}

/**
 * When `dir` holds a ratings file too big for this process's heap, run this same command
 * again in a child Node with a larger heap and resolve to its exit code; otherwise null
 * (go on in this process). The child shares stdin/stdout/stderr, so `--json` output is
 * unchanged.
 */
export async function relaunchWithHeapFor(cli: string, dir: string | undefined, argv: readonly string[]): Promise<number | null> {
  if (!dir || process.env[RELAUNCHED_ENV]) return null;
  const bytes = ratingsBytes(dir);
  if (!bytes) return null;
  const needed = heapNeededMb(bytes);
  const current = Math.floor(getHeapStatistics().heap_size_limit / MB);
  const plan = heapPlan(needed, current, Math.floor(totalmem() / MB));
  if (!plan) {
    if (needed > current) process.stderr.write(`${cli}: this folder's ratings (${Math.round(bytes / MB)} MB) need about ${(needed / 1024).toFixed(1)} GB of heap; this process has ${(current / 1024).toFixed(1)} GB and the machine no more to give: it may run out of memory.\n`);
    return null;
  }
  process.stderr.write(
    `${cli}: this folder's ratings (${Math.round(bytes / MB)} MB) need about ${(needed / 1024).toFixed(1)} GB of heap, more than this process's ${(current / 1024).toFixed(1)} GB: restarting with --max-old-space-size=${plan.mb}` +
      (plan.short ? ` (all this machine can give; it may still run out of memory)` : '') +
      '.\n',
  );
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${plan.mb}`, process.argv[1], ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED_ENV]: '1' },
  });
  // Pass a stop on to the child and wait for it to end, rather than leave it running alone.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>((done) => {
      child.on('error', (e) => {
        process.stderr.write(`${cli}: could not restart with a larger heap: ${e.message}\n`);
        done(1);
      });
      child.on('exit', (code, signal) => {
        if (signal) process.stderr.write(`${cli}: the restarted process ended on ${signal}${signal === 'SIGABRT' ? ' (out of memory?)' : ''}.\n`);
        done(code ?? 1);
      });
    });
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
