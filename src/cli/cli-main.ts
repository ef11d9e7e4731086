/**
 * The shape the CLI entries share: parse the options (a `UsageError` is exit 2 with a hint),
 * `--help` (the parser returns null: print the help, exit 0), run, and say a failure in one
 * line: bad options or input by their message (exit 2), known kinds (bad files, refused
 * input) by their message (exit 1), anything else with its stack, since that is a bug
 * (exit 1). Everything printed goes through `terminalText`.
 */
import { UsageError } from './simulate-args';
import { terminalText } from './terminal-text';

/** What one CLI needs to say about itself. */
export interface CliSpec<O> {
  /** The command's name, the prefix of every error line ("evaluate: ..."). */
  name: string;
  /** Parse argv (may be async, e.g. to load the modules a flag names); throws `UsageError`; null for --help. */
  parse: (argv: string[]) => O | null | Promise<O | null>;
  help: string;
  /** Do the work; resolves to the exit code. */
  run: (options: O) => Promise<number>;
  /** Errors said by their message alone (default: none, every other error shows its stack). */
  known?: (e: unknown) => boolean;
  /** Errors that mean bad options or input besides `UsageError` (exit 2, said by their message), e.g. a bad experiment file. */
  usage?: (e: unknown) => boolean;
  /**
   * Give the "Run with --help" hint after a usage error found while running too (an unknown
   * catalog, a bad experiment), not only after the parser's (default: the parser's only).
   */
  hintAlways?: boolean;
}

const HINT = 'Run with --help for the options.\n';

/**
 * Error lines echo what the user typed; a URL with `user:password@` (refused everywhere)
 * was echoed whole ("--recommender "http://user:pw@..." is unknown"). Hidden in every line.
 */
export function hideCredentials(text: string): string {
  return text.replace(/\b(https?:\/\/)[^\s/?#@"']*@/gi, '$1***@');
}

/**
 * An error from the operating system (a full disk, a file removed mid-run: `code` and
 * `syscall` set by Node) is the machine's state, not a bug in the command: its message
 * ("ENOSPC: no space left on device, write") says it; a stack would only hide it.
 */
function isSystemError(e: unknown): boolean {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

let outputWatched = false;

/**
 * stdout (or stderr) that can no longer be written ended every command with Node's
 * "Unhandled 'error' event" and a stack. A reader that stopped early (`| head -1`, a pager
 * quit) closes the pipe: the command ends quietly with 141 (128 + SIGPIPE, what a tool
 * killed by SIGPIPE reports). Any other write error (a full disk: `> /dev/full`) is said in
 * one line, exit 1. Watched for the whole process: the error can come after the run ends.
 */
function watchOutput(name: string): void {
  if (outputWatched) return;
  outputWatched = true;
  for (const [label, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(141);
      if (label === 'stdout') {
        try {
          process.stderr.write(`${name}: could not write to stdout: ${terminalText(e.message)}\n`);
        } catch {
          // stderr is gone too: the exit code says it.
        }
      }
      process.exit(1);
    });
  }
}

/** The help for null (--help, exit 0), else the run's exit code. */
async function runParsed<O>(spec: CliSpec<O>, options: O | null): Promise<number> {
  if (!options) {
    process.stdout.write(spec.help + '\n');
    return 0;
  }
  return spec.run(options);
}

/**
 * The command in-process with its errors thrown, not said (for callers that handle them,
 * e.g. tests expecting a `UsageError`): --help prints the help and resolves to 0.
 */
export async function callCli<O>(spec: CliSpec<O>, argv: string[]): Promise<number> {
  return runParsed(spec, await spec.parse(argv));
}

/** Run a CLI over `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli<O>(spec: CliSpec<O>, argv: string[]): Promise<number> {
  let parsed = false;
  // Node exits with code 0 when nothing is left to wait for, even mid-command (a promise that
  // never settles: a plug-in's top-level await, a callback never called): said and exit 1,
  // never a silent "success".
  const onExit = (code: number): void => {
    if (code !== 0) return;
    process.stderr.write(`${spec.name}: stopped before finishing: it was waiting for something that can never happen (a promise that never settles)\n`);
    process.exitCode = 1;
  };
  process.once('exit', onExit);
  watchOutput(spec.name);
  try {
    const options = await spec.parse(argv);
    parsed = true;
    return await runParsed(spec, options);
  } catch (e) {
    if (e instanceof UsageError || spec.usage?.(e)) {
      const hint = !parsed || spec.hintAlways;
      process.stderr.write(`${spec.name}: ${terminalText(hideCredentials((e as Error).message))}\n${hint ? HINT : ''}`);
      return 2;
    }
    const msg = spec.known?.(e) || isSystemError(e) ? (e as Error).message : ((e as Error)?.stack ?? String(e));
    process.stderr.write(`${spec.name}: ${terminalText(hideCredentials(msg))}\n`);
    return 1;
  } finally {
    process.off('exit', onExit);
  }
}
