/**
 * One entry point for every import the settings panel and page drop offer:
 * a single .json file is a JSON catalog, anything else a MovieLens folder.
 */
import type { DataStore } from '../state/data.svelte';
import type { SettingsState } from '../state/settings.svelte';
import { readFileList } from './read-files';
import { MAX_FILE_BYTES } from '../../core/catalog/movielens';

/** Import `files` and switch the settings to the imported catalog (and its first user). */
export async function importDataset(files: File[], data: DataStore, settings: SettingsState): Promise<void> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  let id: string | null;
  if (json.length === 1 && files.length === 1) {
    // Bounded and caught as the MovieLens files are: a file of any size was read whole, and one
    // that could not be read (a folder under a .json name) failed with nothing said.
    const f = json[0];
    if (f.size > MAX_FILE_BYTES) {
      data.importProblem = { message: `${f.name}: file is ${f.size.toLocaleString('en-US')} bytes; a catalog .json is read up to ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes`, file: f.name, line: null };
      return;
    }
    let text: string;
    try {
      text = await f.text();
    } catch {
      data.importProblem = { message: `${f.name}: cannot be read (is it a folder rather than a file?)`, file: f.name, line: null };
      return;
    }
    id = await data.importJsonCatalog(text, f.name);
  } else {
    let contents: Record<string, Uint8Array>;
    try {
      contents = await readFileList(files);
    } catch (e) {
      const o = e as { message?: string; file?: string; line?: number | null };
      data.importProblem = { message: o.message ?? String(e), file: o.file, line: o.line ?? null };
      return;
    }
    if (!Object.keys(contents).length) {
      data.importProblem = {
        message: 'No MovieLens files found: choose the folder holding movies.csv and ratings.csv (ml-latest), movies.dat and ratings.dat (ml-1m, ml-10m) or u.item and u.data (ml-100k), or one catalog .json file.',
      };
      return;
    }
    id = await data.importMovieLens(contents);
  }
  if (id) settings.set({ catalog: id, user: data.importedUsers[0]?.id ?? settings.value.user, edits: null });
}
