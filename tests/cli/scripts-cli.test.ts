/**
 * The dev scripts (scripts/*.ts) run through `runCli` like the commands under src/cli:
 * --help prints the usage and exits 0, a bad argument is one line with the --help hint and
 * exit 2. Only paths that write nothing are run here (no regenerated data, no long fit).
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/simulate-args';
import { parseGenerateCatalogArgs } from '../../scripts/generate-catalog';
import { DEFAULT_SEED } from '../../scripts/catalog/generate';
import { scriptArgs } from '../../scripts/script-args';

const ROOT = new URL('../..', import.meta.url).pathname;
const HINT = 'Run with --help for the options.\n';

/** `node --import tsx scripts/NAME.ts ...args` from the repository root, with a deadline. */
function spawnScript(name: string, args: string[], path = `scripts/${name}.ts`): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', path, ...args], { cwd: ROOT, timeout: 45_000 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const SCRIPTS = [
  { name: 'fit-response-weights', usage: 'Usage: npx tsx scripts/fit-response-weights.ts [DATASET]' },
  { name: 'generate-catalog', usage: 'Usage: npm run gen:data [-- SEED]' },
  { name: 'gen-recommender-api-schema', usage: 'Usage: npx tsx scripts/gen-recommender-api-schema.ts' },
];

describe.each(SCRIPTS)('scripts/$name.ts', ({ name, usage }) => {
  it('--help: the usage on stdout, nothing on stderr, exit 0', async () => {
    const r = await spawnScript(name, ['--help']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(usage);
    expect(r.stdout).toContain('--help   this text');
    expect(r.code).toBe(0);
  });

  it('an unknown option: one line naming it, the --help hint, exit 2, nothing on stdout', async () => {
    const r = await spawnScript(name, ['--bogus']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${name}: unknown option "--bogus" (the only option is --help)\n${HINT}`);
    expect(r.code).toBe(2);
  });
});

describe('npm run bench (bench/bench.ts) runs through runCli too', () => {
  it('--help prints the usage and the sections; a bad option or section is one line with the hint, exit 2', async () => {
    const help = await spawnScript('bench', ['--help'], 'bench/bench.ts');
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout.split('\n')[0]).toBe('Usage: npm run bench -- [--json] [--only SECTION,...]');
    expect(help.stdout).toMatch(/--only LIST +run only these sections: decisions, sessions/);
    const bad = await spawnScript('bench', ['--bogus'], 'bench/bench.ts');
    expect(bad).toEqual({ code: 2, stdout: '', stderr: `bench: Unknown option '--bogus'\n${HINT}` });
    const section = await spawnScript('bench', ['--only', 'decisions,nope'], 'bench/bench.ts');
    expect(section.code).toBe(2);
    expect(section.stderr).toMatch(/^bench: --only: unknown section nope \(known: decisions, /);
    expect(section.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('script arguments', () => {
  it('generate-catalog: a seed that is not an integer is a usage error (exit 2, before anything is written)', async () => {
    const r = await spawnScript('generate-catalog', ['1.5']);
    expect(r.stderr).toBe(`generate-catalog: seed must be an integer, got 1.5\n${HINT}`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('gen-recommender-api-schema takes no arguments', async () => {
    const r = await spawnScript('gen-recommender-api-schema', ['out.json']);
    expect(r.stderr).toBe(`gen-recommender-api-schema: takes no arguments, got "out.json"\n${HINT}`);
    expect(r.code).toBe(2);
  });

  it('scriptArgs: --help, one positional, a negative number as a value, "--" ends the options', () => {
    expect(scriptArgs(['--help'], 'SEED')).toBeNull();
    expect(scriptArgs([], 'SEED')).toEqual({});
    expect(scriptArgs(['7'], 'SEED')).toEqual({ arg: '7' });
    expect(scriptArgs(['-5'], 'SEED')).toEqual({ arg: '-5' });
    expect(scriptArgs(['--', '--help'], 'DATASET')).toEqual({ arg: '--help' });
    expect(() => scriptArgs(['1', '2'], 'SEED')).toThrow(/takes one SEED at most, got 2 arguments: "1" "2"/);
    expect(() => scriptArgs(['-x'], 'SEED')).toThrow(UsageError);
    expect(() => scriptArgs(['x'])).toThrow(/takes no arguments, got "x"/);
  });

  it('generate-catalog parses its seed as before: the default, an integer, a negative one', () => {
    expect(parseGenerateCatalogArgs([])).toEqual({ seed: DEFAULT_SEED });
    expect(parseGenerateCatalogArgs(['7'])).toEqual({ seed: 7 });
    expect(parseGenerateCatalogArgs(['-5'])).toEqual({ seed: -5 });
    expect(parseGenerateCatalogArgs(['--help'])).toBeNull();
    expect(() => parseGenerateCatalogArgs(['abc'])).toThrow(/seed must be an integer, got abc/);
  });
});
