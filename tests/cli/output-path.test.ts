/**
 * Output files are checked before any work: a missing folder, a folder given as the file
 * or a file given as the folder is exit 2 with one line naming the flag, for every command
 * that writes one (they write at the end, so these used to surface after the whole run, as
 * a stack trace). An operating-system error met later is said by its message, not a stack.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureStdio } from '../helpers/capture-stdio';
import { runCli } from '../../src/cli/cli-main';
import { checkOutputPath } from '../../src/cli/output-path';
import { UsageError } from '../../src/cli/simulate-args';
import { main as simulate } from '../../src/cli/simulate';
import { main as evaluate } from '../../src/cli/evaluate';
import { main as train } from '../../src/cli/train';
import { main as trainingData } from '../../src/cli/training-data';
import { main as embed } from '../../src/cli/embed';

const dir = mkdtempSync(join(tmpdir(), 'recoworld-out-'));
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'keep me');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkOutputPath', () => {
  it('refuses a missing folder, a folder as the file, a file as the folder, an empty name', () => {
    expect(() => checkOutputPath('out', join(dir, 'no-such-folder', 'x.jsonl'))).toThrow(/--out ".*x\.jsonl": the folder ".*no-such-folder" does not exist/);
    expect(() => checkOutputPath('out', dir)).toThrow(/is a folder; name a file inside it/);
    expect(() => checkOutputPath('chat', join(aFile, 'x.jsonl'))).toThrow(/--chat .*is a file, not a folder/);
    expect(() => checkOutputPath('out', ' ')).toThrow(UsageError);
  });

  it('accepts a new file in an existing folder and an existing file, and leaves the file as it was', () => {
    expect(() => checkOutputPath('out', join(dir, 'new.jsonl'))).not.toThrow();
    expect(() => checkOutputPath('out', aFile)).not.toThrow();
    expect(readFileSync(aFile, 'utf8')).toBe('keep me');
  });
});

describe('every command that writes a file checks it before the run', () => {
  const bad = join(dir, 'missing', 'x');
  const cases: [string, (a: string[]) => Promise<number>, string[], RegExp][] = [
    ['simulate', simulate, ['--users', '2', '--quiet', '--out', `${bad}.jsonl`], /^simulate: --out ".*" .*does not exist/],
    ['evaluate judge', evaluate, ['--protocol', 'judge', '--users', '2', '--out', `${bad}.jsonl`], /^evaluate: --out ".*does not exist/],
    ['embed', embed, ['--catalog', 'shortvideo', '--model', 'offline', '--out', `${bad}.npy`], /^embed: --out ".*x\.npy": the folder .*does not exist/],
  ];
  for (const [name, main, args, re] of cases)
    it(`${name}: exit 2, one line, nothing on stdout`, async () => {
      const r = await captureStdio(() => main(args));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    });

  // These two throw what runCli would say (their main is callCli).
  it('train and training-data: a UsageError from the parser, before any episode', async () => {
    await expect(train(['--episodes', '10', '--eval-users', '2', '--quiet', '--out', `${bad}.json`])).rejects.toThrow(/^--out ".*" .*does not exist/);
    await expect(trainingData(['--users', '1', '--dpo', `${bad}.jsonl`])).rejects.toThrow(/^--dpo ".*does not exist/);
    await expect(trainingData(['--users', '1', '--chat', dir])).rejects.toThrow(UsageError);
  });

  it('evaluate: --out with a protocol that writes nothing is refused, not ignored', async () => {
    const r = await captureStdio(() => evaluate(['--protocol', 'instructions', '--out', join(dir, 'x.jsonl')]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out is written by --protocol judge only, not instructions/);
  });

  it('training-data: --chat and --dpo naming one file is refused', async () => {
    const f = join(dir, 'both.jsonl');
    await expect(trainingData(['--users', '1', '--chat', f, '--dpo', f])).rejects.toThrow(/--chat and --dpo name the same file/);
  });
});

describe('runCli: an operating-system error met while running', () => {
  it('is said by its message (exit 1), without a stack', async () => {
    const r = await captureStdio(() =>
      runCli({ name: 'demo', help: '', parse: () => ({}), run: async () => (await import('node:fs/promises')).readFile(join(dir, 'gone')).then(() => 0) }, []),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^demo: ENOENT: no such file or directory, open '.*gone'\n$/);
  });
});

describe('evaluate: a flag of another protocol', () => {
  it('is refused, not ignored (--seeds, --bootstrap, --ratio, --no-response-model: fidelity; --max-users: fidelity and reorder)', async () => {
    for (const [args, re] of [
      [['--protocol', 'compare', '--seeds', '10'], /^evaluate: --seeds is read by --protocol fidelity only, not compare/],
      [['--protocol', 'instructions', '--bootstrap', '5'], /--bootstrap is read by --protocol fidelity only/],
      [['--protocol', 'ndcg-retention', '--ratio', '3'], /--ratio is read by --protocol fidelity only/],
      [['--protocol', 'judge', '--no-response-model'], /--no-response-model is read by --protocol fidelity only/],
      [['--protocol', 'compare', '--max-users', '5'], /--max-users is read by --protocol fidelity and reorder only, not compare/],
    ] as [string[], RegExp][]) {
      const r = await captureStdio(() => evaluate(args));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
    }
  });
});

describe('an output file that is a file of the dataset being read', () => {
  it('is refused before the run, and the dataset stays as it was (simulate, embed, evaluate judge)', async () => {
    const ml = join(dir, 'ml');
    mkdirSync(ml, { recursive: true });
    const movies = 'movieId,title,genres\n1,A (1990),Drama\n2,B (1991),Comedy\n3,C (1992),Action\n';
    const ratings = 'userId,movieId,rating,timestamp\n1,1,4,1000000000\n1,2,5,1000000001\n2,3,3,1000000002\n';
    writeFileSync(join(ml, 'movies.csv'), movies);
    writeFileSync(join(ml, 'ratings.csv'), ratings);
    const runs: [() => Promise<number>, RegExp][] = [
      [() => simulate(['--catalog', ml, '--quiet', '--out', join(ml, 'ratings.csv')]), /^simulate: --out ".*ratings\.csv" is a file of the dataset this command reads/],
      [() => embed(['--catalog', ml + '/', '--model', 'offline', '--out', join(ml, '.', 'movies.csv')]), /^embed: --out ".*movies\.csv" is a file of the dataset/],
      [() => evaluate(['--protocol', 'judge', '--dataset', ml, '--users', '1', '--out', join(ml, 'ratings.csv')]), /^evaluate: --out .* is a file of the dataset/],
    ];
    for (const [run, re] of runs) {
      const r = await captureStdio(run);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
    }
    expect(readFileSync(join(ml, 'ratings.csv'), 'utf8')).toBe(ratings);
    expect(readFileSync(join(ml, 'movies.csv'), 'utf8')).toBe(movies);
  }, 60_000);
});
