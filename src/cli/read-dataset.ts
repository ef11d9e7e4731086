/**
 * Node adapter for the MovieLens importer: reads every known dataset file of a folder
 * into a base name -> bytes map (decoding is the importer's job: ml-100k and ml-1m are latin1).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ImportError } from '../core/catalog/import-error';
import { maxFileBytes, MOVIELENS_FILES } from '../core/catalog/movielens';

/**
 * Read the MovieLens files present in `dir`. Throws an `ImportError` (one line, no stack
 * needed) when the folder does not exist, is not a folder, holds none of the known files,
 * or one of them is a folder, unreadable or too large.
 */
export async function readDatasetFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const abs = resolve(dir);
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw new ImportError(abs, null, 'Dataset folder not found');
  }
  if (!isDir) throw new ImportError(abs, null, 'Not a folder (pass the folder that holds the MovieLens files)');
  const files: Record<string, Uint8Array> = {};
  for (const name of MOVIELENS_FILES) {
    const path = join(abs, name);
    let size: number;
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new ImportError(name, null, `is a folder, not a file (in ${abs})`);
      if (!st.isFile()) throw new ImportError(name, null, `is not a regular file (in ${abs})`);
      size = st.size;
    } catch (e) {
      if (e instanceof ImportError) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ImportError(name, null, `cannot be read: ${(e as Error).message}`);
    }
    if (size > maxFileBytes(name)) {
      throw new ImportError(name, null, `file is ${size.toLocaleString('en-US')} bytes; the importer reads ${name} up to ${maxFileBytes(name).toLocaleString('en-US')} bytes`);
    }
    try {
      // A view on readFile's own buffer, not a copy: ml-25m's ratings.csv is 678 MB.
      const buf = await readFile(path);
      files[name] = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (e) {
      throw new ImportError(name, null, `cannot be read: ${(e as Error).message}`);
    }
  }
  if (Object.keys(files).length === 0) {
    throw new ImportError(abs, null, 'No MovieLens files in this folder: expected movies.csv and ratings.csv (ml-latest), movies.dat and ratings.dat (ml-1m, ml-10m) or u.item and u.data (ml-100k)');
  }
  return files;
}
