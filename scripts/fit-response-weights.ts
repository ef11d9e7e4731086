/**
 * `npx tsx scripts/fit-response-weights.ts [DATASET]`: refit the response model's default
 * weights (src/core/simulator/response-weights-default.ts) with the fidelity protocol's own
 * code on the tuning half of ml-latest-small, seed 42 (the `weights` field of
 * `npm run evaluate -- --protocol fidelity --seeds 1 --json`), and rewrite that file.
 * Run it after changing the engagement features (ENGAGE_FEATURES); the protocol itself
 * refits the weights on its own tuning split in every run, so these serve only sessions
 * outside the protocol (the playground on an imported MovieLens folder).
 * Exit codes: 0 written, 1 the dataset or the fit failed, 2 bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { runCli } from '../src/cli/cli-main';
import { evaluateFidelityProtocol } from '../src/cli/evaluate-fidelity';
import { ImportError } from '../src/core/catalog/import-error';
import { scriptArgs } from './script-args';

const DEFAULT_DATASET = '../shared/datasets/ml-latest-small';

export const FIT_WEIGHTS_HELP = `Usage: npx tsx scripts/fit-response-weights.ts [DATASET]

Refits the response model's default weights with the fidelity protocol (tuning half,
seed 42) and rewrites src/core/simulator/response-weights-default.ts. Slow on the
full ml-latest-small: it runs the whole protocol.

  DATASET  a MovieLens folder (default ${DEFAULT_DATASET}, from the current folder)
  --help   this text`;

/** Fit on `dataset`, rewrite the weights file, say what was written; resolves to 0. */
async function fitWeights({ dataset }: { dataset: string }): Promise<number> {
  const out = await evaluateFidelityProtocol({ dataset, seed: 42, seeds: 1, ratio: 1, sessions: false, bootstrap: 10 });
  const w = out.weights as { engageMean: number[]; engageSd: number[]; engageW: number[]; trees: number[][]; engageThreshold: number; likeThreshold: number; ratingCorrection: { mean: number[]; sd: number[]; w: number[] } };
  const row = (a: number[]) => `[${a.join(', ')}]`;
  const text = `/**
 * The response model's default weights (movie-response.ts \`ResponseWeights\`): fitted on the
 * tuning half of ml-latest-small, seed 42, with the protocol's own code (\`fitModelWeights\`
 * in src/core/eval/fidelity-protocol.ts), by \`npx tsx scripts/fit-response-weights.ts\`.
 * The protocol refits them on its own tuning split in every run; these serve sessions
 * outside the protocol. Generated numbers: refit, do not hand-edit.
 */
import type { ResponseWeights } from './movie-response';

export const DEFAULT_RESPONSE_WEIGHTS: ResponseWeights = Object.freeze({
  engageMean: ${row(w.engageMean)},
  engageSd: ${row(w.engageSd)},
  engageW: ${row(w.engageW)},
  trees: [
${w.trees.map((t) => `    ${row(t)},`).join('\n')}
  ],
  engageThreshold: ${w.engageThreshold},
  likeThreshold: ${w.likeThreshold},
  ratingCorrection: {
    mean: ${row(w.ratingCorrection.mean)},
    sd: ${row(w.ratingCorrection.sd)},
    w: ${row(w.ratingCorrection.w)},
  },
}) as ResponseWeights;
`;
  writeFileSync(new URL('../src/core/simulator/response-weights-default.ts', import.meta.url), text);
  console.log(`wrote ${w.engageW.length - 1} weights and ${w.trees.length} trees (test AUC ${out.auc} at 1:1, tuning ${(out.tuning as { auc: number }).auc})`);
  return 0;
}

if (process.argv[1] && /fit-response-weights\.ts$/.test(process.argv[1])) {
  runCli(
    {
      name: 'fit-response-weights',
      parse: (argv) => {
        const a = scriptArgs(argv, 'DATASET');
        return a && { dataset: a.arg ?? DEFAULT_DATASET };
      },
      help: FIT_WEIGHTS_HELP,
      // A missing or malformed dataset is said by its message; anything else shows its stack.
      known: (e) => e instanceof ImportError,
      run: fitWeights,
    },
    process.argv.slice(2),
  ).then((code) => {
    process.exitCode = code;
  });
}
