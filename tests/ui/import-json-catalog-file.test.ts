/**
 * A JSON catalog file chosen or dropped carelessly: one that cannot be read (a folder under
 * a .json name) made the import reject with nothing said (an unhandled rejection; the panel
 * stayed as it was), and one of any size was read whole into one string (a multi-gigabyte
 * file took the tab's memory, and past a string's limit also failed unsaid). Both are now
 * said by name beside the catalog menu, before anything is read or added, as for MovieLens
 * files.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/core/catalog/movielens';
import { importDataset } from '../../src/ui/settings/import-dataset';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

describe('importDataset: a JSON catalog file', () => {
  it('that cannot be read is said by name, and nothing is added', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    const broken = new File(['{}'], 'my-catalog.json');
    Object.defineProperty(broken, 'text', { value: () => Promise.reject(new DOMException('not readable', 'NotReadableError')) });
    await expect(importDataset([broken], data, settings)).resolves.toBeUndefined();
    expect(data.importProblem).toMatchObject({ file: 'my-catalog.json', line: null });
    expect(data.importProblem?.message).toMatch(/my-catalog\.json: cannot be read \(is it a folder/);
    expect(Object.keys(data.imported)).toEqual([]);
  });

  it('that is too large is refused by its size before it is read', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    let read = false;
    Object.defineProperty(huge, 'text', { value: () => ((read = true), Promise.resolve('{}')) });
    await importDataset([huge], data, settings);
    expect(read).toBe(false);
    expect(data.importProblem).toMatchObject({ file: 'huge.json', line: null });
    expect(data.importProblem?.message).toMatch(/huge\.json: file is 500,000,001 bytes; a catalog \.json is read up to 500,000,000 bytes/);
    expect(Object.keys(data.imported)).toEqual([]);
  });
});
