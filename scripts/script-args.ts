/**
 * The arguments of the dev scripts in this folder: `--help` and at most one positional
 * (a dataset folder, a seed). They run through `runCli` (src/cli/cli-main.ts) like the
 * commands under src/cli, so a bad argument is one line with the --help hint, exit 2.
 */
import { UsageError } from '../src/cli/simulate-args';

/**
 * Read `argv` (without the node and script paths): null for `--help`, else the positional
 * named `positional` (undefined when absent). Throws `UsageError` for an unknown option, a
 * second positional, or any positional when `positional` is not given (the script takes none).
 * A negative number ("-5") is a value, not an option.
 */
export function scriptArgs(argv: string[], positional?: string): { arg?: string } | null {
  const values: string[] = [];
  let afterDashes = false;
  for (const a of argv) {
    if (!afterDashes && a === '--') afterDashes = true;
    else if (!afterDashes && a === '--help') return null;
    else if (!afterDashes && a.startsWith('-') && !/^-\d/.test(a)) throw new UsageError(`unknown option "${a}" (the only option is --help)`);
    else values.push(a);
  }
  if (values.length && !positional) throw new UsageError(`takes no arguments, got "${values[0]}"`);
  if (values.length > 1) throw new UsageError(`takes one ${positional} at most, got ${values.length} arguments: ${values.map((v) => `"${v}"`).join(' ')}`);
  return values.length ? { arg: values[0] } : {};
}
