/**
 * `npm run train -- --episodes N --seed S [--json] [--out policy.json]`: trains `rl-policy`
 * (REINFORCE + baseline, src/core/rl/) against the rule-based simulated users and prints
 * the learning curve and the final policy next to popular, random and linucb on the same
 * held-out evaluation users. docs/training.md.
 *
 * stdout: a readable report, or with --json exactly one JSON object. Exit codes: 0 done,
 * 1 failed, 2 bad options.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import type { MeanCI } from '../core/metrics/summary';
import { createRecommender } from '../core/recommenders/agentic';
import { OBJECTIVES, isObjective, type Objective } from '../core/rl/objective';
import { pretrainedPolicy } from '../core/rl/rl-recommender';
import { Trainer, type CurvePoint, type EvalStats } from '../core/rl/train';
import { rejectRepeatedFlags } from './repeated-flags';
import { UsageError, intOption } from './simulate-args';
import { checkOutputPath } from './output-path';
import { callCli, runCli, type CliSpec } from './cli-main';

export const HELP = `Usage: npm run train -- [options]

Trains the rl-policy recommender (a softmax slate policy, REINFORCE with a baseline)
against the simulated users, then compares it with popular, random and linucb on the
same held-out evaluation users (same session seeds).

  --episodes N       training episodes (sessions), 1 .. 1000000     [default: 1000]
  --seed N           training seed (users drawn, sampling)          [default: 42]
  --objective NAME   ${Object.keys(OBJECTIVES).join(', ')}                   [default: blend]
  --eval-every N     episodes between curve points                 [default: episodes / 10]
  --eval-users N     held-out users (fixed, the same for every seed) [default: 100]
  --train-users N    training users (personas, then variants)      [default: 200]
  --from NAME        start from: zero (the uniform policy) or pretrained [default: zero]
  --catalog ID       built-in catalog                              [default: shortvideo]
  --out FILE         write the trained policy (JSON; static-data/rl-policy.json format)
  --json             print exactly one JSON object
  --quiet            no progress on stderr
  -h, --help`;

type Row = { reward: number; sessionSeconds: number; retention: number; diversity: number; ci95: Record<'reward' | 'sessionSeconds' | 'retention', [number, number]> };

function row(s: EvalStats): Row {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  const ci = (m: MeanCI): [number, number] => [r(m.lo), r(m.hi)];
  return {
    reward: r(s.reward.mean),
    sessionSeconds: r(s.sessionSeconds.mean),
    retention: r(s.retention.mean),
    diversity: r(s.diversity),
    ci95: { reward: ci(s.reward), sessionSeconds: ci(s.sessionSeconds), retention: ci(s.retention) },
  };
}

/** "above", "below" or "overlaps" for two 95% intervals. */
export function separation(a: [number, number], b: [number, number]): 'above' | 'below' | 'overlaps' {
  return a[0] > b[1] ? 'above' : a[1] < b[0] ? 'below' : 'overlaps';
}

/** The options of one training run. */
export interface TrainOptions {
  episodes: number;
  seed: number;
  objective: Objective;
  evalEvery: number;
  evalUsers: number;
  trainUsers: number;
  from: 'zero' | 'pretrained';
  catalogId: string;
  out?: string;
  json: boolean;
  quiet: boolean;
}

/** Parse argv; throws UsageError. Null for --help. */
export function parseTrainArgs(argv: string[]): TrainOptions | null {
  let values: Record<string, string | boolean | undefined>;
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        episodes: { type: 'string' }, seed: { type: 'string' }, objective: { type: 'string' }, 'eval-every': { type: 'string' },
        'eval-users': { type: 'string' }, 'train-users': { type: 'string' }, from: { type: 'string' }, catalog: { type: 'string' },
        out: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  const s = (k: string) => values[k] as string | undefined;
  // 0 ran no episode and reported the untouched policy (uniform, or the shipped one) as the
  // trained one, beside the baselines: refused, in words.
  if (s('episodes') !== undefined && /^\s*0+\s*$/.test(s('episodes')!)) {
    throw new UsageError('--episodes must be at least 1, got 0: with no training episode the report would present the untrained policy as trained');
  }
  const episodes = intOption('episodes', s('episodes'), 1000, 1, 1_000_000);
  const seed = intOption('seed', s('seed'), 42, 0, 0xffffffff);
  const evalEvery = intOption('eval-every', s('eval-every'), Math.max(1, Math.floor(episodes / 10)), 1, 1_000_000);
  const evalUsers = intOption('eval-users', s('eval-users'), 100, 2, 100_000);
  const trainUsers = intOption('train-users', s('train-users'), 200, 1, 100_000);
  const objective = s('objective') ?? 'blend';
  if (!isObjective(objective)) throw new UsageError(`--objective must be one of ${Object.keys(OBJECTIVES).join(', ')}, got "${objective}"`);
  const from = s('from') ?? 'zero';
  if (from !== 'zero' && from !== 'pretrained') throw new UsageError(`--from must be zero or pretrained, got "${from}"`);
  const catalogId = s('catalog') ?? 'shortvideo';
  if (!BUILTIN_CATALOGS.some((c) => c.id === catalogId)) throw new UsageError(`--catalog "${catalogId}" is not a built-in catalog`);
  if (s('out') !== undefined) checkOutputPath('out', s('out')!);
  return { episodes, seed, objective, evalEvery, evalUsers, trainUsers, from, catalogId, out: s('out'), json: !!values.json, quiet: !!values.quiet };
}

/** Train, compare with the baselines and print the report; returns the exit code. */
async function train(o: TrainOptions): Promise<number> {
  const { episodes, seed, objective, evalEvery, evalUsers, trainUsers, from, catalogId, out } = o;
  const log = o.quiet ? () => undefined : (m: string) => process.stderr.write(m + '\n');

  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogId), loadBuiltinPersonas()]);
  const trainer = new Trainer({
    catalog, personas, seed, objective, evalUsers, trainUsers,
    ...(from === 'pretrained' ? { init: pretrainedPolicy().theta } : {}),
  });
  const t0 = performance.now();
  const curve: CurvePoint[] = [await trainer.point()];
  for (let e = 0; e < episodes; e++) {
    await trainer.trainEpisode();
    if (trainer.episode % evalEvery === 0 || trainer.episode === episodes) {
      const p = await trainer.point();
      curve.push(p);
      log(`episode ${p.episode}: reward ${p.reward}, session ${p.sessionSeconds} s, retention ${p.retention} (held-out users)`);
    }
  }
  const trainMs = performance.now() - t0;
  const final = row(await trainer.evaluate());
  const baselines: Record<string, Row> = {};
  for (const name of ['popular', 'random', 'linucb']) baselines[name] = row(await trainer.evaluate(createRecommender(name)));
  const versus = Object.fromEntries(
    Object.entries(baselines).map(([n, b]) => [n, {
      sessionSeconds: separation(final.ci95.sessionSeconds, b.ci95.sessionSeconds),
      retention: separation(final.ci95.retention, b.ci95.retention),
    }]),
  );
  const policy = trainer.toJson();
  if (out) await writeFile(out, JSON.stringify(policy, null, 1) + '\n');
  const report = {
    episodes, seed, objective, from,
    evaluation: `${evalUsers} held-out users (population variants drawn with seed 1000, never trained on), one session each, lists of 6, at most 8 turns, rule-based simulator, instructions on; the same session seeds for every recommender; ${trainer.trainUsers.length} training users`,
    curve, final, baselines, versus,
    theta: policy.theta,
    episodesPerSecond: Math.round((episodes / (trainMs / 1000)) * 10) / 10,
    ...(out ? { out } : {}),
  };
  if (o.json) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    const fmt = (n: string, r: Row) =>
      `  ${n.padEnd(10)} reward ${r.reward.toFixed(3)}  session ${r.sessionSeconds.toFixed(1)} s [${r.ci95.sessionSeconds.map((x) => x.toFixed(0)).join(', ')}]  retention ${r.retention.toFixed(3)} [${r.ci95.retention.map((x) => x.toFixed(3)).join(', ')}]`;
    process.stdout.write(
      [`Trained rl-policy: ${episodes} episodes, seed ${seed}, objective ${objective}.`, `Evaluation: ${report.evaluation}.`, fmt('rl-policy', final),
        ...Object.entries(baselines).map(([n, r]) => fmt(n, r)),
        ...Object.entries(versus).map(([n, v]) => `  vs ${n}: session ${v.sessionSeconds}, retention ${v.retention} (95% intervals)`)].join('\n') + '\n',
    );
  }
  return 0;
}

const SPEC: CliSpec<TrainOptions> = { name: 'train', parse: parseTrainArgs, help: HELP, run: train };

/** Run the command in-process; throws on bad options (UsageError) and failures. Returns the exit code (0 after --help). */
export function main(argv: string[]): Promise<number> {
  return callCli(SPEC, argv);
}

const isEntry = process.argv[1] && /train\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // 2: bad options; 1: a failure, with its stack.
  runCli(SPEC, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
