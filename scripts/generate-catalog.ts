/**
 * `npm run gen:data`: regenerates static-data/shortvideo.json and static-data/personas.json
 * from the lexicons in scripts/catalog/. Deterministic: re-running it changes nothing
 * unless the lexicons or the generator changed. Optional argument: a seed.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generate, serialise } from './catalog/generate';

const seed = process.argv[2] === undefined ? DEFAULT_SEED : Number(process.argv[2]);
if (!Number.isInteger(seed)) {
  console.error(`seed must be an integer, got ${process.argv[2]}`);
  process.exit(2);
}
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'static-data');
const data = generate(seed);
for (const [name, text] of Object.entries(serialise(data))) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote static-data/${name} (${(text.length / 1024).toFixed(0)} KiB)`);
}
console.log(`${data.catalog.items.length} items, ${data.catalog.topics.length} topics, ${data.catalog.creators.length} creators, ${data.personas.length} personas (seed ${seed})`);
