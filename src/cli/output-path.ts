/**
 * Output files named by a flag (`--out`, `--chat`, `--dpo`) are checked while the options
 * are parsed: the commands write them at the end, so a missing folder or a folder given as
 * the file used to surface only after the whole run (minutes, or hours of LLM calls), as a
 * stack trace. Nothing is created or truncated here: an existing file is kept until the
 * run has something to write over it.
 */
import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MOVIELENS_FILES } from '../core/catalog/movielens';
import { UsageError } from './simulate-args';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw new UsageError(`cannot look at "${path}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Throw a `UsageError` (exit 2, before any work) when `--flag path` cannot be written:
 * empty, a folder, in a folder that does not exist or is a file, or not writable.
 */
export function checkOutputPath(flag: string, path: string): void {
  const name = `--${flag} "${path}"`;
  if (!path.trim()) throw new UsageError(`--${flag} needs a file name`);
  // "-" reads as stdout by convention, but every command writes its file as named: it made a file called "-", unsaid.
  if (path.trim() === '-') throw new UsageError(`--${flag} -: this command writes that file, not stdout; name a file (./- for a file named "-")`);
  const st = statOrNull(path);
  if (st?.isDirectory()) throw new UsageError(`${name} is a folder; name a file inside it`);
  if (st) {
    if (!writable(path)) throw new UsageError(`${name} cannot be written (no permission)`);
    return;
  }
  const dir = dirname(resolve(path));
  const parent = statOrNull(dir);
  if (!parent) throw new UsageError(`${name}: the folder "${dir}" does not exist (create it first)`);
  if (!parent.isDirectory()) throw new UsageError(`${name}: "${dir}" is a file, not a folder`);
  if (!writable(dir)) throw new UsageError(`${name}: no permission to create files in "${dir}"`);
}

/**
 * Throw a `UsageError` when `--flag path` would overwrite a file of the MovieLens folder the
 * command reads (`--out ml/ratings.csv`, `--out ml/movies.csv` for embed): the run read it
 * first, then wrote over the user's dataset.
 */
export function checkNotDatasetFile(flag: string, path: string, datasetDir: string | undefined): void {
  if (!datasetDir || !(MOVIELENS_FILES as readonly string[]).includes(basename(path))) return;
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(dirname(resolve(path))) === real(resolve(datasetDir))) {
    throw new UsageError(`--${flag} "${path}" is a file of the dataset this command reads (${datasetDir}); name another file`);
  }
}

/**
 * True when two paths name one file: `a.jsonl` and `./a.jsonl`, a relative and an
 * absolute spelling, a symlink and its target (compared by string, they were two files, and
 * two streams wrote over each other).
 */
export function sameFile(a: string, b: string): boolean {
  const key = (p: string): string => {
    const abs = resolve(p);
    try {
      return realpathSync(abs);
    } catch {
      // Not there yet: its folder's real path.
    }
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  };
  return key(a) === key(b);
}

/** The `--FLAG FILE` / `--FLAG=FILE` values of `argv` for the given flags (up to a bare `--`), as [flag, file]. */
export function inputFilesOf(argv: readonly string[], flags: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!m || !flags.includes(m[1])) continue;
    const file = m[2] ?? argv[i + 1];
    if (file) out.push([m[1], file]);
  }
  return out;
}

/**
 * Throw a `UsageError` when `--flag path` names a file the command reads (`--out` over the
 * `--run` description, `--dpo` over the `--recommender-module` code): written over at the end.
 */
export function checkNotInputFile(flag: string, path: string, inputs: readonly [string, string][]): void {
  for (const [input, file] of inputs) {
    if (sameFile(path, file)) throw new UsageError(`--${flag} "${path}" is the --${input} file this command reads; name another file`);
  }
}
