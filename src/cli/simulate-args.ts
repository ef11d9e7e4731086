/**
 * Command-line options of `npm run simulate`: parsing (node:util parseArgs, strict) and
 * validation. Any problem is a `UsageError`, which the CLI reports with exit code 2.
 */
import { parseArgs } from 'node:util';
import { REWARD_NAMES, isRewardName, type RewardName } from '../core/env/reward';

/** A bad command line: the message says what is wrong; the CLI exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface SimulateOptions {
  /** Built-in catalog id or a MovieLens folder path. */
  catalog: string;
  users: number;
  simulator: string;
  recommender: string;
  seed: number;
  turns: number;
  listSize: number;
  instructions: boolean;
  sessions: number;
  reward: RewardName;
  out: string | null;
  json: boolean;
  quiet: boolean;
  /** --simulator llm: OpenAI-compatible base URL, model, env var holding the API key, idle timeout. */
  llmUrl: string | null;
  llmModel: string | null;
  llmKeyEnv: string | null;
  llmTimeoutSec: number;
  /** Print each session as text (default when one session runs without --json). */
  transcript: boolean;
  help: boolean;
}

export const DEFAULTS = {
  catalog: 'shortvideo',
  users: 1,
  simulator: 'rule-based',
  recommender: 'popular',
  seed: 42,
  turns: 10,
  listSize: 10,
  sessions: 1,
  reward: 'watch' as RewardName,
};

export const HELP = `Usage: npm run simulate -- [options]

Runs simulated sessions headlessly (same core as the playground) and prints a summary.

Options:
  --catalog ID|DIR     built-in catalog id, or a MovieLens folder (ml-latest CSVs or
                       ml-100k files)                               [default: ${DEFAULTS.catalog}]
  --users N            number of users: personas first, then sampled variants of them
                       (MovieLens: the first N users of the dataset) [default: ${DEFAULTS.users}]
  --simulator NAME     user simulator: rule-based, or llm (an OpenAI-compatible
                       endpoint, see the --llm-* options)           [default: ${DEFAULTS.simulator}]
  --recommender NAME   recommender; NAME+follow wraps it with the instruction-
                       following recommender (e.g. content+follow)  [default: ${DEFAULTS.recommender}]
                       or an HTTP recommender: http://127.0.0.1:PORT/PATH
  --recommender-module FILE  an ES module recommender (docs/recommender-api.md),
                       used as module:NAME
  --seed N             seed of the whole run (0 .. 4294967295)      [default: ${DEFAULTS.seed}]
  --turns N            most lists per session                       [default: ${DEFAULTS.turns}]
  --list-size N        items per list (1 .. 100)                    [default: ${DEFAULTS.listSize}]
  --no-instructions    the paper's "instructions off": one list per session
  --sessions N         sessions per user; later ones only when the retention model says
                       the user comes back                          [default: ${DEFAULTS.sessions}]
  --reward NAME        step reward: ${REWARD_NAMES.join(', ')}           [default: ${DEFAULTS.reward}]
  --out FILE.jsonl     write one line per session: its Gym-style transitions
  --json               print exactly one JSON object on stdout (progress goes to stderr)
  --transcript         print every session as text, item by item (on stderr with
                       --json); the default for a single session without --json
  --quiet              no progress output
  --llm-url URL        --simulator llm: base URL, e.g. http://127.0.0.1:11434/v1
  --llm-model NAME     --simulator llm: model name as the server knows it
  --llm-key-env VAR    --simulator llm: environment variable holding the API key
  --llm-timeout SEC    --simulator llm: seconds without a byte before a call fails [default: 120]
  -h, --help           show this help

Exit codes: 0 done, 1 a run or import failed, 2 bad options.`;

/** A whole-number option in [min, max]; a clear UsageError otherwise. */
export function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Parse and validate `argv` (without the node and script paths). Names of plug-ins are checked by the CLI. */
export function parseSimulateArgs(argv: string[]): SimulateOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        catalog: { type: 'string' },
        users: { type: 'string' },
        simulator: { type: 'string' },
        recommender: { type: 'string' },
        seed: { type: 'string' },
        turns: { type: 'string' },
        'list-size': { type: 'string' },
        'no-instructions': { type: 'boolean' },
        sessions: { type: 'string' },
        reward: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        transcript: { type: 'boolean' },
        'llm-url': { type: 'string' },
        'llm-model': { type: 'string' },
        'llm-key-env': { type: 'string' },
        'llm-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // parseArgs' messages already name the option ("Unknown option '--foo'").
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const str = (k: string) => values[k] as string | undefined;
  const reward = str('reward') ?? DEFAULTS.reward;
  if (!isRewardName(reward)) throw new UsageError(`--reward must be one of ${REWARD_NAMES.join(', ')}, got "${reward}"`);
  const out = str('out');
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a file name');
  if ((str('llm-url') || str('llm-model')) && (str('simulator') ?? DEFAULTS.simulator) !== 'llm') {
    throw new UsageError('--llm-url and --llm-model only apply with --simulator llm');
  }
  for (const k of ['catalog', 'simulator', 'recommender']) {
    if (str(k) !== undefined && str(k)!.trim() === '') throw new UsageError(`--${k} needs a value`);
  }
  return {
    catalog: str('catalog') ?? DEFAULTS.catalog,
    users: intOption('users', str('users'), DEFAULTS.users, 1, 1_000_000),
    simulator: str('simulator') ?? DEFAULTS.simulator,
    recommender: str('recommender') ?? DEFAULTS.recommender,
    seed: intOption('seed', str('seed'), DEFAULTS.seed, 0, 0xffffffff),
    turns: intOption('turns', str('turns'), DEFAULTS.turns, 1, 1000),
    listSize: intOption('list-size', str('list-size'), DEFAULTS.listSize, 1, 100),
    instructions: !values['no-instructions'],
    sessions: intOption('sessions', str('sessions'), DEFAULTS.sessions, 1, 1000),
    reward,
    out: out ?? null,
    json: !!values.json,
    quiet: !!values.quiet,
    transcript: !!values.transcript,
    llmUrl: str('llm-url') ?? null,
    llmModel: str('llm-model') ?? null,
    llmKeyEnv: str('llm-key-env') ?? null,
    llmTimeoutSec: intOption('llm-timeout', str('llm-timeout'), 120, 1, 3600),
    help: !!values.help,
  };
}
