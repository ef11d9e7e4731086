/**
 * Reading a dataset the person dropped or chose: files (or a whole folder) -> base name ->
 * text, the shape `importMovieLens` takes. Only the files an importer knows are read.
 */

/** Base names the MovieLens importer understands. */
export const MOVIELENS_FILES = ['movies.csv', 'ratings.csv', 'tags.csv', 'links.csv', 'u.item', 'u.data', 'u.user', 'u.genre', 'movies.dat', 'ratings.dat', 'users.dat', 'tags.dat'];

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

import { maxFileBytes } from '../../core/catalog/movielens';

/**
 * Read the known files of a FileList (from `<input type=file webkitdirectory>` or multiple)
 * as bytes: the importer decodes them (ml-100k is latin1, which `File.text()` would garble).
 * A file that cannot be read (a folder dropped under a file's name) or is too large throws
 * an error naming it, before anything is imported.
 */
export async function readFileList(files: Iterable<File>): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const f of files) {
    const name = baseName(f.name);
    if (!MOVIELENS_FILES.includes(name)) continue;
    if (f.size > maxFileBytes(name)) {
      throw Object.assign(new Error(`${name}: file is ${f.size.toLocaleString('en-US')} bytes; the importer reads ${name} up to ${maxFileBytes(name).toLocaleString('en-US')} bytes`), { file: name, line: null });
    }
    try {
      out[name] = new Uint8Array(await f.arrayBuffer());
    } catch {
      throw Object.assign(new Error(`${name}: cannot be read (is it a folder rather than a file?)`), { file: name, line: null });
    }
  }
  return out;
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(cb: (f: File) => void, err?: (e: unknown) => void): void;
  createReader?(): { readEntries(cb: (e: EntryLike[]) => void, err?: (e: unknown) => void): void };
}

async function walk(entry: EntryLike, out: File[], depth = 0): Promise<void> {
  if (depth > 3) return;
  if (entry.isFile && entry.file) {
    if (!MOVIELENS_FILES.includes(entry.name) && !entry.name.endsWith('.json')) return;
    out.push(await new Promise<File>((res, rej) => entry.file!(res, rej)));
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries returns batches until an empty one.
    for (;;) {
      const batch = await new Promise<EntryLike[]>((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const e of batch) await walk(e, out, depth + 1);
    }
  }
}

/** Files of a drop (folders are walked). */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const out: File[] = [];
  const items = [...dt.items];
  const entries = items
    .map((it) => (typeof it.webkitGetAsEntry === 'function' ? (it.webkitGetAsEntry() as unknown as EntryLike | null) : null))
    .filter((e): e is EntryLike => e !== null);
  if (entries.length) {
    for (const e of entries) await walk(e, out);
    return out;
  }
  return [...dt.files];
}
