/**
 * A command waiting on a promise that never settles used to end as a silent success: Node
 * exits with code 0 when nothing is left to wait for. A recommender module whose top-level
 * await never settles did exactly that (simulate, check-recommender, training-data printed
 * nothing and exited 0). The import now has a deadline, and runCli says any such exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { errorAtLoadDeadline } from '../helpers/load-deadline';
import { UsageError } from '../../src/cli/simulate-args';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'recoworld-settle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void vi.useRealTimers());

describe('a promise that never settles', () => {
  it('a recommender module whose top-level await never settles: a UsageError at the load deadline', async () => {
    const file = join(dir, 'hang.mjs');
    writeFileSync(file, 'await new Promise(() => {});\nexport function recommend() { return []; }\n');
    const e = await errorAtLoadDeadline(file);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/hang\.mjs did not finish loading within 10 s/);
  });

  it('runCli: a run that never settles ends with exit 1 and one line, not a silent 0', async () => {
    const script = join(dir, 'never.ts');
    writeFileSync(script, `import { runCli } from ${JSON.stringify(join(ROOT, 'src/cli/cli-main.ts'))};\nrunCli({ name: 'demo', help: '', parse: () => ({}), run: () => new Promise<number>(() => {}) }, []).then((c) => (process.exitCode = c));\n`);
    const r = await new Promise<{ code: number | string | null; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr })),
    );
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'demo: stopped before finishing: it was waiting for something that can never happen (a promise that never settles)\n' });
  }, 40_000);
});
