/**
 * Command-line options of `npm run simulate`: parsing (node:util parseArgs, strict) and
 * validation. Any problem is a `UsageError`, which the CLI reports with exit code 2.
 */
import { readInputFile, rejectDuplicateKeys } from './input-file';
import { rejectRepeatedFlags } from './repeated-flags';
import { parseArgs } from 'node:util';
import { REWARD_NAMES, isRewardName, type RewardName } from '../core/env/reward';
import { isKnownRecommender } from '../core/recommenders/agentic';
import { httpNameProblem, isExternalName } from '../core/recommenders/remote/external';
import { recommenders } from '../core/recommenders/registry';
import { simulators } from '../core/simulator/registry';
import { parseRunDescription, RunDescriptionError, type RunDescription } from '../core/run/description';
import { DEVICES, RUN_FIELDS as F, TIMES_OF_DAY, type IntField } from '../core/run/fields';
import { isRepresentationMode, REPRESENTATION_MODES } from '../core/simulator/llm/representation-for';
import type { RepresentationMode } from '../core/simulator/llm/representation';
import { sanitizeEdits, type PersonaEdits } from '../core/run/persona-edits';
import { TRAIT_RANGES } from '../core/users/personas';

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
  /** --simulator llm: how items are written in the prompt (text, sid, sid-counts). */
  llmRepresentation: RepresentationMode;
  /** Print each session as text (default when one session runs without --json). */
  transcript: boolean;
  help: boolean;
  /** --help-params: list the recommenders' parameters. */
  helpParams: boolean;
  /** --print-run: print the description and exit. */
  printRun: boolean;
  /**
   * The run description the options encode. A one-user run without --user names the
   * table's default user; on a dataset folder the CLI takes its first user instead
   * (`userGiven` false).
   */
  run: RunDescription;
  /** True when --user or --users (or --run with users) named the users. */
  userGiven: boolean;
  /** An HTTP or module recommender's deadlines, ms: each recommend/reset call, and fit (null: 10 s and 100 s). */
  callTimeoutMs: number | null;
  fitTimeoutMs: number | null;
}

/**
 * Defaults: the run description's table (src/core/run/fields.ts), the same as the
 * playground's: `npm run simulate` with no options runs the session a fresh playground
 * shows. See docs/run-description.md for why these values.
 */
export const DEFAULTS = {
  catalog: F.catalog.default,
  users: 1,
  simulator: F.simulator.default,
  recommender: F.follow.default ? `${F.recommender.default}+follow` : F.recommender.default,
  seed: F.seed.default,
  turns: F.turns.default,
  listSize: F.listSize.default,
  sessions: F.sessions.default,
  reward: F.reward.default as RewardName,
};

/** "  --flag ARG   help   [default: x]" for a row of the table. */
function row(flag: string, help: string, extra = ''): string {
  const head = `  ${flag}`.padEnd(23);
  return `${head}${help}${extra ? ` ${extra}` : ''}`;
}
const range = (f: IntField) => `(${f.min} .. ${f.max})`;
const dflt = (v: unknown) => `[default: ${v === '' ? 'the user\'s' : v}]`;

export const HELP = `Usage: npm run simulate -- [options]

Runs simulated sessions headlessly (same core as the playground) and prints a summary.
The run options are an encoding of the run description (docs/run-description.md);
--run FILE reads a whole description from JSON (options given as well override it).

Run options:
${row('--run FILE.json', 'a run description (JSON)')}
${row('--catalog ID|DIR', 'built-in catalog id, or a MovieLens folder', dflt(DEFAULTS.catalog))}
${row('--user ID', F.user.help, `${dflt(F.user.default)}; a dataset: its first user`)}
${row('--users N', F.population.help, range({ ...F.population, min: 1 }))}
${row('--simulator NAME', 'rule-based, or llm (an OpenAI-compatible endpoint, --llm-*)', dflt(DEFAULTS.simulator))}
${row('--recommender NAME', 'recommender; NAME+follow wraps it with the instruction-following recommender', dflt(DEFAULTS.recommender))}
                       or an HTTP recommender: http://127.0.0.1:PORT/PATH
  --recommender-module FILE  an ES module recommender (docs/recommender-api.md),
                       used as module:NAME
  --call-timeout MS    an HTTP or module recommender: deadline of each recommend/reset
                       call (1 .. 600000)                                [default: 10000]
  --fit-timeout MS     an HTTP or module recommender: deadline of fit (1 .. 600000)
                       [default: 10 x the call deadline, 100000]
${row('--rec-param K=V', 'a recommender parameter (repeatable), e.g. --rec-param factors=16; see --help-params')}
${row('--planner NAME', `${F.planner.help} (${F.planner.values.join(', ')})`, dflt(F.planner.default))}
${row('--seed N', `${F.seed.help} ${range(F.seed)}`, dflt(DEFAULTS.seed))}
${row('--turns N', `${F.turns.help} ${range(F.turns)}`, dflt(DEFAULTS.turns))}
${row('--list-size N', `${F.listSize.help} ${range(F.listSize)}`, dflt(DEFAULTS.listSize))}
${row('--no-instructions', F.instructions.help)}
${row('--sessions N', `${F.sessions.help} ${range(F.sessions)}`, dflt(DEFAULTS.sessions))}
${row('--reward NAME', `${REWARD_NAMES.join(', ')}`, dflt(DEFAULTS.reward))}
${row('--time-of-day T', `${TIMES_OF_DAY.join(', ')}`, dflt(''))}
${row('--day-of-week D', '0 (Sunday) .. 6', dflt(''))}
${row('--device D', `${DEVICES.join(', ')}`, dflt(''))}
${row('--location TEXT', `at most ${F.location.maxLength} characters`, dflt(''))}
${row('--edits JSON', 'persona edits of the one user, e.g. {"age":30,"interests":{"f1":1}}')}
${row('--first-list A,B,C', 'a hand-picked first list (item ids)')}
${row('--print-run', 'print the run description as JSON and exit')}

Output options:
  --out FILE.jsonl     write one line per session: its Gym-style transitions
  --json               print exactly one JSON object on stdout (progress goes to stderr)
  --transcript         print every session as text, item by item (on stderr with
                       --json); the default for a single session without --json
  --quiet              no progress output
  --llm-url URL        --simulator llm: base URL, e.g. http://127.0.0.1:11434/v1
  --llm-model NAME     --simulator llm: model name as the server knows it
  --llm-key-env VAR    --simulator llm: environment variable holding the API key
  --llm-timeout SEC    --simulator llm: seconds without a byte before a call fails [default: 120]
  --llm-representation MODE  --simulator llm: items in the prompt as text, sid (semantic-ID
                       codes with a legend) or sid-counts [default: text]
  --help-params        list every recommender's parameters (name, range, default)
  -h, --help           show this help

Exit codes: 0 done, 1 a run or import failed, 2 bad options, 130 stopped by Ctrl-C (after
the summary of what ran).`;

/** Every registered recommender's declared parameters, for --help-params. */
export function paramsHelp(): string {
  const out: string[] = ['Recommender parameters (--rec-param NAME=VALUE; URL: rp=NAME:VALUE,...):', ''];
  for (const e of recommenders.list()) {
    out.push(`${e.name}${e.params?.length ? '' : ': no parameters'}`);
    for (const p of e.params ?? []) out.push(`  ${p.name.padEnd(18)} ${p.type} ${p.min} .. ${p.max}  [default: ${p.default}]  ${p.help}`);
  }
  return out.join('\n');
}

/** A whole-number option in [min, max]; a clear UsageError otherwise. */
export function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  // Quoted as typed: past 2^53 the number read is another one (9007199254740993 reads as ...992).
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${raw.trim()}`);
  return n;
}

/** Read `--run FILE` (a JSON run description, possibly partial). */
function readRunFile(file: string): Record<string, unknown> {
  // Size and kind checked before reading (a FIFO or /dev/zero was read forever); a run description is a few hundred bytes.
  const text = readInputFile('run', file, 1_000_000);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--run ${file}: not JSON (${(e as Error).message.slice(0, 200)})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`--run ${file}: must hold one JSON object (a run description)`);
  rejectDuplicateKeys('run', file, text);
  return v as Record<string, unknown>;
}

/** What persona edits may hold (src/core/run/persona-edits.ts). */
const EDITS_RULES = `age: a whole number 0 .. 120; gender, location, occupation: text up to 80 characters; interests: topic -> 0 .. 1; traits: ${Object.keys(TRAIT_RANGES).join(', ')} -> 0 .. 1, timeBudgetSec 0 .. 36000`;

/** The fields of `raw` that `sanitizeEdits` dropped (`kept`), as "key: value" (values cut to 40 characters). */
function droppedEdits(raw: Record<string, unknown>, kept: PersonaEdits | undefined): string[] {
  const short = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 40);
  const k = (kept ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, v] of Object.entries(raw)) {
    if ((key === 'interests' || key === 'traits') && v && typeof v === 'object' && !Array.isArray(v)) {
      const keptMap = (k[key] ?? {}) as Record<string, unknown>;
      // A trait no user has passes the sanitizer and is dropped when applied: refused here too.
      const known = (name: string) => Object.hasOwn(keptMap, name) && (key === 'interests' || Object.hasOwn(TRAIT_RANGES, name));
      for (const [name, w] of Object.entries(v)) if (!known(name)) out.push(`${key}.${name}: ${short(w)}`);
    } else if (!Object.hasOwn(k, key)) out.push(`${key}: ${short(v)}`);
  }
  return out;
}

/** "--rec-param k=v" values -> { k: v } (numbers; the registry checks names and ranges). */
function recParams(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kv of values) {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(kv);
    if (!m) throw new UsageError(`--rec-param must be NAME=VALUE (e.g. factors=16), got "${kv.slice(0, 80)}"`);
    // Decimal forms only: Number() also read 0x10, 0b11 and 0o7, which no other flag takes.
    const v = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(m[2]) ? Number(m[2]) : NaN;
    if (!Number.isFinite(v) || m[2].trim() === '') throw new UsageError(`--rec-param ${m[1]} must be a number, got "${m[2].slice(0, 40)}"`);
    // --rec-param factors=8 --rec-param factors=16 ran 16, unsaid (a flag given twice is refused).
    if (Object.hasOwn(out, m[1])) throw new UsageError(`--rec-param ${m[1]} is given twice (${out[m[1]]} and ${v}): give it once`);
    out[m[1]] = v;
  }
  return out;
}

/** Parse and validate `argv` (without the node and script paths). Names of plug-ins are checked by the CLI. */
export function parseSimulateArgs(argv: string[]): SimulateOptions {
  let values: Record<string, string | boolean | string[] | undefined>;
  rejectRepeatedFlags(argv, ['rec-param']);
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        run: { type: 'string' },
        catalog: { type: 'string' },
        user: { type: 'string' },
        users: { type: 'string' },
        simulator: { type: 'string' },
        recommender: { type: 'string' },
        'rec-param': { type: 'string', multiple: true },
        planner: { type: 'string' },
        seed: { type: 'string' },
        turns: { type: 'string' },
        'list-size': { type: 'string' },
        'no-instructions': { type: 'boolean' },
        sessions: { type: 'string' },
        reward: { type: 'string' },
        'time-of-day': { type: 'string' },
        'day-of-week': { type: 'string' },
        device: { type: 'string' },
        location: { type: 'string' },
        edits: { type: 'string' },
        'first-list': { type: 'string' },
        'print-run': { type: 'boolean' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        transcript: { type: 'boolean' },
        'llm-url': { type: 'string' },
        'llm-model': { type: 'string' },
        'llm-key-env': { type: 'string' },
        'llm-timeout': { type: 'string' },
        'llm-representation': { type: 'string' },
        'call-timeout': { type: 'string' },
        'fit-timeout': { type: 'string' },
        'help-params': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    // parseArgs' messages already name the option ("Unknown option '--foo'").
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const str = (k: string) => values[k] as string | undefined;
  const reward = str('reward');
  if (reward !== undefined && !isRewardName(reward)) throw new UsageError(`--reward must be one of ${REWARD_NAMES.join(', ')}, got "${reward}"`);
  const out = str('out');
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a file name');
  const fileRun = str('run') !== undefined ? readRunFile(str('run')!) : {};
  const simulator = str('simulator') ?? ((fileRun.simulator as { name?: string } | undefined)?.name) ?? DEFAULTS.simulator;
  if ((str('llm-url') || str('llm-model')) && simulator !== 'llm') {
    throw new UsageError('--llm-url and --llm-model only apply with --simulator llm');
  }
  // Ignored without a word otherwise (a rule-based run under a command line that reads as an LLM one).
  for (const flag of ['llm-timeout', 'llm-key-env']) if (str(flag) !== undefined && simulator !== 'llm') throw new UsageError(`--${flag} only applies with --simulator llm`);
  const representation = str('llm-representation');
  if (representation !== undefined && simulator !== 'llm') throw new UsageError('--llm-representation only applies with --simulator llm');
  if (representation !== undefined && !isRepresentationMode(representation)) {
    throw new UsageError(`--llm-representation must be one of ${REPRESENTATION_MODES.join(', ')}, got "${representation}"`);
  }
  for (const k of ['catalog', 'simulator', 'recommender', 'user']) {
    if (str(k) !== undefined && str(k)!.trim() === '') throw new UsageError(`--${k} needs a value`);
  }
  // Names first, with messages that name the option (the description would say "recommender.name").
  if (str('recommender') !== undefined && !isKnownRecommender(str('recommender')!)) {
    const problem = /^https?:\/\//i.test(str('recommender')!) ? httpNameProblem(str('recommender')!.replace(/\+follow$/, '')) : null;
    if (problem) throw new UsageError(`--recommender: ${problem}`);
    throw new UsageError(`--recommender "${str('recommender')}" is unknown. Known: ${recommenders.names().join(', ')} (add +follow to follow instructions)`);
  }
  const knownSims = [...new Set([...simulators.names(), 'llm'])];
  if (!knownSims.includes(simulator)) throw new UsageError(`--simulator "${simulator}" is unknown. Known: ${knownSims.join(', ')}`);
  if (str('user') !== undefined && str('users') !== undefined) throw new UsageError('--user names one user, --users a number of them: give one of the two');
  if (str('edits') !== undefined && str('users') !== undefined) throw new UsageError('--edits apply to one user (--user), not to --users');

  // The description: the file's fields, then every option given on top (options win).
  const d: Record<string, unknown> = { ...fileRun };
  const fileRec = (fileRun.recommender ?? {}) as Record<string, unknown>;
  const rec: Record<string, unknown> = { ...fileRec };
  if (str('recommender') !== undefined) {
    const name = str('recommender')!;
    rec.name = name.endsWith('+follow') ? name.slice(0, -'+follow'.length) : name;
    rec.follow = name.endsWith('+follow');
  } else if (rec.name === undefined) {
    rec.name = F.recommender.default;
    rec.follow = F.follow.default;
  }
  if (str('planner') !== undefined) rec.planner = str('planner');
  if (values['rec-param']) rec.params = { ...((fileRec.params as object) ?? {}), ...recParams(values['rec-param'] as string[]) };
  d.recommender = rec;
  if (str('catalog') !== undefined) d.catalog = str('catalog');
  let userGiven = fileRun.users !== undefined;
  if (str('user') !== undefined) {
    d.users = { kind: 'user', id: str('user') };
    userGiven = true;
  }
  const users = intOption('users', str('users'), 1, 1, 1_000_000);
  if (str('users') !== undefined) {
    d.users = { kind: 'population', size: users };
    userGiven = true;
  }
  if (str('edits') !== undefined) {
    let edits: unknown;
    try {
      edits = JSON.parse(str('edits')!);
    } catch {
      throw new UsageError(`--edits must be JSON, e.g. '{"age":30}'`);
    }
    // A link's malformed edits are dropped quietly (untrusted); typed ones ran the persona unedited, unsaid.
    if (!edits || typeof edits !== 'object' || Array.isArray(edits)) throw new UsageError(`--edits must be a JSON object, e.g. '{"age":30}'`);
    const dropped = droppedEdits(edits as Record<string, unknown>, sanitizeEdits(edits));
    if (dropped.length) throw new UsageError(`--edits: not applied, not valid: ${dropped.join(', ')} (${EDITS_RULES})`);
    const u = (d.users ?? { kind: 'user', id: F.user.default }) as Record<string, unknown>;
    d.users = { ...u, edits };
  }
  if (str('simulator') !== undefined) d.simulator = { ...((fileRun.simulator as object) ?? {}), name: simulator === 'llm' ? 'llm' : simulator };
  if (str('seed') !== undefined) d.seed = intOption('seed', str('seed'), F.seed.default, F.seed.min, F.seed.max);
  if (str('turns') !== undefined) d.turns = intOption('turns', str('turns'), F.turns.default, F.turns.min, F.turns.max);
  if (str('list-size') !== undefined) d.listSize = intOption('list-size', str('list-size'), F.listSize.default, F.listSize.min, F.listSize.max);
  if (str('sessions') !== undefined) d.sessions = intOption('sessions', str('sessions'), F.sessions.default, F.sessions.min, F.sessions.max);
  if (values['no-instructions']) d.instructions = false;
  if (reward !== undefined) d.reward = reward;
  const ctx: Record<string, unknown> = { ...((fileRun.context as object) ?? {}) };
  if (str('time-of-day') !== undefined) ctx.timeOfDay = str('time-of-day');
  if (str('day-of-week') !== undefined) ctx.dayOfWeek = intOption('day-of-week', str('day-of-week'), 0, 0, 6);
  if (str('device') !== undefined) ctx.device = str('device');
  if (str('location') !== undefined) ctx.location = str('location');
  d.context = ctx;
  if (str('first-list') !== undefined) d.firstList = str('first-list')!.split(',').map((x) => x.trim()).filter(Boolean);
  // Deadlines of a recommender that is called (HTTP, module); a built-in answers in-process.
  const callTimeoutMs = str('call-timeout') === undefined ? null : intOption('call-timeout', str('call-timeout'), 10_000, 1, 600_000);
  const fitTimeoutMs = str('fit-timeout') === undefined ? null : intOption('fit-timeout', str('fit-timeout'), 100_000, 1, 600_000);
  for (const [flag, v] of [['call-timeout', callTimeoutMs], ['fit-timeout', fitTimeoutMs]] as const) {
    if (v !== null && !isExternalName(String(rec.name))) throw new UsageError(`--${flag} only applies to an HTTP or module recommender (--recommender http://..., --recommender-module FILE), not "${String(rec.name)}"`);
  }
  let run: RunDescription;
  try {
    run = parseRunDescription(d);
  } catch (e) {
    if (e instanceof RunDescriptionError) throw new UsageError(e.message.replace(/^Invalid run description: /, 'run description: '));
    throw e;
  }
  // A repeated id failed every session late ("appears twice in the slate"); ids past the list size were dropped unsaid.
  if (run.firstList) {
    const twice = run.firstList.find((id, i) => run.firstList!.indexOf(id) !== i);
    if (twice !== undefined) throw new UsageError(`--first-list names "${twice}" twice; a list shows an item once`);
    if (run.firstList.length > run.listSize) throw new UsageError(`--first-list has ${run.firstList.length} items, more than a list holds (--list-size ${run.listSize})`);
  }
  // The planner plans for the instruction-following recommender only: without +follow it ran unread.
  if (str('planner') !== undefined && !run.recommender.follow) throw new UsageError(`--planner only applies to an instruction-following recommender (NAME+follow), not "${run.recommender.name}"`);
  return {
    catalog: run.catalog,
    users: run.users.kind === 'population' ? run.users.size : 1,
    simulator: run.simulator.name,
    recommender: run.recommender.follow ? `${run.recommender.name}+follow` : run.recommender.name,
    seed: run.seed,
    turns: run.turns,
    listSize: run.listSize,
    instructions: run.instructions,
    sessions: run.sessions,
    reward: run.reward,
    out: out ?? null,
    json: !!values.json,
    quiet: !!values.quiet,
    transcript: !!values.transcript,
    llmUrl: str('llm-url') ?? null,
    llmModel: str('llm-model') ?? null,
    llmKeyEnv: str('llm-key-env') ?? null,
    llmTimeoutSec: intOption('llm-timeout', str('llm-timeout'), 120, 1, 3600),
    llmRepresentation: (representation as RepresentationMode | undefined) ?? 'text',
    help: !!values.help,
    helpParams: !!values['help-params'],
    printRun: !!values['print-run'],
    run,
    userGiven,
    callTimeoutMs,
    fitTimeoutMs,
  };
}

/**
 * A run description as CLI options (the inverse of `parseSimulateArgs`' run part): what
 * `--print-run` users and tests use to check that the flags encode the description.
 */
export function cliArgsOf(d: RunDescription): string[] {
  const a: string[] = ['--catalog', d.catalog];
  if (d.users.kind === 'user') {
    a.push('--user', d.users.id);
    if (d.users.edits) a.push('--edits', JSON.stringify(d.users.edits));
  } else a.push('--users', String(d.users.size));
  a.push('--simulator', d.simulator.name);
  a.push('--recommender', d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name);
  if (d.recommender.follow) a.push('--planner', d.recommender.planner);
  for (const [k, v] of Object.entries(d.recommender.params)) a.push('--rec-param', `${k}=${v}`);
  a.push('--seed', String(d.seed), '--turns', String(d.turns), '--list-size', String(d.listSize), '--sessions', String(d.sessions), '--reward', d.reward);
  if (!d.instructions) a.push('--no-instructions');
  if (d.context.timeOfDay) a.push('--time-of-day', d.context.timeOfDay);
  if (d.context.dayOfWeek !== undefined) a.push('--day-of-week', String(d.context.dayOfWeek));
  if (d.context.device) a.push('--device', d.context.device);
  if (d.context.location) a.push('--location', d.context.location);
  if (d.firstList) a.push('--first-list', d.firstList.join(','));
  return a;
}
