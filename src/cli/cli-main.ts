/**
 * The shape the CLI entries share: parse the options (a `UsageError` is exit 2 with a hint),
 * `--help` (the parser returns null: print the help, exit 0), run, and say a failure in one
 * line: known kinds (bad files, refused input) by their message, anything else with its
 * stack, since that is a bug. Everything printed goes through `terminalText`.
 */
import { UsageError } from './simulate-args';
import { terminalText } from './terminal-text';

/** What one CLI needs to say about itself. */
export interface CliSpec<O> {
  /** The command's name, the prefix of every error line ("evaluate: ..."). */
  name: string;
  /** Parse argv; throws `UsageError`; null for --help. */
  parse: (argv: string[]) => O | null;
  help: string;
  /** Do the work; resolves to the exit code. */
  run: (options: O) => Promise<number>;
  /** Errors said by their message alone (default: none, every other error shows its stack). */
  known?: (e: unknown) => boolean;
}

/** Run a CLI over `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli<O>(spec: CliSpec<O>, argv: string[]): Promise<number> {
  let options: O | null;
  try {
    options = spec.parse(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${spec.name}: ${terminalText(e.message)}\nRun with --help for the options.\n`);
      return 2;
    }
    throw e;
  }
  if (!options) {
    process.stdout.write(spec.help + '\n');
    return 0;
  }
  try {
    return await spec.run(options);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${spec.name}: ${terminalText(e.message)}\n`);
      return 2;
    }
    const msg = spec.known?.(e) ? (e as Error).message : ((e as Error)?.stack ?? String(e));
    process.stderr.write(`${spec.name}: ${terminalText(msg)}\n`);
    return 1;
  }
}
