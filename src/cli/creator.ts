/**
 * `npm run creator -- --post post.json|--item ID [options]`: the creator lab headless. See
 * `--help` and docs/population.md.
 *
 * stdout: a readable fan-chart table, or with --json exactly one JSON object
 * (`horizons` -> 6h|12h|24h|2d|1w -> views|likes|comments|shares|follows -> {p5,p25,p50,p75,p95},
 * `replicates`, `seed`, `audienceSize`, and the full summaries). stderr: progress and errors.
 * Exit codes: 0 done, 1 a run or import failed, 2 bad options or a bad experiment.
 */
import { loadBuiltinPersonas, BUILTIN_CATALOGS } from '../core/catalog/builtin';
import { ExperimentError, HORIZONS, METRICS, parseExperiment, prepareExperiment, runExperiment, type ExperimentResult } from '../core/creator';
import { EdgeListError } from '../core/population/graph-csv';
import { RunDescriptionError } from '../core/run/description';
import { ImportError } from '../core/catalog/import-error';
import { loadWorld } from './load-world';
import { createProgress, silentProgress } from './progress';
import { CREATOR_HELP, EDGES_MAX_BYTES, parseCreatorArgs, type CreatorOptions } from './creator-args';
import { readInputFile } from './input-file';
import { runCli } from './cli-main';
import { terminalJson, terminalText } from './terminal-text';

function table(r: ExperimentResult): string {
  const lines: string[] = [];
  for (const s of r.strategies) {
    lines.push(`Strategy ${s.label}: audience ${s.audienceSize} users, ${s.replicates} replicates (median [p5, p95])`);
    lines.push(['', ...HORIZONS.map((h) => h.key.padStart(22))].join(''));
    for (const m of METRICS) {
      lines.push(m.padEnd(9) + HORIZONS.map((h) => {
        const q = s.horizons[h.key][m];
        return `${q.p50} [${q.p5}, ${q.p95}]`.padStart(22);
      }).join(''));
    }
    const c = s.cascade;
    lines.push(`cascade: depth ${c.depth.p50}, breadth ${c.breadth.p50}, structural virality ${c.structuralVirality.p50}; via shares ${c.viaShares.p50}; unfollows ${s.unfollows.p50}`);
    lines.push('');
  }
  if (r.difference) {
    const d = r.difference['1w'].views;
    lines.push(`B - A, one-week views: ${d.mean} (95% interval ${d.lo} .. ${d.hi}, paired over ${d.n} replicates)`);
  }
  if (r.stoppedEarly) lines.push(`stopped early after ${r.replicates} of ${r.requested} replicates (interval narrow enough)`);
  return lines.join('\n');
}

/** Run the experiment the options describe; returns the exit code. */
async function runCreator(o: CreatorOptions): Promise<number> {
  const builtin = BUILTIN_CATALOGS.some((c) => c.id === o.catalog);
  const loaded = await loadWorld(o.catalog, 1, 0);
  const personas = builtin ? await loadBuiltinPersonas() : loaded.training;
  const expInput = { ...o.experiment, run: { ...(o.experiment.run as object), catalog: builtin ? o.catalog : loaded.catalog.id.replace(/[^\w.:-]/g, '-').slice(0, 64) || 'dataset' } };
  const exp = parseExperiment(expInput);
  const edges = o.edges ? { text: readInputFile('edges', o.edges, EDGES_MAX_BYTES), fileName: o.edges } : undefined;
  const prep = await prepareExperiment(exp, { catalog: loaded.catalog, personas, users: loaded.training, edges });
  const progress = o.quiet ? silentProgress : createProgress(exp.replicates * exp.strategies.length, 'replicates');
  const result = runExperiment(prep, (done) => progress.update(done));
  progress.finish();
  // An audience found empty once the population is built (a creator with no follower among
  // the users, a target group nobody matches): the lab says it; the command printed zeros.
  const warnings = result.strategies
    .filter((s) => s.audienceSize === 0)
    .map((s) => `Nobody was in the audience of strategy ${s.label} (0 of ${exp.users} users): its figures are all 0; widen the audience or the population`);
  for (const w of warnings) process.stderr.write(terminalText(`creator: warning: ${w}`) + '\n');
  if (o.json) {
    const { trace: _trace, ...rest } = result;
    process.stdout.write(terminalJson(JSON.stringify(warnings.length ? { ...rest, warnings } : rest)) + '\n');
  } else process.stdout.write(terminalText(table(result)) + '\n');
  return 0;
}

/** Run the CLI; returns the exit code (2: bad options or a bad experiment, edge list or run, with the hint to --help; 1: a failed run or import). */
export function main(argv: string[]): Promise<number> {
  return runCli(
    {
      name: 'creator',
      parse: (args) => {
        const o = parseCreatorArgs(args);
        return o.help ? null : o;
      },
      help: CREATOR_HELP,
      run: runCreator,
      usage: (e) => e instanceof ExperimentError || e instanceof RunDescriptionError || e instanceof EdgeListError,
      hintAlways: true,
      known: (e) => e instanceof ImportError,
    },
    argv,
  );
}

const isMain = process.argv[1] && /creator\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
