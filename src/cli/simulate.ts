/**
 * `npm run simulate -- [options]`: headless sessions in Node on the same core as the
 * playground. See docs/cli.md and `--help`.
 *
 * stdout: a readable summary, or with --json exactly one JSON object. stderr: progress
 * and errors. Exit codes: 0 done, 1 a run or import failed, 2 bad options.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { runBatch } from '../core/env/batch';
import type { Transition } from '../core/env/session-driver';
import { ImportError } from '../core/catalog/import-error';
import { ChatEngineError } from '../core/llm/chat-engine';
import { buildCatalogIndex } from '../core/catalog/catalog-index';
import type { Catalog } from '../core/types';
import { buildRun, BuildRunError, type BuiltRun } from '../core/run/build-run';
import { simulators } from '../core/simulator/registry';
import type { UserSimulator } from '../core/simulator/simulator';
import { loadRunWorld } from './load-world';
import { createProgress, silentProgress } from './progress';
import { HELP, UsageError, paramsHelp, parseSimulateArgs, type SimulateOptions } from './simulate-args';
import { checkNotDatasetFile, checkNotInputFile, checkOutputPath, inputFilesOf } from './output-path';
import { sessionRecord, summarize, type SessionRecord } from './summarize';
import { formatSummary } from './format-summary';
import { formatTranscript } from './transcript';
import { createCliLlmSimulator, printableLlmUrl } from './llm-simulator';
import { terminalJson, terminalText } from './terminal-text';
import { fallbackWarning } from '../core/llm/fallback-share';
import { prepareExternalRecommenders } from './external-recommenders';
import { runCli } from './cli-main';
import { flagValue, relaunchWithHeapFor } from './heap';

/** The simulator the CLI supplies (the LLM one); undefined: `buildRun` makes the registered one. */
function createSimulator(o: SimulateOptions, catalog?: Catalog): UserSimulator | undefined {
  if (o.simulator !== 'llm') {
    if (!simulators.has(o.simulator)) throw new UsageError(`--simulator "${o.simulator}" cannot run headless here`);
    return undefined;
  }
  try {
    return createCliLlmSimulator(o, process.env, process.stderr, catalog);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--simulator "${o.simulator}" cannot run headless here: ${(e as Error).message}`);
  }
}

async function writeLine(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line + '\n')) await once(out, 'drain');
}

/** The options, after loading the recommenders they name; null for --help. */
async function parse(argv: string[]): Promise<SimulateOptions | null> {
  // The files this command reads: --out naming one wrote the sessions over it (a run description, a module's code).
  const inputs = inputFilesOf(argv, ['run', 'recommender-module']);
  // http://... recommenders and --recommender-module FILE (docs/recommender-api.md).
  const modules: { file: string; name: string }[] = [];
  const o = parseSimulateArgs(await prepareExternalRecommenders(argv, modules));
  if (o.help) return null;
  // A module beside another --recommender was loaded (its code run) and never asked for a list, unsaid.
  const used = o.recommender.replace(/\+follow$/, '');
  for (const m of modules) {
    if (m.name !== used) throw new UsageError(`--recommender-module ${m.file} is loaded as ${m.name}, but --recommender names "${o.recommender}": the module would not run; drop one of the two`);
  }
  if (o.out !== null) {
    checkOutputPath('out', o.out);
    checkNotDatasetFile('out', o.out, o.catalog);
    checkNotInputFile('out', o.out, inputs);
  }
  return o;
}

/** Run the sessions the options describe; `t0`: when the command started (for the timings). Returns the exit code. */
async function simulate(o: SimulateOptions, t0: number): Promise<number> {
  if (o.helpParams) {
    process.stdout.write(paramsHelp() + '\n');
    return 0;
  }
  if (o.printRun) {
    process.stdout.write(JSON.stringify(o.run, null, 2) + '\n');
    return 0;
  }
  // Options are checked before the (slower) load; sid representations are fitted on the catalog after it.
  let simulator = createSimulator({ ...o, llmRepresentation: 'text' });
  const loaded = await loadRunWorld(o.catalog);
  if (o.simulator === 'llm' && o.llmRepresentation !== 'text') simulator = createSimulator(o, loaded.catalog);
  // Without --user/--users a dataset runs its first user (the table's default user is a persona).
  const run = !o.userGiven && loaded.source === 'movielens' && loaded.users.length ? { ...o.run, users: { kind: 'user' as const, id: loaded.users[0].id } } : o.run;
  const index = buildCatalogIndex(loaded.catalog);
  const tLoaded = performance.now();

  const out = o.out ? createWriteStream(o.out, { encoding: 'utf8' }) : null;
  const pending = new Map<string, Transition[]>();
  const records: SessionRecord[] = [];
  const progress = o.quiet || o.users < 2 ? silentProgress : createProgress(o.users, 'users');
  const transcript = o.transcript || (!o.json && o.users === 1 && o.sessions === 1);
  let fitMs = 0;
  let errors = 0;
  // Ctrl-C stops after the current item (the session ends as 'stopped', the summary is
  // still printed); a second Ctrl-C exits at once. A first session that fails stops the
  // run too: that is a wrong URL or model, not bad luck.
  const stop = { aborted: false };
  let interrupted = false;
  const onSigint = () => {
    if (stop.aborted) process.exit(130);
    stop.aborted = true;
    interrupted = true;
    process.stderr.write('\nsimulate: stopping after the current item (Ctrl-C again to quit)\n');
  };
  process.on('SIGINT', onSigint);

  // The one function every entry point uses: users, training data, fitting stream, seeds.
  const tFit = performance.now();
  let built: BuiltRun;
  try {
    const remoteDeadlines = { ...(o.callTimeoutMs !== null ? { timeoutMs: o.callTimeoutMs } : {}), ...(o.fitTimeoutMs !== null ? { fitTimeoutMs: o.fitTimeoutMs } : {}) };
    built = buildRun(run, { ...loaded, index }, { simulator, remoteDeadlines });
  } catch (e) {
    if (e instanceof BuildRunError) throw new UsageError(e.message);
    throw e;
  }
  fitMs = performance.now() - tFit;
  const world = { catalog: loaded.catalog, users: built.users };

  const tSim = performance.now();
  const result = await runBatch({
    ...built.batchConfig(),
    keepTrajectories: false,
    signal: stop,
    onStep: out
      ? (t, w) => {
          const key = `${w.userIndex}/${w.sessionIndex}`;
          const list = pending.get(key) ?? [];
          list.push(t);
          pending.set(key, list);
        }
      : undefined,
    onTrajectory: async (t, w) => {
      records.push(sessionRecord(t));
      if (transcript) (o.json ? process.stderr : process.stdout).write(terminalText(formatTranscript(t, index)) + '\n\n');
      if (t.endReason === 'error') {
        errors++;
        if (errors === records.length) stop.aborted = true;
      }
      if (out) {
        const key = `${w.userIndex}/${w.sessionIndex}`;
        const transitions = pending.get(key) ?? [];
        pending.delete(key);
        const line = {
          id: t.id, userId: t.userId, sessionIndex: w.sessionIndex, recommender: t.recommender, simulator: t.simulator,
          catalogId: t.catalogId, seed: t.seed, startedAt: t.startedAt, context: t.context, instructionsEnabled: t.instructionsEnabled,
          endReason: t.endReason, metrics: t.metrics, transitions,
        };
        await writeLine(out, JSON.stringify(line));
      }
    },
    onProgress: (p) => progress.update(p.done, `${p.sessions} sessions`),
  });
  progress.finish();
  process.off('SIGINT', onSigint);
  const simMs = performance.now() - tSim;
  if (out) {
    out.end();
    await once(out, 'finish');
  }
  for (const run of result.runs) for (const e of run.errors) process.stderr.write(terminalText(`error: user ${e.userId}: ${e.message}`) + '\n');

  const summary = summarize(records);
  // A run mostly decided by the LLM's rule-based fallback is not an LLM run: say so (stderr, summary, JSON).
  const fallbackWarn = summary.llm ? fallbackWarning({ decisions: summary.llm.decisions + summary.llm.fallbacks, fallbacks: summary.llm.fallbacks }) : null;
  if (fallbackWarn) process.stderr.write(`simulate: warning: ${fallbackWarn}\n`);
  const totalMs = performance.now() - t0;
  const report = {
    ...summary,
    recommender: o.recommender,
    simulator: o.simulator,
    seed: o.seed,
    catalog: world.catalog.id,
    catalogItems: world.catalog.items.length,
    listSize: o.listSize,
    maxTurns: o.turns,
    instructionsEnabled: o.instructions,
    sessionsPerUser: o.sessions,
    reward: o.reward,
    errors,
    stopped: result.stopped,
    // The run description this run was (feed it back with --run FILE to repeat it).
    run,
    ...(o.simulator === 'llm' ? { llmModel: o.llmModel, llmUrl: printableLlmUrl(o.llmUrl) } : {}),
    ...(fallbackWarn ? { warnings: [fallbackWarn] } : {}),
    ...(o.out ? { out: o.out } : {}),
    timing: {
      loadMs: Math.round(tLoaded - t0),
      fitMs: Math.round(fitMs),
      simulateMs: Math.round(simMs),
      totalMs: Math.round(totalMs),
      sessionsPerSecond: Math.round(summary.sessions / (simMs / 1000)),
      decisionsPerSecond: Math.round(summary.decisions / (simMs / 1000)),
      ...(summary.llm ? { llmMeanLatencyMs: Math.round(records.reduce((s, r) => s + r.llmLatencyMs, 0) / Math.max(1, records.reduce((s, r) => s + r.llmCalls, 0))) } : {}),
    },
  };
  process.stdout.write(o.json ? terminalJson(JSON.stringify(report)) + '\n' : terminalText(formatSummary(report)) + '\n');
  // Stopped by Ctrl-C: 130 (128 + SIGINT), not a finished run's 0 (`simulate --out f && use f` went on with a partial file).
  return interrupted ? 130 : errors > 0 ? 1 : 0;
}

/** Run the CLI; returns the exit code (2: bad options, with the hint to --help wherever they are found; 1: a failed run or import). */
export function main(argv: string[]): Promise<number> {
  const t0 = performance.now();
  return runCli({ name: 'simulate', parse, help: HELP, run: (o) => simulate(o, t0), known: (e) => e instanceof ImportError || e instanceof ChatEngineError, hintAlways: true }, argv);
}

const isEntry = process.argv[1] && /simulate\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  const argv = process.argv.slice(2);
  // A full release as --catalog needs a larger heap: restart with one before reading it (heap.ts).
  relaunchWithHeapFor('simulate', flagValue(argv, 'catalog'), argv)
    .then((code) => code ?? main(argv))
    .then((code) => {
      process.exitCode = code;
    });
}
