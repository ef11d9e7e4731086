/**
 * `npm run gen:data`: regenerates static-data/shortvideo.json and static-data/personas.json
 * from the lexicons in scripts/catalog/. Deterministic: re-running it changes nothing
 * unless the lexicons or the generator changed. Optional argument: a seed.
 * Exit codes: 0 written, 1 a write failed, 2 bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/cli-main';
import { UsageError } from '../src/cli/simulate-args';
import { DEFAULT_SEED, generate, serialise } from './catalog/generate';
import { scriptArgs } from './script-args';

export const GENERATE_CATALOG_HELP = `Usage: npm run gen:data [-- SEED]

Regenerates static-data/shortvideo.json and static-data/personas.json from the lexicons
in scripts/catalog/ (deterministic: the same seed writes the same bytes).

  SEED     an integer (default ${DEFAULT_SEED}, the seed of the committed files)
  --help   this text`;

/** Parse argv: the seed, or null for --help; throws UsageError. */
export function parseGenerateCatalogArgs(argv: string[]): { seed: number } | null {
  const a = scriptArgs(argv, 'SEED');
  if (!a) return null;
  const seed = a.arg === undefined ? DEFAULT_SEED : Number(a.arg);
  if (!Number.isInteger(seed)) throw new UsageError(`seed must be an integer, got ${a.arg}`);
  return { seed };
}

/** Write the files and say what was written; resolves to 0. */
async function writeCatalog({ seed }: { seed: number }): Promise<number> {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'static-data');
  const data = generate(seed);
  for (const [name, text] of Object.entries(serialise(data))) {
    writeFileSync(join(outDir, name), text);
    console.log(`wrote static-data/${name} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
  console.log(`${data.catalog.items.length} items, ${data.catalog.topics.length} topics, ${data.catalog.creators.length} creators, ${data.personas.length} personas (seed ${seed})`);
  return 0;
}

if (process.argv[1] && /generate-catalog\.ts$/.test(process.argv[1])) {
  runCli(
    {
      name: 'generate-catalog',
      parse: parseGenerateCatalogArgs,
      help: GENERATE_CATALOG_HELP,
      // A failed write (no permission, a full disk) is said by its message.
      known: (e) => typeof (e as NodeJS.ErrnoException)?.code === 'string',
      run: writeCatalog,
    },
    process.argv.slice(2),
  ).then((code) => {
    process.exitCode = code;
  });
}
