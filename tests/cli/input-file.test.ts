/**
 * Input files (--run, --post, --variant, --edges) are looked at before they are read: a
 * FIFO nobody writes to or /dev/zero was read forever (no deadline), a large file was read
 * whole before its size was checked, and a missing --edges file surfaced after the catalog
 * load as a bare ENOENT. Each is now exit 2, one line naming the flag.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCreatorArgs } from '../../src/cli/creator-args';
import { checkInputFile, readInputFile } from '../../src/cli/input-file';
import { parseSimulateArgs, UsageError } from '../../src/cli/simulate-args';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'recoworld-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkInputFile / readInputFile', () => {
  it('refuses a missing file, a folder, a device and a file over the bound; reads a small one', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 5_000_000); // sparse: 5 MB of zero bytes
    mkdirSync(join(dir, 'sub'));
    expect(() => checkInputFile('run', join(dir, 'nope.json'), 1000)).toThrow(/^--run .*nope\.json: cannot read it \(ENOENT\): no such file$/);
    expect(() => checkInputFile('run', join(dir, 'sub'), 1000)).toThrow(/is a folder, not a file/);
    expect(() => checkInputFile('run', '/dev/zero', 1000)).toThrow(/not a regular file/);
    expect(() => readInputFile('post', big, 1_000_000)).toThrow(/^--post .*big\.json: the file is 5 MB; at most 1 MB is read$/);
    writeFileSync(join(dir, 'ok.json'), '{"a":1}');
    expect(readInputFile('post', join(dir, 'ok.json'), 100)).toBe('{"a":1}');
  });

  it('simulate --run and creator --post/--variant/--edges use it (UsageError, before any work)', () => {
    expect(() => parseSimulateArgs(['--run', '/dev/zero'])).toThrow(UsageError);
    expect(() => parseCreatorArgs(['--post', '/dev/zero'])).toThrow(/--post \/dev\/zero: not a regular file/);
    writeFileSync(join(dir, 'post.json'), '{"title":"T","topic":"cooking"}');
    expect(() => parseCreatorArgs(['--post', join(dir, 'post.json'), '--variant', join(dir, 'sub')])).toThrow(/--variant .*is a folder/);
    expect(() => parseCreatorArgs(['--item', 'x', '--edges', join(dir, 'edges.csv')])).toThrow(/^--edges .*edges\.csv: cannot read it \(ENOENT\): no such file$/);
  });

  it('a FIFO as --run: the command says so and exits 2 at once instead of waiting forever', async () => {
    const fifo = join(dir, 'fifo');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this system: the /dev/zero case above covers devices
    }
    const r = await new Promise<{ code: number | string | null; stderr: string }>((done) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', '--run', fifo], { cwd: ROOT, timeout: 30_000, killSignal: 'SIGKILL' }, (err, _o, stderr) =>
        done({ code: err ? ((err as { code?: number | string }).code ?? null) : 0, stderr }),
      ),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^simulate: --run .*fifo: not a regular file/);
  }, 40_000);
});
