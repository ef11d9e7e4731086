/**
 * Import fuzz suite: broken MovieLens folders, written to a temp dir at test time, through
 * the real folder reader and importer (and, for a few, the real CLI). Each must give one
 * clear ImportError naming the file and line, quote at most ~200 characters of the bad
 * value, finish within the test's deadline, and return nothing (an import is all-or-nothing).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { ImportError } from '../../src/core/catalog/import-error';
import { checkFileSizes, importMovieLens, MAX_FILE_BYTES, MAX_RATINGS_FILE_BYTES } from '../../src/core/catalog/movielens';
import { IMPORT_CASES, LONG_ID, type ImportCase } from './import-cases';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests/fixtures/movielens');
let tmp = '';
const dirOf = new Map<string, string>();

function writeCase(c: ImportCase, i: number): string {
  const dir = join(tmp, `case-${i}`);
  mkdirSync(dir);
  if (c.base !== 'none') for (const f of readdirSync(join(FIXTURES, c.base))) copyFileSync(join(FIXTURES, c.base, f), join(dir, f));
  for (const [name, spec] of Object.entries(c.files)) {
    const path = join(dir, name);
    rmSync(path, { force: true, recursive: true });
    if (spec === null) continue;
    if (typeof spec === 'object' && 'dir' in spec) {
      mkdirSync(path);
      writeFileSync(join(path, 'inside.txt'), 'a folder, not a file');
    } else writeFileSync(path, spec);
  }
  return dir;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fuzz-import-'));
  IMPORT_CASES.forEach((c, i) => dirOf.set(c.name, writeCase(c, i)));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Reads and imports a folder; returns the error, failing the test if there is none. */
async function importFolder(dir: string): Promise<ImportError> {
  let result: unknown = undefined;
  try {
    result = importMovieLens(await readDatasetFolder(dir));
  } catch (e) {
    if (!(e instanceof ImportError)) throw new Error(`expected an ImportError, got ${(e as Error)?.stack ?? String(e)}`);
    return e;
  }
  throw new Error(`expected an ImportError, got a result (${typeof result})`);
}

describe('import fuzz: broken MovieLens folders', () => {
  it('has at least 30 cases with distinct names', () => {
    expect(IMPORT_CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(IMPORT_CASES.map((c) => c.name)).size).toBe(IMPORT_CASES.length);
  });

  for (const c of IMPORT_CASES) {
    it(`${c.name}: ${c.file}${c.line === null ? '' : `:${c.line}`}`, async () => {
      const dir = dirOf.get(c.name) as string;
      const e = await importFolder(dir);
      expect(e.file).toBe(c.file === '<folder>' ? dir : c.file);
      expect(e.line).toBe(c.line);
      expect(e.detail).toMatch(c.detail);
      expect(e.message.startsWith(c.line === null ? `${e.file}: ` : `${e.file}:${c.line}: `)).toBe(true);
      // A short message: no line echoed in full (the path is the only long part).
      expect(e.message.length - e.file.length).toBeLessThan(400);
    }, 20_000);
  }

  it('quotes at most 200 characters of an offending value and says how long it was', async () => {
    const e = await importFolder(dirOf.get('a 5,000-digit movie id is quoted short') as string);
    expect(e.message).toContain('7'.repeat(200));
    expect(e.message).not.toContain('7'.repeat(201));
    expect(e.message).toContain(`(${LONG_ID.length.toLocaleString('en-US')} characters)`);
  });

  it('refuses a file over the size limit before decoding it', () => {
    const huge = { byteLength: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
    expect(() => checkFileSizes({ 'movies.csv': huge, 'ratings.csv': new Uint8Array(3) })).toThrow(/^movies\.csv: file is 500,000,001 bytes; the importer reads files up to 500,000,000 bytes/);
    // Ratings files are scanned as bytes, never held as one string: a larger limit (ml-32m's 877 MB fits).
    expect(() => checkFileSizes({ 'movies.csv': new Uint8Array(3), 'ratings.csv': huge })).not.toThrow();
    const hugeRatings = { byteLength: MAX_RATINGS_FILE_BYTES + 1 } as unknown as Uint8Array;
    expect(() => checkFileSizes({ 'movies.csv': new Uint8Array(3), 'ratings.csv': hugeRatings })).toThrow(/^ratings\.csv: file is 2,000,000,001 bytes; the importer reads a ratings file up to 2,000,000,000 bytes/);
  });
});

interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

function simulate(dir: string): Promise<Cli> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', '--catalog', dir, '--users', '1', '--turns', '1', '--json'], { cwd: ROOT, timeout: 45_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('import fuzz: the real CLI', () => {
  const cases: [name: string, expected: RegExp][] = [
    ['empty folder', /No MovieLens files in this folder/],
    ['movies.csv is a folder', /^simulate: movies\.csv: is a folder, not a file/],
    ['one movie with 10,000 genres', /^simulate: movies\.csv:3: the movie lists 10,000 genres/],
    ['unclosed quote closed by a later line', /^simulate: movies\.csv:3: a quoted field in column 2 is not closed on this line/],
  ];
  it('prints one clear line (no stack trace), writes nothing to stdout and exits 1', async () => {
    const results = await Promise.all(cases.map(([name]) => simulate(dirOf.get(name) as string)));
    results.forEach((r, i) => {
      expect(r.stderr.trim()).toMatch(cases[i][1]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
    });
  }, 90_000);
});
