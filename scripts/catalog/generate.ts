/**
 * The pure entry point of the built-in data generator: `generate(seed)` returns the
 * catalog and personas, and `serialise` the exact text of the committed files.
 * `scripts/generate-catalog.ts` writes them; the tests re-run it in memory and compare.
 */
import type { Catalog, UserProfile } from '../../src/core/types';
import { createRng } from '../../src/core/rng';
import { generateCatalog } from './catalog-gen';
import { generatePersonas } from './personas-gen';
import { formatJson } from './format-json';

/** The seed the committed files were made with. */
export const DEFAULT_SEED = 20250915;

export interface GeneratedData {
  catalog: Catalog;
  personas: UserProfile[];
}

/** Generates the built-in catalog and personas from a seed. Deterministic. */
export function generate(seed: number = DEFAULT_SEED): GeneratedData {
  const rng = createRng(seed);
  const catalog = generateCatalog(rng.fork('catalog'));
  const personas = generatePersonas(catalog, rng.fork('personas'));
  return { catalog, personas };
}

/** File name (under static-data/) -> exact file text. */
export function serialise(data: GeneratedData): Record<string, string> {
  return {
    'shortvideo.json': formatJson(data.catalog, 1000),
    'personas.json': formatJson(data.personas, 400),
  };
}
