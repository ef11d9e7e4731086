/**
 * A CLI given a MovieLens folder too big for its heap restarts itself with a larger one
 * (src/cli/heap.ts) instead of dying after minutes with "heap out of memory". The real
 * process is exercised: `evaluate` started with a heap smaller than the fixture's estimate
 * restarts, says so, and prints the same JSON as a run that had enough heap.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { describe, expect, it } from 'vitest';
import { flagValue, heapNeededMb, heapPlan, ratingsBytes } from '../../src/cli/heap';

const ROOT = join(__dirname, '..', '..');
const ML_FIXTURE = join(ROOT, 'tests/fixtures/movielens/ml-latest');

function run(nodeArgs: string[], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/evaluate.ts', ...args], { cwd: ROOT, timeout: 120_000, env: { ...process.env, RECOWORLD_HEAP_RELAUNCHED: '' } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('heap for large MovieLens folders', () => {
  it('estimates from the ratings file and plans within the machine', () => {
    expect(heapNeededMb(0)).toBe(1536);
    // ml-25m's 678 MB ratings.csv: about 7.4 GB.
    expect(heapNeededMb(678 * 1024 * 1024)).toBe(1536 + 9 * 678);
    expect(heapPlan(2000, 4096, 16000)).toBeNull();
    expect(heapPlan(7638, 4096, 24000)).toEqual({ mb: 7638, short: false });
    // A small machine: what it can give, said to be short.
    expect(heapPlan(7638, 4096, 8000)).toEqual({ mb: 6400, short: true });
    // Nothing more to give: no restart.
    expect(heapPlan(7638, 4096, 4000)).toBeNull();
    expect(ratingsBytes(ML_FIXTURE)).toBeGreaterThan(0);
    expect(ratingsBytes(join(ROOT, 'no-such-folder'))).toBe(0);
    expect(flagValue(['--protocol', 'fidelity', '--dataset', 'D'], 'dataset')).toBe('D');
    expect(flagValue(['--dataset=D2'], 'dataset')).toBe('D2');
    expect(flagValue(['--datasets', 'X'], 'dataset')).toBeUndefined();
  });

  it('restarts evaluate with a larger heap and gives the same answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heap-cli-'));
    for (const [name, text] of Object.entries(movieWorldCsv({ users: 30, movies: 200, seed: 5 }))) writeFileSync(join(dir, name), text);
    const args = ['--protocol', 'fidelity', '--dataset', dir, '--seeds', '1', '--bootstrap', '20', '--json'];
    // 1,000 MB is below the fixture's estimate (1.5 GB): the CLI restarts itself.
    const small = await run(['--max-old-space-size=1000'], args);
    expect(small.stderr).toMatch(/need about 1\.5 GB of heap, more than this process's 1\.0 GB: restarting with --max-old-space-size=15\d\d/);
    expect(small.code, small.stderr).toBe(0);
    const roomy = await run(['--max-old-space-size=3000'], args);
    expect(roomy.stderr).not.toMatch(/restarting/);
    expect(roomy.code).toBe(0);
    const strip = (s: string) => {
      const j = JSON.parse(s);
      delete j.timing;
      delete j.fitSeconds;
      return j;
    };
    expect(strip(small.stdout)).toEqual(strip(roomy.stdout));
  }, 240_000);
});
