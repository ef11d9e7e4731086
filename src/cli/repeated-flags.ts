/**
 * A flag given twice (`--users 100 ... --users 10`) is refused: Node's parseArgs keeps the
 * last one without a word, so a long command line edited in a hurry ran other settings
 * than the ones the user read first. Flags meant to repeat (`--rec-param`) are named.
 */
import { UsageError } from './simulate-args';

/** Throw a `UsageError` naming the first long flag of `argv` given more than once (up to a bare `--`). */
export function rejectRepeatedFlags(argv: readonly string[], repeatable: readonly string[] = []): void {
  const seen = new Set<string>();
  for (const a of argv) {
    if (a === '--') return;
    const m = /^--([^=]+)/.exec(a);
    if (!m || repeatable.includes(m[1])) continue;
    if (seen.has(m[1])) throw new UsageError(`--${m[1]} is given twice; give it once (otherwise the last one would silently win)`);
    seen.add(m[1]);
  }
}
