/**
 * `npm run evaluate -- --protocol instructions|compare|reorder|fidelity|ndcg-retention [options]`
 *
 * Runs one evaluation protocol on the same core as the playground and prints its figures
 * (a readable table, or with --json exactly one JSON object on stdout; progress on stderr).
 * Exit codes: 0 done, 1 a run or import failed, 2 bad options. See docs/evaluation.md.
 */
import { parseArgs } from 'node:util';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { ImportError } from '../core/catalog/import-error';
import { importMovieLens } from '../core/catalog/movielens';
import { runCompare } from '../core/eval/compare';
import { rejectRepeatedFlags } from './repeated-flags';
import { evaluateFidelityProtocol, NoFiguresError } from './evaluate-fidelity';
import { ChatEngineError } from '../core/llm/chat-engine';
import { fidelityTable } from './fidelity-table';
import { buildInstructionSuite, runInstructionSuite } from '../core/eval/instruction-suite';
import { offlineScore, quadrant } from '../core/eval/ndcg-retention';
import { runReorder } from '../core/eval/reorder';
import { runParaphraseEval, type Proportion } from '../core/eval/paraphrase-eval';
import { runJudgeBatch } from '../core/eval/judge-batch';
import { BENCHMARK, runLeaderboard } from '../core/eval/leaderboard';
import { toMarkdown } from '../core/eval/export-table';
import { writeFile } from 'node:fs/promises';
import { createRecommender, isKnownRecommender } from '../core/recommenders/agentic';
import { recommenders } from '../core/recommenders/registry';
import { simulators } from '../core/simulator/registry';
import type { Catalog, UserProfile } from '../core/types';
import { defaultContext } from '../core/users/context';
import { median } from '../core/eval/leaderboard';
import { readDatasetFolder } from './read-dataset';
import { ensureResponseModel } from '../core/run/dataset-world';
import { runJudgeRequest, runLeaderboardRequest } from '../worker/leaderboard-run';
import { runCli } from './cli-main';
import { flagValue, relaunchWithHeapFor } from './heap';
import { intOption, UsageError, type SimulateOptions } from './simulate-args';
import { checkNotDatasetFile, checkOutputPath } from './output-path';

/** Upper bound of the numeric options (the seed's range). */
const MAX = 4_294_967_295;
import { fitRng } from '../core/env/fit-rng';
import { parseRunDescription } from '../core/run/description';
import { RUN_FIELDS } from '../core/run/fields';

const PROTOCOLS = ['instructions', 'compare', 'reorder', 'fidelity', 'ndcg-retention', 'leaderboard', 'judge', 'paraphrase'] as const;
type Protocol = (typeof PROTOCOLS)[number];

export const EVALUATE_HELP = `Usage: npm run evaluate -- --protocol NAME [options]

Protocols:
  instructions     the instruction-following suite (64 cases) on the built-in catalog:
                   compliance per recommender (each base, plain and +follow)
  compare          traditional vs agentic: the same seeded users against each base
                   recommender with and without instruction following (means, 95% CIs)
  reorder          the paper's list-reordering protocol on MovieLens (needs --dataset):
                   Recall@N / NDCG@N of the final list versus the initial one
  fidelity         simulator fidelity against real users on MovieLens (needs --dataset):
                   liked vs unseen (1:1, 1:3, 1:9), taste (liked vs disliked), rating
                   RMSE, calibration; every baseline beside it; tuning and test split
  ndcg-retention   each recommender's offline NDCG@10 against simulated retention
  leaderboard      the leaderboard's fixed benchmark (every base, plain and +follow)
  paraphrase       45 hand-written paraphrased instructions (src/core/eval/paraphrase-suite.ts):
                   compliance of each base alone, +follow with the lexicon only, and
                   +follow with embedding matching (95% Wilson intervals)
  judge            rule-based judge of each session (was the instruction followed,
                   was the user better off); --out FILE writes the passing ones as JSONL

Options:
  --dataset DIR          a MovieLens folder (ml-latest and ml-latest-small CSVs, ml-1m or
                         ml-10m .dat files, or ml-100k);
                         also compare, ndcg-retention, leaderboard and judge on its first
                         --users users (its response model judging the movies, as in the app)
  --ratio 1|3|9          fidelity: the ratio of the headline figures (all three run; default 1)
  --seeds N              fidelity: seeds seed..seed+N-1 (default 3)
  --bootstrap N          fidelity: bootstrap replicates of the margin's interval (default 1000)
  --no-response-model    fidelity: the rule-based simulator without its response model
  --simulator llm        fidelity: an OpenAI-compatible LLM as the simulated user, on a
                         sample of users (--max-users, default 20), with --llm-url URL,
                         --llm-model NAME [--llm-key-env VAR] [--llm-timeout SEC]
  --seed N               seed (default 42)
  --users N              simulated users (compare, ndcg-retention, leaderboard, judge;
                         default 200)
  --max-users N          cap on MovieLens users (reorder: default all; fidelity: a seeded
                         sample, default all up to 2,000 users, else 2,000)
  --recommenders a,b     base recommenders (default: all registered; reorder: one, default
                         mf-bpr; fidelity: none, its sessions use a fixed three)
  --turns N              turn limit per session (as --users; default 8)
  --list-size N          items per list (as --users; default 6)
  --json                 print exactly one JSON object on stdout
  --out FILE             judge: write the passing trajectories as JSONL
  --help                 this text`;


interface Options {
  protocol: Protocol;
  dataset?: string;
  ratio: number;
  seed: number;
  users: number;
  maxUsers?: number;
  bases: string[];
  turns: number;
  listSize: number;
  json: boolean;
  out?: string;
  seeds: number;
  bootstrap: number;
  noResponseModel: boolean;
  simulator: 'rule-based' | 'llm';
  llmUrl: string | null;
  llmModel: string | null;
  llmKeyEnv: string | null;
  llmTimeoutSec: number;
}

/** Parse argv; throws UsageError with a clear message. Returns null for --help. */
export function parseEvaluateArgs(argv: string[]): Options | null {
  let values: Record<string, string | boolean | undefined>;
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        protocol: { type: 'string' },
        dataset: { type: 'string' },
        ratio: { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        'max-users': { type: 'string' },
        recommenders: { type: 'string' },
        turns: { type: 'string' },
        'list-size': { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        seeds: { type: 'string' },
        bootstrap: { type: 'string' },
        'no-response-model': { type: 'boolean' },
        simulator: { type: 'string' },
        'llm-url': { type: 'string' },
        'llm-model': { type: 'string' },
        'llm-key-env': { type: 'string' },
        'llm-timeout': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  // An emptied --dataset= read as no dataset: the built-in catalog ran instead, unsaid.
  if (values.dataset !== undefined && !String(values.dataset).trim()) throw new UsageError('--dataset needs a folder (a MovieLens folder)');
  const protocol = values.protocol as string | undefined;
  if (!protocol) throw new UsageError(`--protocol is required: one of ${PROTOCOLS.join(', ')}`);
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new UsageError(`--protocol "${protocol}" is unknown: one of ${PROTOCOLS.join(', ')}`);
  const ratio = intOption('ratio', values.ratio as string | undefined, 1, 1, MAX);
  if (![1, 3, 9].includes(ratio)) throw new UsageError(`--ratio must be 1, 3 or 9, got ${ratio}`);
  const bases = values.recommenders !== undefined ? String(values.recommenders).split(',').map((s) => s.trim()).filter(Boolean) : recommenders.names();
  // An empty list ran the protocol on no recommender ("users: 0", exit 0); a repeat ran one twice.
  if (!bases.length) throw new UsageError(`--recommenders needs at least one name. Known: ${recommenders.names().join(', ')}`);
  const twice = bases.find((b, i) => bases.indexOf(b) !== i);
  if (twice) throw new UsageError(`--recommenders names "${twice}" twice`);
  for (const b of bases) if (!recommenders.has(b)) throw new UsageError(`--recommenders: "${b}" is unknown. Known: ${recommenders.names().join(', ')}`);
  // Flags one protocol reads, given to another, were ignored without a word (--seeds 10 with compare ran as usual).
  // So were --dataset with instructions or paraphrase (they ran on the built-in catalog) and the session sizes with protocols that run none.
  const sessions = ['compare', 'ndcg-retention', 'leaderboard', 'judge'];
  for (const [flag, readers] of [
    ['ratio', ['fidelity']], ['seeds', ['fidelity']], ['bootstrap', ['fidelity']], ['no-response-model', ['fidelity']], ['max-users', ['fidelity', 'reorder']],
    ['dataset', ['reorder', 'fidelity', ...sessions]], ['users', sessions], ['turns', sessions], ['list-size', sessions],
    ['recommenders', PROTOCOLS.filter((p) => p !== 'fidelity')],
  ] as const) {
    const names = readers as readonly string[];
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    if (values[flag] !== undefined && !names.includes(protocol)) throw new UsageError(`--${flag} is read by --protocol ${list} only, not ${protocol}`);
  }
  if (protocol === 'reorder' && values.recommenders !== undefined && bases.length > 1) {
    throw new UsageError(`--protocol reorder reorders one base recommender's lists: give one name to --recommenders, not ${bases.length}`);
  }
  if (values.simulator !== 'llm') {
    for (const flag of ['llm-url', 'llm-model', 'llm-key-env', 'llm-timeout']) if (values[flag] !== undefined) throw new UsageError(`--${flag} only applies with --simulator llm`);
  }
  // --out is written only by judge, at the end: said now, not ignored or found unwritable after the run.
  if (values.out !== undefined) {
    if (protocol !== 'judge') throw new UsageError(`--out is written by --protocol judge only, not ${protocol}`);
    checkOutputPath('out', String(values.out));
    checkNotDatasetFile('out', String(values.out), values.dataset as string | undefined);
  }
  if ((protocol === 'reorder' || protocol === 'fidelity') && !values.dataset) throw new UsageError(`--protocol ${protocol} needs --dataset DIR (a MovieLens folder)`);
  return {
    protocol: protocol as Protocol,
    dataset: values.dataset as string | undefined,
    ratio,
    // Defaults: the leaderboard's benchmark; ranges: the run description's table (as simulate).
    seed: intOption('seed', values.seed as string | undefined, BENCHMARK.seed, RUN_FIELDS.seed.min, RUN_FIELDS.seed.max),
    users: intOption('users', values.users as string | undefined, BENCHMARK.users, 1, RUN_FIELDS.population.max),
    maxUsers: values['max-users'] === undefined ? undefined : intOption('max-users', values['max-users'] as string, 0, 1, MAX),
    bases,
    turns: intOption('turns', values.turns as string | undefined, BENCHMARK.maxTurns, RUN_FIELDS.turns.min, RUN_FIELDS.turns.max),
    listSize: intOption('list-size', values['list-size'] as string | undefined, BENCHMARK.listSize, RUN_FIELDS.listSize.min, RUN_FIELDS.listSize.max),
    json: Boolean(values.json),
    out: values.out as string | undefined,
    seeds: intOption('seeds', values.seeds as string | undefined, 3, 1, 100),
    bootstrap: intOption('bootstrap', values.bootstrap as string | undefined, 1000, 0, 100_000),
    noResponseModel: Boolean(values['no-response-model']),
    simulator: parseSimulator(values.simulator as string | undefined, protocol),
    llmUrl: (values['llm-url'] as string | undefined) ?? null,
    llmModel: (values['llm-model'] as string | undefined) ?? null,
    llmKeyEnv: (values['llm-key-env'] as string | undefined) ?? null,
    llmTimeoutSec: intOption('llm-timeout', values['llm-timeout'] as string | undefined, 120, 1, 3600),
  };
}

/** --simulator: only 'rule-based' (default) or 'llm', and 'llm' only with the fidelity protocol. */
function parseSimulator(v: string | undefined, protocol: string): 'rule-based' | 'llm' {
  if (v === undefined || v === 'rule-based') return 'rule-based';
  if (v !== 'llm') throw new UsageError(`--simulator "${v}" is unknown: rule-based or llm`);
  if (protocol !== 'fidelity') throw new UsageError('--simulator llm applies to --protocol fidelity only');
  return 'llm';
}

function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const w = 30;
  const f = Math.round((done / Math.max(1, total)) * w);
  process.stderr.write(`\r${label} [${'#'.repeat(f)}${'-'.repeat(w - f)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

/** A MovieLens folder with its response model attached (as every entry point: core/run/dataset-world.ts). */
async function loadDataset(dir: string): Promise<{ catalog: Catalog; users: UserProfile[] }> {
  const files = await readDatasetFolder(dir);
  const ml = importMovieLens(files);
  ensureResponseModel(ml.catalog, ml.users);
  return { catalog: ml.catalog, users: ml.users };
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The leaderboard or the judge on a MovieLens folder: the app's leaderboard worker code
 * (src/worker/leaderboard-run.ts) on the dataset's first `--users` users (at most all of
 * them), its response model attached on load, so the figures equal the app's for the same
 * settings.
 */
async function datasetBenchmark(o: Options): Promise<Record<string, unknown>> {
  const dataset = await loadDataset(o.dataset!);
  const users = Math.min(o.users, dataset.users.length);
  const request = { bases: o.bases, dataset, run: { catalog: dataset.catalog.id, users: { kind: 'population' as const, size: users }, seed: o.seed, listSize: o.listSize, turns: o.turns } };
  if (o.protocol === 'leaderboard') {
    const lb = await runLeaderboardRequest(request, { onProgress: (p) => progress(`leaderboard ${p.stage}`, p.done, p.total) });
    return { protocol: 'leaderboard', ...lb, markdown: toMarkdown(lb) };
  }
  const j = await runJudgeRequest(request, { onProgress: (d, t) => progress('judge', d, t) });
  if (o.out) await writeFile(o.out, j.jsonl);
  const recs = Object.fromEntries(j.rows.map((r) => [r.recommender, { sessions: r.sessions, judged: r.judged, passed: r.passed, passRate: r4(r.judged ? r.passed / r.judged : 0) }]));
  return { protocol: 'judge', judge: j.judge, seed: o.seed, users, kept: j.rows.reduce((n, r) => n + r.passed, 0), out: o.out ?? null, recommenders: recs };
}

/** Run a protocol; returns the JSON-able result. */
export async function evaluate(o: Options): Promise<Record<string, unknown>> {
  const sim = () => simulators.get('rule-based').create();
  if (o.protocol === 'instructions') {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const cases = buildInstructionSuite(catalog, personas);
    const names = o.bases.flatMap((b) => [b, `${b}+follow`]);
    const compliance: Record<string, { compliance: number; passed: number; byKind: Record<string, number> }> = {};
    let i = 0;
    for (const name of names) {
      const rec = createRecommender(name);
      rec.fit?.({ catalog, users: personas }, fitRng(o.seed, name));
      const res = await runInstructionSuite(rec, cases, catalog, personas, o.seed);
      compliance[name] = { compliance: r4(res.compliance), passed: res.passed, byKind: Object.fromEntries(Object.entries(res.byKind).map(([k, v]) => [k, r4(v.compliance)])) };
      progress('instructions', ++i, names.length);
    }
    return { protocol: 'instructions', seed: o.seed, cases: cases.length, compliance };
  }
  if (o.protocol === 'paraphrase') {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const pe = await runParaphraseEval({ catalog, personas, bases: o.bases, seed: o.seed, onProgress: (d, t) => progress('paraphrase', d, t) });
    const p4 = (p: Proportion) => ({ rate: r4(p.rate), lo: r4(p.lo), hi: r4(p.hi), passed: p.passed });
    return { protocol: 'paraphrase', seed: o.seed, cases: pe.cases, rows: pe.rows.map((r) => ({ ...r, plain: p4(r.plain), lexicon: p4(r.lexicon), embedding: p4(r.embedding) })) };
  }
  if ((o.protocol === 'leaderboard' || o.protocol === 'judge') && o.dataset) return datasetBenchmark(o);
  if (o.protocol === 'leaderboard') {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const settings = { users: o.users, seed: o.seed, listSize: o.listSize, maxTurns: o.turns };
    const lb = await runLeaderboard({ catalog, personas, bases: o.bases, simulator: sim(), settings }, (p) => progress(`leaderboard ${p.stage}`, p.done, p.total));
    return { protocol: 'leaderboard', ...lb, markdown: toMarkdown(lb) };
  }
  if (o.protocol === 'judge') {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
    const j = await runJudgeBatch({
      world: { catalog, users: personas, personas },
      run: parseRunDescription({ catalog: catalog.id, users: { kind: 'population', size: o.users }, seed: o.seed, listSize: o.listSize, turns: o.turns }),
      simulator: sim(),
      recommenders: o.bases.flatMap((b) => [b, `${b}+follow`]),
      onProgress: (d, t) => progress('judge', d, t),
    });
    if (o.out) await writeFile(o.out, j.jsonl);
    const recs = Object.fromEntries(j.rows.map((r) => [r.recommender, { sessions: r.sessions, judged: r.judged, passed: r.passed, passRate: r4(r.judged ? r.passed / r.judged : 0) }]));
    return { protocol: 'judge', judge: j.judge, seed: o.seed, users: o.users, kept: j.rows.reduce((n, r) => n + r.passed, 0), out: o.out ?? null, recommenders: recs };
  }
  if (o.protocol === 'compare' || o.protocol === 'ndcg-retention') {
    // The sessions are one run description per recommender, through buildRun (as simulate).
    const world = o.dataset
      ? await loadDataset(o.dataset).then((d) => ({ catalog: d.catalog, users: d.users }))
      : await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]).then(([catalog, personas]) => ({ catalog, users: personas, personas }));
    const { catalog } = world;
    const training = world.users;
    const run = parseRunDescription({
      catalog: catalog.id,
      users: { kind: 'population', size: o.dataset ? Math.min(o.users, world.users.length) : o.users },
      seed: o.seed,
      listSize: o.listSize,
      turns: o.turns,
    });
    const cmp = await runCompare({
      world,
      run,
      simulator: sim(),
      bases: o.bases,
      onProgress: (d, t) => progress(o.protocol, d, t),
    });
    if (o.protocol === 'compare') {
      const recs: Record<string, unknown> = {};
      for (const r of cmp.rows) {
        const ci = (m: { mean: number; lo: number; hi: number }) => ({ mean: r4(m.mean), lo: r4(m.lo), hi: r4(m.hi) });
        recs[r.recommender] = {
          sessions: r.sessions,
          watchSeconds: ci(r.watchSec),
          turns: ci(r.turns),
          itemsViewed: ci(r.itemsViewed),
          retention: ci(r.retention),
          instructions: ci(r.instructions),
          verdict: r.verdict,
        };
      }
      return { protocol: 'compare', seed: o.seed, users: cmp.users, recommenders: recs };
    }
    const points = [];
    for (const r of cmp.rows) {
      const off = await offlineScore(r.recommender, catalog, training, defaultContext, 10, o.seed);
      points.push({ recommender: r.recommender, ndcg: r4(off.ndcg), recall: r4(off.recall), offlineUsers: off.users, retention: r4(r.retention.mean), watchSeconds: r4(r.watchSec.mean) });
    }
    const nm = median(points.map((p) => p.ndcg));
    const rm = median(points.map((p) => p.retention));
    return { protocol: 'ndcg-retention', seed: o.seed, users: cmp.users, points: points.map((p) => ({ ...p, quadrant: quadrant(p.ndcg, p.retention, nm, rm) })) };
  }
  if (o.protocol === 'fidelity') {
    // Loaded only for an LLM run (keeps the CLI's start-up light).
    const llmCli = o.simulator === 'llm' ? await import('./llm-simulator') : null;
    const llm = llmCli?.createCliLlmSimulator({ ...o, llmUrl: o.llmUrl, llmModel: o.llmModel } as unknown as SimulateOptions, process.env, process.stderr, undefined, 'evaluate');
    const res = await evaluateFidelityProtocol({
      dataset: o.dataset!,
      seed: o.seed,
      seeds: o.seeds,
      ratio: o.ratio,
      maxUsers: o.maxUsers ?? (llm ? 20 : undefined),
      bootstrap: o.bootstrap,
      simulator: llm,
      noResponseModel: o.noResponseModel,
      sessions: !o.noResponseModel,
      onProgress: (s, d, t) => progress(`fidelity ${s}`, d, t),
    });
    // Which model judged, and where (credentials hidden): a figure without them says nothing.
    return llmCli ? { ...res, llm: { model: o.llmModel, url: llmCli.printableLlmUrl(o.llmUrl) } } : res;
  }
  const { catalog, users } = await loadDataset(o.dataset!);
  if (o.protocol === 'reorder') {
    const base = o.bases.length === recommenders.names().length ? 'mf-bpr' : o.bases[0];
    const r = await runReorder({ catalog, users, contextFor: defaultContext, simulator: sim(), seed: o.seed, base, maxUsers: o.maxUsers });
    return { protocol: 'reorder', seed: o.seed, n: r.n, users: r.users, base: r.base, recallInitial: r4(r.recallInitial), recallFinal: r4(r.recallFinal), ndcgInitial: r4(r.ndcgInitial), ndcgFinal: r4(r.ndcgFinal), instructionsPerUser: r4(r.instructions) };
  }
  throw new UsageError(`--protocol ${o.protocol} is not handled`);
}

function printTable(res: Record<string, unknown>): void {
  const out: string[] = [`protocol: ${res.protocol}`];
  if (res.protocol === 'instructions') {
    out.push(`cases: ${res.cases}`, '', 'recommender            compliance');
    for (const [k, v] of Object.entries(res.compliance as Record<string, { compliance: number }>)) out.push(`${k.padEnd(22)} ${(v.compliance * 100).toFixed(1)}%`);
  } else if (res.protocol === 'compare') {
    out.push(`users: ${res.users}`, '', 'recommender            watch s (95% CI)          turns        retention');
    for (const [k, v] of Object.entries(res.recommenders as Record<string, Record<string, { mean: number; lo: number; hi: number }>>)) {
      out.push(`${k.padEnd(22)} ${v.watchSeconds.mean.toFixed(1).padStart(7)} [${v.watchSeconds.lo.toFixed(1)}, ${v.watchSeconds.hi.toFixed(1)}]`.padEnd(50) + `${v.turns.mean.toFixed(2).padStart(6)}       ${v.retention.mean.toFixed(3)}`);
    }
  } else if (res.protocol === 'leaderboard') {
    out.push(String(res.markdown));
  } else if (res.protocol === 'paraphrase') {
    const f = (p: { rate: number; lo: number; hi: number }) => `${(p.rate * 100).toFixed(1)}% [${(p.lo * 100).toFixed(0)}, ${(p.hi * 100).toFixed(0)}]`.padEnd(20);
    out.push(`cases: ${res.cases}`, '', 'base          alone               +follow lexicon     +follow embeddings  matched');
    for (const r of res.rows as { base: string; plain: never; lexicon: never; embedding: never; matchedByEmbedding: number }[]) out.push(`${r.base.padEnd(13)} ${f(r.plain)}${f(r.lexicon)}${f(r.embedding)}${r.matchedByEmbedding}`);
  } else if (res.protocol === 'fidelity') {
    out.push(fidelityTable(res));
  } else if (res.protocol === 'ndcg-retention') {
    out.push('', 'recommender            NDCG@10   retention   quadrant');
    for (const p of res.points as { recommender: string; ndcg: number; retention: number; quadrant: string }[]) out.push(`${p.recommender.padEnd(22)} ${p.ndcg.toFixed(4)}    ${p.retention.toFixed(3)}       ${p.quadrant}`);
  } else {
    for (const [k, v] of Object.entries(res)) if (k !== 'protocol') out.push(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

/** CLI entry; returns the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCli(
    {
      name: 'evaluate',
      parse: parseEvaluateArgs,
      help: EVALUATE_HELP,
      // Said in one line: bad files, an LLM server that failed, a dataset with nothing to measure.
      known: (e) => e instanceof ImportError || e instanceof ChatEngineError || e instanceof NoFiguresError,
      run: async (o) => {
        const t0 = performance.now();
        const res = await evaluate(o);
        const timing = { seconds: r4((performance.now() - t0) / 1000) };
        if (o.json) process.stdout.write(JSON.stringify({ ...res, timing }) + '\n');
        else printTable(res);
        return 0;
      },
    },
    argv,
  );
}

if (process.argv[1] && /evaluate\.(ts|js)$/.test(process.argv[1])) {
  const argv = process.argv.slice(2);
  // A full release needs a larger heap: restart with one before reading it (heap.ts).
  relaunchWithHeapFor('evaluate', flagValue(argv, 'dataset'), argv)
    .then((code) => code ?? main(argv))
    .then((code) => process.exit(code));
}

export { isKnownRecommender };
