/**
 * `npm run embed -- --catalog ID|DIR --model NAME|offline --out FILE [options]`
 *
 * Writes a catalog's item vectors: the offline TF-IDF + SVD embedding (no download), or a
 * Transformers.js feature-extraction model (from the hub, or from --model-base, a folder
 * in the hub layout). FILE ending in .npy gets float32 rows in catalog order; .csv gets
 * `id,d0,...` rows. --sid also fits semantic IDs and prints their figures.
 * Exit codes: 0 done, 1 a load or embed failed, 2 bad options.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildCatalogIndex } from '../core/catalog/catalog-index';
import { toNpy, toVectorCsv } from '../core/embed/import-vectors';
import { itemText } from '../core/embed/item-text';
import { fitOfflineEmbedding, offlineMaxDim, OFFLINE_MODEL } from '../core/embed/offline';
import { fitSemanticIds } from '../core/embed/semantic-ids';
import { normalizeRows, type ItemVectors } from '../core/embed/vectors';
import { createRng } from '../core/rng';
import { rejectRepeatedFlags } from './repeated-flags';
import { runCli } from './cli-main';
import { loadWorld } from './load-world';
import { intOption, UsageError } from './simulate-args';
import { checkNotDatasetFile, checkOutputPath } from './output-path';
import { terminalText } from './terminal-text';

export const EMBED_HELP = `Usage: npm run embed -- --catalog ID|DIR --model NAME|offline --out FILE [options]

  --catalog ID|DIR     a built-in catalog id (shortvideo) or a MovieLens folder
  --model NAME         "offline" (TF-IDF + SVD, 64 d, no download) or a Transformers.js
                       feature-extraction model id (default dtype q8), e.g. Xenova/all-MiniLM-L6-v2
  --model-base DIR     a model id only: load it from this folder (hub layout)
  --dtype D            fp32, q8, ... (Transformers.js models; default q8)
  --out FILE           .npy (float32, rows in catalog order) or .csv (id,d0,...)
  --dim N              offline only: dimensions (default 64; at most one per item or
                       distinct word of the catalog, whichever is fewer)
  --seed N             seed of the offline SVD and of the semantic IDs (default 42)
  --sid                also fit semantic IDs (RQ-KMeans) and print their figures
  --json               print one JSON object on stdout
  --help               this text`;

/**
 * The weights types Transformers.js 4.x loads (its DATA_TYPES; the library is imported only
 * for a run). Another, an empty --dtype= included, went on to the load, where the library
 * takes its default weights instead of a dtype it does not know, unsaid.
 */
const DTYPES = ['auto', 'fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16', 'q2', 'q2f16', 'q1', 'q1f16'];

interface EmbedOptions {
  catalog: string;
  model: string;
  modelBase?: string;
  dtype: string;
  out: string;
  dim: number;
  /** --dim was given (the default 64 shrinks to a small catalog unsaid; a given one is held to). */
  dimGiven: boolean;
  seed: number;
  sid: boolean;
  json: boolean;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Parse argv; throws UsageError. Null for --help. */
export function parseEmbedArgs(argv: string[]): EmbedOptions | null {
  let values: Record<string, string | boolean | undefined>;
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        catalog: { type: 'string' },
        model: { type: 'string' },
        'model-base': { type: 'string' },
        dtype: { type: 'string' },
        out: { type: 'string' },
        dim: { type: 'string' },
        seed: { type: 'string' },
        sid: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  if (!values.catalog) throw new UsageError('--catalog is required (a built-in id such as shortvideo, or a MovieLens folder)');
  if (!values.model) throw new UsageError('--model is required ("offline" or a Transformers.js model id)');
  const out = values.out as string | undefined;
  if (!out) throw new UsageError('--out FILE is required (.npy or .csv)');
  if (!/\.(npy|csv)$/i.test(out)) throw new UsageError(`--out "${out}": the file must end in .npy or .csv`);
  checkOutputPath('out', out);
  checkNotDatasetFile('out', out, String(values.catalog));
  // Flags of the other kind of model changed nothing, unsaid (--dim 16 with MiniLM gave 384 columns).
  if (values.model === OFFLINE_MODEL) {
    for (const flag of ['dtype', 'model-base']) if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to a Transformers.js model, not --model offline`);
  } else if (values.dim !== undefined) throw new UsageError(`--dim sizes the offline model only; ${String(values.model)} has its own width`);
  const dtype = values.dtype as string | undefined;
  if (dtype !== undefined && !DTYPES.includes(dtype)) throw new UsageError(`--dtype ${JSON.stringify(dtype)} is not a Transformers.js dtype (one of ${DTYPES.join(', ')})`);
  // Checked now: it was looked for after the catalog loaded, and said as "the model is not in the folder".
  const base = values['model-base'] as string | undefined;
  if (base !== undefined && !isFolder(base)) throw new UsageError(`--model-base "${base}": no such folder`);
  return {
    catalog: String(values.catalog),
    model: String(values.model),
    modelBase: values['model-base'] as string | undefined,
    dtype: dtype ?? 'q8',
    out,
    dim: intOption('dim', values.dim as string | undefined, 64, 1, 1024),
    dimGiven: values.dim !== undefined,
    seed: intOption('seed', values.seed as string | undefined, 42, 0, 4_294_967_295),
    sid: Boolean(values.sid),
    json: Boolean(values.json),
  };
}

/** Compute the vectors (and optionally semantic IDs); returns a JSON-able summary. */
export async function runEmbed(o: EmbedOptions, log: (s: string) => void = () => {}): Promise<Record<string, unknown>> {
  const { catalog } = await loadWorld(o.catalog, 1, o.seed);
  const t0 = performance.now();
  let vectors: ItemVectors;
  const warnings: string[] = [];
  if (o.model === OFFLINE_MODEL) {
    // A --dim past what the catalog can give came out smaller, said only by the JSON's dim
    // (--dim 1024 on shortvideo: 720 columns, after minutes of fitting): refused before the fit.
    const most = offlineMaxDim(catalog);
    if (o.dimGiven && o.dim > most) throw new UsageError(`--dim ${o.dim}: the offline model of ${catalog.id} has at most ${most} dimensions (one per item or distinct word, whichever is fewer); give --dim ${most} or less`);
    vectors = fitOfflineEmbedding(catalog, createRng(o.seed), { dim: o.dim }).vectors;
    // Items that share their text leave fewer independent dimensions (known only once fitted): said, not hidden.
    if (o.dimGiven && vectors.dim < o.dim) {
      const n = vectors.dim;
      warnings.push(`--dim ${o.dim}: the catalog's text gives only ${n} independent dimension${n === 1 ? '' : 's'} (items share their text), so ${o.out} has ${n} column${n === 1 ? '' : 's'}`);
    }
  } else {
    const tjs = await import('@huggingface/transformers');
    const { loadEmbedder } = await import('../llm/transformers/runtime');
    const emb = await loadEmbedder(tjs as never, { model: o.model, device: 'cpu', dtype: o.dtype, modelBase: o.modelBase ?? null }, (p) => {
      if (p.phase === 'fetch') log(`loading ${o.model}: ${(p.fraction * 100).toFixed(0)}% (${p.file})`);
    });
    const topics = new Map(catalog.topics.map((t) => [t.id, t]));
    const { dim, data } = await emb.embed(catalog.items.map((it) => itemText(it, topics)), { onProgress: (d, n) => log(`embedded ${d}/${n}`) });
    await emb.dispose();
    vectors = { catalogId: catalog.id, model: o.model, dim, ids: catalog.items.map((i) => i.id), data: normalizeRows(data, dim) };
  }
  const seconds = (performance.now() - t0) / 1000;
  await writeFile(o.out, o.out.toLowerCase().endsWith('.npy') ? toNpy(vectors) : toVectorCsv(vectors));
  const res: Record<string, unknown> = { catalog: catalog.id, model: vectors.model, items: vectors.ids.length, dim: vectors.dim, out: o.out, seconds: Math.round(seconds * 100) / 100 };
  if (warnings.length) res.warnings = warnings;
  if (o.sid) {
    buildCatalogIndex(catalog); // validates unique ids before fitting
    const s = fitSemanticIds(vectors, catalog.items, createRng(o.seed).fork('sid'));
    res.sid = { levels: s.levels, k: s.k, distinctCodes: s.distinctCodes, collisionRate: Math.round(s.collisionRate * 1e4) / 1e4, perLevel: s.stats.map((x) => ({ level: x.level, used: x.used, entropyBits: Math.round(x.entropyBits * 1000) / 1000, reconstructionMse: Math.round(x.reconstructionMse * 1e4) / 1e4 })) };
  }
  return res;
}

/** CLI entry; returns the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCli(
    {
      name: 'embed',
      parse: parseEmbedArgs,
      help: EMBED_HELP,
      // Every failure here is about the input (catalog, model, file): said by its message.
      known: () => true,
      run: async (o) => {
        const res = await runEmbed(o, (s) => process.stderr.isTTY && process.stderr.write(`\r${s.padEnd(70)}`));
        for (const w of (res.warnings as string[] | undefined) ?? []) process.stderr.write(`${terminalText(`embed: warning: ${w}`)}\n`);
        if (o.json) process.stdout.write(JSON.stringify(res) + '\n');
        else for (const [k, v] of Object.entries(res)) process.stdout.write(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
        return 0;
      },
    },
    argv,
  );
}

if (process.argv[1] && /embed\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
