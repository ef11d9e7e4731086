/**
 * The shared CLI entry: exit codes, the one-line errors, the --help hint (also from the
 * commands run as child processes), and `callCli`, which throws what `runCli` would say.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureStdio } from '../helpers/capture-stdio';
import { callCli, runCli, type CliSpec } from '../../src/cli/cli-main';
import { UsageError } from '../../src/cli/simulate-args';

type O = { fail?: 'usage' | 'bug' };

const ROOT = new URL('../..', import.meta.url).pathname;
const HINT = 'Run with --help for the options.\n';

/** `node --import tsx src/cli/NAME.ts ...args` from the repository root, with a deadline. */
function spawnCli(name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], { cwd: ROOT, timeout: 45_000 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function spec(extra: Partial<CliSpec<O>> = {}): CliSpec<O> {
  return {
    name: 'demo',
    help: 'Usage: demo',
    parse: (argv) => {
      if (argv.includes('--help')) return null;
      if (argv.includes('--bad')) throw new UsageError('--bad is not an option');
      return { fail: argv.includes('--later') ? 'usage' : argv.includes('--bug') ? 'bug' : undefined };
    },
    run: async (o) => {
      if (o.fail === 'usage') throw new UsageError('found while running');
      if (o.fail === 'bug') throw new Error('a bug');
      return 0;
    },
    ...extra,
  };
}

describe('runCli', () => {
  it('--help: the help on stdout, exit 0', async () => {
    expect(await captureStdio(() => runCli(spec(), ['--help']))).toEqual({ code: 0, out: 'Usage: demo\n', err: '' });
  });

  it('a usage error from the parser: exit 2 with the hint; from the run: without it unless hintAlways', async () => {
    expect(await captureStdio(() => runCli(spec(), ['--bad']))).toEqual({ code: 2, out: '', err: 'demo: --bad is not an option\nRun with --help for the options.\n' });
    expect((await captureStdio(() => runCli(spec(), ['--later']))).err).toBe('demo: found while running\n');
    expect((await captureStdio(() => runCli(spec({ hintAlways: true }), ['--later']))).err).toBe('demo: found while running\nRun with --help for the options.\n');
  });

  it('every command gives the hint after a bad option: train, training-data, check-recommender, serve-env as child processes', async () => {
    const names = ['train', 'training-data', 'check-recommender', 'serve-env'];
    const runs = await Promise.all(names.map((n) => spawnCli(n, ['--no-such-option'])));
    runs.forEach((r, i) => {
      expect({ code: r.code, stdout: r.stdout }, names[i]).toEqual({ code: 2, stdout: '' });
      const [line, hint, ...rest] = r.stderr.split(/(?<=\n)/);
      expect(line, names[i]).toMatch(new RegExp(`^${names[i]}: [^\\n]*'--no-such-option'`));
      expect([hint, ...rest], names[i]).toEqual([HINT]);
    });
  }, 60_000);

  it('any other error: exit 1 with its stack', async () => {
    const r = await captureStdio(() => runCli(spec(), ['--bug']));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^demo: Error: a bug\n\s+at /);
  });
});

describe('callCli', () => {
  it('throws what runCli would say, prints nothing of its own; --help gives 0', async () => {
    const r = await captureStdio(async () => {
      await expect(callCli(spec(), ['--bad'])).rejects.toThrow(UsageError);
      await expect(callCli(spec(), ['--bug'])).rejects.toThrow('a bug');
      return callCli(spec(), ['--help']);
    });
    expect(r).toEqual({ code: 0, out: 'Usage: demo\n', err: '' });
    expect(await captureStdio(() => callCli(spec(), []))).toEqual({ code: 0, out: '', err: '' });
  });
});
