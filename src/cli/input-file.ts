/**
 * Input files named by a flag (`--run`, `--post`, `--variant`, `--edges`) are looked at
 * before they are read: a pipe or a device (`/dev/zero`, a FIFO nobody writes to) would
 * be read forever, and a huge file would be read whole before its size was checked. Each
 * problem is a `UsageError` naming the flag (exit 2), said before any work.
 */
import { readFileSync, statSync } from 'node:fs';
import { findDuplicateKey, lineOf } from '../core/catalog/json-position';
import { firstInvalidUtf8 } from '../core/catalog/movielens-text';
import { UsageError } from './simulate-args';

const mb = (n: number): string => `${(n / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Throw a `UsageError` unless `path` is a regular file of at most `maxBytes`. */
export function checkInputFile(flag: string, path: string, maxBytes: number): void {
  const name = `--${flag} ${path}`;
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `${name}: cannot read it (${code}): no such file` : `${name}: cannot read it (${code ?? (e as Error).message})`);
  }
  if (st.isDirectory()) throw new UsageError(`${name}: is a folder, not a file`);
  if (!st.isFile()) throw new UsageError(`${name}: not a regular file (a pipe or a device is not read: it may never end)`);
  if (st.size > maxBytes) throw new UsageError(`${name}: the file is ${mb(st.size)}; at most ${mb(maxBytes)} is read`);
}

/**
 * The text of `path` (UTF-8) after `checkInputFile`; a read error is a `UsageError` too. A
 * byte-order mark is dropped (JSON.parse called it an unexpected token, invisible); bytes
 * that are not UTF-8 are refused with their line and column (they became U+FFFD, unsaid).
 */
export function readInputFile(flag: string, path: string, maxBytes: number): string {
  checkInputFile(flag, path, maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
    const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new UsageError(`--${flag} ${path}: not UTF-8 text (line ${line}, column ${bad - lineStart + 1}: byte 0x${byte}); save it as UTF-8`);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * A JSON input file (`text`, already parsed) that gives a key twice in one object is refused,
 * naming the key, where it is and its line: JSON.parse keeps the last value of a repeated key
 * without a word ({"seed": 1, ..., "seed": 2} ran seed 2).
 */
export function rejectDuplicateKeys(flag: string, path: string, text: string): void {
  const dup = findDuplicateKey(text);
  if (!dup) return;
  const key = JSON.stringify(dup.key.length > 60 ? `${dup.key.slice(0, 60)}...` : dup.key);
  const where = dup.path.length ? ` in ${dup.path.join('.')}` : '';
  throw new UsageError(`--${flag} ${path}: the key ${key} is given twice${where} (line ${lineOf(text, dup.offset)}); JSON keeps only the last, so remove one`);
}
