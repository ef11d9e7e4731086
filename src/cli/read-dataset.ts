/**
 * Node adapter for the MovieLens importer: reads every known dataset file of a folder
 * into a base name -> bytes map (decoding is the importer's job: ml-100k is latin1).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MOVIELENS_FILES } from '../core/catalog/movielens';

/**
 * Read the MovieLens files present in `dir`. Throws a plain Error when the folder does
 * not exist, is not a folder, or holds none of the known files.
 */
export async function readDatasetFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const abs = resolve(dir);
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw new Error(`Dataset folder not found: ${abs}`);
  }
  if (!isDir) throw new Error(`Not a folder: ${abs} (pass the folder that holds the MovieLens files)`);
  const files: Record<string, Uint8Array> = {};
  for (const name of MOVIELENS_FILES) {
    try {
      files[name] = new Uint8Array(await readFile(join(abs, name)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  if (Object.keys(files).length === 0) {
    throw new Error(`No MovieLens files in ${abs}: expected movies.csv and ratings.csv (ml-latest) or u.item and u.data (ml-100k)`);
  }
  return files;
}
