/** Loads the hand-written MovieLens fixtures (tests/fixtures/movielens). */
import { fileURLToPath } from 'node:url';
import { readDatasetFolder } from '../../../src/cli/read-dataset';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/movielens/', import.meta.url));

/** A good fixture folder, with the files of a malformed variant laid over it. */
export async function fixtureFiles(layout: 'ml-latest' | 'ml-100k' | 'ml-1m' | 'ml-10m', malformed?: string): Promise<Record<string, Uint8Array>> {
  const files = await readDatasetFolder(FIXTURES + layout);
  if (malformed) Object.assign(files, await readDatasetFolder(FIXTURES + 'malformed/' + malformed));
  return files;
}
