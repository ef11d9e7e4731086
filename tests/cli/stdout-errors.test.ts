/**
 * stdout that can no longer be written: a reader that stops early (`| head -1`) or a full
 * disk (`> /dev/full`). Every command printed Node's "Unhandled 'error' event" with a
 * stack (and for /dev/full no line of its own); now runCli says a write error in one line,
 * exit 1, and a closed pipe ends the command quietly with 141 (128 + SIGPIPE, as a C tool
 * killed by SIGPIPE reports).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

/** `bash -c script` from the repository root: its exit code, stdout and stderr. */
function sh(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile('bash', ['-c', script], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })),
  );
}

const SIMULATE = `"${process.execPath}" --import tsx src/cli/simulate.ts`;

describe('stdout closed early or full', () => {
  it('| head -1: the first line, no stack, exit 141', async () => {
    // 30 transcripts are ~150 KB, more than a pipe holds: the writer meets the closed pipe.
    const r = await sh(`${SIMULATE} --users 30 --transcript --quiet | head -1; echo "exit \${PIPESTATUS[0]}" >&2`);
    expect(r.stdout).toMatch(/^Session \S+: user persona-maya/);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('exit 141\n');
  }, 70_000);

  it.runIf(existsSync('/dev/full'))('> /dev/full: one line saying the write error, exit 1', async () => {
    const r = await sh(`${SIMULATE} --users 2 --quiet --json > /dev/full`);
    expect(r.stderr).toBe('simulate: could not write to stdout: ENOSPC: no space left on device, write\n');
    expect(r.code).toBe(1);
  }, 70_000);
});
