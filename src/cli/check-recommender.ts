/**
 * `npm run check-recommender -- URL|FILE [--json] [--timeout MS] [--fit-timeout MS] [--catalog ID]`: runs the
 * contract checker on your own recommender (an HTTP URL speaking the common API, or an
 * ES module file) and lists every violation in plain words. Exit codes: 0 no violation,
 * 1 violations found, 2 bad options.
 */
import { parseArgs } from 'node:util';
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { createRecommender } from '../core/recommenders/agentic';
import { CHECK_DEADLINES, checkRecommender, checkRemoteOptions, type CheckRecommenderReport } from '../core/recommenders/remote/check-recommender';
import { httpNameProblem, isHttpName } from '../core/recommenders/remote/external';
import { simulators } from '../core/simulator/registry';
import { defaultContext } from '../core/users/context';
import { rejectRepeatedFlags } from './repeated-flags';
import { loadRecommenderModule, prepareExternalRecommenders } from './external-recommenders';
import { UsageError, intOption } from './simulate-args';
import { callCli, hideCredentials, runCli, type CliSpec } from './cli-main';
import { terminalJson, terminalText } from './terminal-text';

export const HELP = `Usage: npm run check-recommender -- URL|FILE [options]

Checks your recommender against the common API (docs/recommender-api.md): single lists
(k = 6, k = 1, a nearly exhausted catalog, an instruction), then whole sessions with
instructions on and off, each run three times with one seed. Every violation is listed.

  URL                  an HTTP recommender, e.g. http://127.0.0.1:8001/recommend
  FILE                 an ES module recommender, e.g. examples/module/my-rec.mjs
  --catalog ID         built-in catalog                             [default: shortvideo]
  --timeout MS         deadline of each recommend/reset call        [default: ${CHECK_DEADLINES.callMs}]
  --fit-timeout MS     deadline of the fit call                     [default: ${CHECK_DEADLINES.fitMs}]
  --json               print one JSON object {recommender, ok, problems, checks, served, skipped}
  -h, --help

Exit codes: 0 no violation, 1 violations found, 2 bad options.`;

/** Render a report for people. */
export function formatReport(r: CheckRecommenderReport): string {
  const lines = [`Checked ${r.recommender}:`, ...r.checks.map((c) => `  - ${c}`), ''];
  if (r.problems.length === 0) lines.push('No violations: it honours the contract.');
  else lines.push(`${r.problems.length} violation${r.problems.length === 1 ? '' : 's'}:`, ...r.problems.map((p) => `  x ${p}`));
  return lines.join('\n');
}

/** What to check and how. */
export interface CheckOptions {
  /** The recommender's name: the URL, or `module:NAME` of the loaded module. */
  name: string;
  timeoutMs: number;
  fitTimeoutMs: number;
  catalogId: string;
  json: boolean;
}

/** Parse argv and load the module it names; throws UsageError. Null for --help. */
export async function parseCheckArgs(argv: string[]): Promise<CheckOptions | null> {
  rejectRepeatedFlags(argv);
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, timeout: { type: 'string' }, 'fit-timeout': { type: 'string' }, catalog: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError('give exactly one URL or module file to check');
  const target = positionals[0];
  const timeoutMs = intOption('timeout', values.timeout, CHECK_DEADLINES.callMs, 1, 600_000);
  const fitTimeoutMs = intOption('fit-timeout', values['fit-timeout'], CHECK_DEADLINES.fitMs, 1, 600_000);
  const catalogId = values.catalog ?? 'shortvideo';
  if (!BUILTIN_CATALOGS.some((c) => c.id === catalogId)) throw new UsageError(`--catalog "${catalogId}" is not a built-in catalog`);
  await prepareExternalRecommenders([]);
  // An http(s) URL that cannot be used is said as such (it was looked for as a module file).
  const problem = /^https?:\/\//i.test(target) ? httpNameProblem(target) : null;
  if (problem) throw new UsageError(`${hideCredentials(target)}: ${problem}`);
  const name = isHttpName(target) ? target : await loadRecommenderModule(target);
  return { name, timeoutMs, fitTimeoutMs, catalogId, json: !!values.json };
}

/** Check the recommender and print the report; returns the exit code (1: violations found). */
async function check({ name, timeoutMs, fitTimeoutMs, catalogId, json }: CheckOptions): Promise<number> {
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogId), loadBuiltinPersonas()]);
  const report = await checkRecommender({
    catalog,
    users: personas,
    contextFor: defaultContext,
    simulator: () => simulators.get('rule-based').create(),
    // The check's own deadlines (fit's is 100 s in a run: 10 x a call's).
    recommender: () => createRecommender(name, { ...checkRemoteOptions({ callMs: timeoutMs, fitMs: fitTimeoutMs }) }),
    onStage: json ? undefined : (s) => process.stderr.write(`checking ${s}...\n`),
  });
  const ok = report.problems.length === 0;
  // The problems quote the server's replies: escape sequences in them reached the terminal raw.
  process.stdout.write((json ? terminalJson(JSON.stringify({ ...report, ok })) : terminalText(formatReport(report))) + '\n');
  return ok ? 0 : 1;
}

const SPEC: CliSpec<CheckOptions> = { name: 'check-recommender', parse: parseCheckArgs, help: HELP, run: check };

/** Run the command in-process; throws on bad options (UsageError, e.g. a module that cannot be loaded) and failures. Returns the exit code (0 after --help). */
export function main(argv: string[]): Promise<number> {
  return callCli(SPEC, argv);
}

const isEntry = process.argv[1] && /check-recommender\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // 2: bad options; 1: violations found, or a failure with its stack.
  runCli(SPEC, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
