/**
 * The shared CLI entry: exit codes, the one-line errors, the --help hint (and the commands
 * that never give it), and `callCli`, which throws what `runCli` would say.
 */
import { describe, expect, it, vi } from 'vitest';
import { callCli, runCli, type CliSpec } from '../../src/cli/cli-main';
import { UsageError } from '../../src/cli/simulate-args';

type O = { fail?: 'usage' | 'bug' };

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

async function capture(f: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
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

describe('runCli', () => {
  it('--help: the help on stdout, exit 0', async () => {
    expect(await capture(() => runCli(spec(), ['--help']))).toEqual({ code: 0, out: 'Usage: demo\n', err: '' });
  });

  it('a usage error from the parser: exit 2 with the hint; from the run: without it unless hintAlways', async () => {
    expect(await capture(() => runCli(spec(), ['--bad']))).toEqual({ code: 2, out: '', err: 'demo: --bad is not an option\nRun with --help for the options.\n' });
    expect((await capture(() => runCli(spec(), ['--later']))).err).toBe('demo: found while running\n');
    expect((await capture(() => runCli(spec({ hintAlways: true }), ['--later']))).err).toBe('demo: found while running\nRun with --help for the options.\n');
  });

  it('noHint: the message alone, wherever the usage error is found', async () => {
    expect(await capture(() => runCli(spec({ noHint: true, hintAlways: true }), ['--bad']))).toEqual({ code: 2, out: '', err: 'demo: --bad is not an option\n' });
    expect((await capture(() => runCli(spec({ noHint: true }), ['--later']))).err).toBe('demo: found while running\n');
  });

  it('any other error: exit 1 with its stack', async () => {
    const r = await capture(() => runCli(spec(), ['--bug']));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^demo: Error: a bug\n\s+at /);
  });
});

describe('callCli', () => {
  it('throws what runCli would say, prints nothing of its own; --help gives 0', async () => {
    const r = await capture(async () => {
      await expect(callCli(spec(), ['--bad'])).rejects.toThrow(UsageError);
      await expect(callCli(spec(), ['--bug'])).rejects.toThrow('a bug');
      return callCli(spec(), ['--help']);
    });
    expect(r).toEqual({ code: 0, out: 'Usage: demo\n', err: '' });
    expect(await capture(() => callCli(spec(), []))).toEqual({ code: 0, out: '', err: '' });
  });
});
