/**
 * Ctrl-C in simulate stops after the current item and prints the summary ("stopped": true),
 * but the command then exited 0, as a finished run does: `simulate --out runs.jsonl &&
 * analyse runs.jsonl` went on with a partial file. It exits 130 now (128 + SIGINT), the
 * summary and the lines written so far kept.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'recoworld-sigint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('simulate: Ctrl-C mid-run', () => {
  it('prints the summary with "stopped": true and exits 130', async () => {
    const out = join(dir, 'runs.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', '--users', '50000', '--json', '--quiet', '--out', out], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Sessions are being written: the run (and its Ctrl-C handler) has started.
    for (let i = 0; i < 600; i++) {
      let size = 0;
      try {
        size = statSync(out).size;
      } catch {
        // not created yet
      }
      if (size > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).toMatch(/stopping after the current item/);
    const summary = JSON.parse(stdout);
    expect(summary.stopped).toBe(true);
    expect(summary.sessions).toBeLessThan(50000);
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(summary.sessions);
    expect(code).toBe(130);
  }, 90_000);
});
