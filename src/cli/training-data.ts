/**
 * `npm run training-data -- [options]`: runs seeded sessions, keeps the trajectories the
 * rule-based judge passes (rubric thresholds editable), and writes them as chat
 * fine-tuning JSONL, plus DPO preference pairs against a rival recommender. docs/training.md.
 * Exit codes: 0 done, 1 failed, 2 bad options.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { buildCatalogIndex } from '../core/catalog/catalog-index';
import { runBatch } from '../core/env/batch';
import { fitRng } from '../core/env/fit-rng';
import { createRuleJudge, RUBRICS, type RubricId } from '../core/eval/judge';
import { createRecommender, isKnownRecommender, parseRecommenderName } from '../core/recommenders/agentic';
import { isExternalName } from '../core/recommenders/remote/external';
import { chatExample, preferencePairs } from '../core/rl/training-data';
import { simulators } from '../core/simulator/registry';
import type { Observation } from '../core/types';
import { defaultContext } from '../core/users/context';
import { personasThenPopulation } from '../core/users/population';
import { rejectRepeatedFlags } from './repeated-flags';
import { prepareExternalRecommenders } from './external-recommenders';
import { UsageError, intOption } from './simulate-args';
import { checkNotInputFile, checkOutputPath, inputFilesOf, sameFile } from './output-path';
import { terminalText } from './terminal-text';
import { callCli, runCli, type CliSpec } from './cli-main';

export const HELP = `Usage: npm run training-data -- [options]

Runs sessions, keeps those the rule-based judge passes, writes chat fine-tuning JSONL and
DPO preference pairs (same user, same turn, same prefix: the list that kept the user
against the one that lost them).

  --recommender NAME     the recommender whose sessions are judged [default: linucb+follow]
  --rival NAME           the other list of each preference pair     [default: popular+follow]
  --users N              personas, then variants                    [default: 30]
  --seed N                                                          [default: 42]
  --list-size N / --turns N                                         [default: 6 / 8]
  --min-followed X       rubric "${RUBRICS[0].text}": least score to keep [default: 0.5]
  --min-better-off X     rubric "${RUBRICS[1].text}": least score [default: 0.5]
  --call-timeout MS      an HTTP or module recommender (or rival): deadline of each
                         recommend/reset call, 1 .. 600000          [default: 10000]
  --fit-timeout MS       the same for fit, 1 .. 600000   [default: 10 x the call deadline]
  --chat FILE            write kept trajectories (chat format)       [default: none]
  --dpo FILE             write preference pairs                      [default: none]
  --json                 print a one-object summary
  -h, --help`;

function unit(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  // A decimal only: Number('') and Number(' ') are 0 (an emptied threshold kept everything), Number('0x1') is 1.
  const x = /^(\d+(\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`--${name} must be a number from 0 to 1, got "${raw}"`);
  return x;
}

/** The options of one training-data run. */
export interface TrainingDataOptions {
  name: string;
  rivalName: string;
  nUsers: number;
  seed: number;
  listSize: number;
  maxTurns: number;
  mins: Record<RubricId, number>;
  chat?: string;
  dpo?: string;
  json: boolean;
  /** Deadlines of an HTTP or module recommender's calls (ms; absent: 10 s and 10 x that for fit). */
  remoteDeadlines: { timeoutMs?: number; fitTimeoutMs?: number };
}

/** Parse argv (loading any --recommender-module first); throws UsageError. Null for --help. */
export async function parseTrainingDataArgs(argv0: string[]): Promise<TrainingDataOptions | null> {
  // The module files read: --chat or --dpo naming one wrote JSONL over its code.
  const inputs = inputFilesOf(argv0, ['recommender-module']);
  const modules: { file: string; name: string }[] = [];
  const argv = await prepareExternalRecommenders(argv0, modules);
  let values: Record<string, string | boolean | undefined>;
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({
      args: argv, strict: true,
      options: {
        recommender: { type: 'string' }, rival: { type: 'string' }, users: { type: 'string' }, seed: { type: 'string' },
        'list-size': { type: 'string' }, turns: { type: 'string' }, 'min-followed': { type: 'string' }, 'min-better-off': { type: 'string' },
        chat: { type: 'string' }, dpo: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        'call-timeout': { type: 'string' }, 'fit-timeout': { type: 'string' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  const s = (k: string) => values[k] as string | undefined;
  const name = s('recommender') ?? 'linucb+follow';
  const rivalName = s('rival') ?? 'popular+follow';
  for (const [opt, n] of [['recommender', name], ['rival', rivalName]]) if (!isKnownRecommender(n)) throw new UsageError(`--${opt} "${n}" is unknown`);
  // A module neither side names was loaded (its code run) and never asked for a list, unsaid.
  const bases = [name, rivalName].map((n) => parseRecommenderName(n).base);
  for (const m of modules) {
    if (!bases.includes(m.name)) throw new UsageError(`--recommender-module ${m.file} is loaded as ${m.name}, but neither --recommender ("${name}") nor --rival ("${rivalName}") names it: the module would not run`);
  }
  if (name === rivalName) throw new UsageError(`--rival "${rivalName}" is the --recommender itself: every preference pair would compare a list with itself; name another recommender`);
  const nUsers = intOption('users', s('users'), 30, 1, 100_000);
  const seed = intOption('seed', s('seed'), 42, 0, 0xffffffff);
  const listSize = intOption('list-size', s('list-size'), 6, 1, 100);
  const maxTurns = intOption('turns', s('turns'), 8, 1, 1000);
  const mins: Record<RubricId, number> = { followed: unit('min-followed', s('min-followed'), 0.5), better_off: unit('min-better-off', s('min-better-off'), 0.5) };
  for (const flag of ['chat', 'dpo'] as const) if (s(flag) !== undefined) (checkOutputPath(flag, s(flag)!), checkNotInputFile(flag, s(flag)!, inputs));
  if (s('chat') !== undefined && s('dpo') !== undefined && sameFile(s('chat')!, s('dpo')!)) throw new UsageError(`--chat and --dpo name the same file "${s('chat')}": one would overwrite the other`);
  const remoteDeadlines: TrainingDataOptions['remoteDeadlines'] = {};
  if (s('call-timeout') !== undefined) remoteDeadlines.timeoutMs = intOption('call-timeout', s('call-timeout'), 10_000, 1, 600_000);
  if (s('fit-timeout') !== undefined) remoteDeadlines.fitTimeoutMs = intOption('fit-timeout', s('fit-timeout'), 100_000, 1, 600_000);
  const external = [name, rivalName].some((n) => isExternalName(parseRecommenderName(n).base));
  if (Object.keys(remoteDeadlines).length && !external) throw new UsageError('--call-timeout and --fit-timeout only apply to an HTTP or module recommender (--recommender or --rival http://..., --recommender-module FILE)');
  return { name, rivalName, nUsers, seed, listSize, maxTurns, mins, chat: s('chat'), dpo: s('dpo'), json: !!values.json, remoteDeadlines };
}

/** Where the output files go (tests pass a slow stream). */
export interface TrainingDataOutput {
  open(path: string): Writable;
}

/**
 * Write one line and wait for 'drain' when the stream's buffer is full, so memory holds at
 * most about one buffer (16 KB) plus one line however slow the disk or pipe; an error while
 * waiting (a full disk) rejects, and so does one that came earlier (see `keepError`).
 */
export async function writeLine(w: Writable, line: string): Promise<void> {
  throwIfFailed(w);
  if (!w.write(line + '\n')) await once(w, 'drain');
}

/**
 * An output stream whose error is kept, to be thrown by the next write or at the end: the
 * error can come while the run waits on something else (a module or HTTP rival between two
 * writes), and unheard it was Node's "Unhandled 'error' event" with a stack.
 */
function keepError(w: Writable): Writable {
  w.on('error', () => undefined);
  return w;
}

function throwIfFailed(w: Writable): void {
  if (w.errored) throw w.errored;
}

/** End the stream and wait until all of it is written; its error, however early, rejects. */
async function close(w: Writable): Promise<void> {
  throwIfFailed(w);
  w.end();
  await finished(w);
}

/** The recommender `name`, with the deadlines when it is called (HTTP, module). */
function recommenderFor(name: string, o: TrainingDataOptions) {
  return createRecommender(name, isExternalName(parseRecommenderName(name).base) ? o.remoteDeadlines : undefined);
}

/** Run the sessions, judge them and write the files; returns the exit code (1: a session failed). */
export async function writeTrainingData(o: TrainingDataOptions, output: TrainingDataOutput = { open: (path) => createWriteStream(path) }): Promise<number> {
  const { name, rivalName, nUsers, seed, listSize, maxTurns, mins } = o;
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(BUILTIN_CATALOGS[0].id), loadBuiltinPersonas()]);
  const index = buildCatalogIndex(catalog);
  const users = personasThenPopulation(personas, nUsers, seed);
  const training = { catalog, users: users.length >= personas.length ? users : personas };
  const simulator = () => simulators.get('rule-based').create();
  const observations = new Map<number, Observation[]>();
  const res = await runBatch({
    catalog, index, users, contextFor: defaultContext, simulator: simulator(), recommenders: [recommenderFor(name, o)], training,
    seed, listSize, maxTurns, instructionsEnabled: true, keepTrajectories: true,
    onStep: (t, w) => {
      if (t.action.itemIds.length === 0) return;
      const list = observations.get(w.userIndex) ?? [];
      list.push(t.observation);
      observations.set(w.userIndex, list);
    },
  });
  const run = res.runs[0];
  const judge = createRuleJudge(index);
  const rival = recommenderFor(rivalName, o);
  rival.fit?.(training, fitRng(seed, rival.name));
  const chat = o.chat ? keepError(output.open(o.chat)) : null;
  const dpo = o.dpo ? keepError(output.open(o.dpo)) : null;
  let kept = 0;
  let pairs = 0;
  try {
    for (let u = 0; u < run.trajectories.length; u++) {
      for (const w of [chat, dpo]) if (w) throwIfFailed(w);
      const t = run.trajectories[u];
      if (t.endReason === 'error') continue;
      const userIndex = users.findIndex((x) => x.id === t.userId);
      const v = await judge.judge(t);
      const pass = v.instructions > 0 && RUBRICS.every((r) => v.scores[r.id] >= mins[r.id]);
      if (pass) {
        kept++;
        if (chat) await writeLine(chat, JSON.stringify(chatExample(t, observations.get(userIndex) ?? [], listSize, index)));
      }
      if (dpo) {
        const user = users[userIndex];
        const ps = await preferencePairs(t, rival, { index, user, context: defaultContext(user), simulator, seed: t.seed, listSize, maxTurns, instructionsEnabled: true });
        for (const p of ps) await writeLine(dpo, JSON.stringify(p));
        pairs += ps.length;
      }
    }
    for (const w of [chat, dpo]) if (w) await close(w);
  } catch (e) {
    // A reader that stopped early (`--dpo /dev/stdout | head -1`) ends the command quietly, as stdout closed early does.
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 141;
    throw e;
  }
  // A failed session is said, not only counted (an unreachable or silent recommender).
  for (const e of run.errors) process.stderr.write(terminalText(`training-data: error: user ${e.userId}: ${e.message}`) + '\n');
  const summary = { recommender: name, rival: rivalName, users: users.length, seed, sessions: run.trajectories.length, errors: run.errors.length, kept, pairs, rubrics: mins, chat: o.chat ?? null, dpo: o.dpo ?? null };
  process.stdout.write(o.json ? JSON.stringify(summary) + '\n' : `${kept} of ${run.trajectories.length} trajectories kept (rule judge, ${RUBRICS.map((r) => `${r.id} >= ${mins[r.id]}`).join(', ')}); ${pairs} preference pairs against ${rivalName}.\n`);
  return run.errors.length ? 1 : 0;
}

const SPEC: CliSpec<TrainingDataOptions> = { name: 'training-data', parse: parseTrainingDataArgs, help: HELP, run: writeTrainingData };

/** Run the command in-process; throws on bad options (UsageError) and failures. Returns the exit code (0 after --help). */
export function main(argv: string[]): Promise<number> {
  return callCli(SPEC, argv);
}

const isEntry = process.argv[1] && /training-data\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // 2: bad options; 1: a failed session, or a failure with its stack.
  runCli(SPEC, process.argv.slice(2)).then((code) => (process.exitCode = code));
}
