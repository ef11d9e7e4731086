/**
 * The app's MovieLens import path (settings panel / page drop): files are read as bytes
 * (ml-100k stays latin1), a folder standing in for a file or a broken folder is reported
 * by name and line, and nothing is added on failure; a good import says what it read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../src/ui/settings/import-dataset';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

const FIX = join(__dirname, '..', 'fixtures', 'movielens');
const file = (layout: string, name: string): File => new File([readFileSync(join(FIX, layout, name))], name);

describe('importDataset (app)', () => {
  it('imports ml-100k from bytes (accents intact) and shows a summary', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    await importDataset(['u.item', 'u.data', 'u.user'].map((n) => file('ml-100k', n)), data, settings);
    expect(data.importProblem).toBeNull();
    expect(data.catalog?.items.some((i) => i.title === 'Les Misérables (1995)')).toBe(true);
    expect(data.importSummary).toMatch(/^Imported \d+ movies, \d+ ratings from \d+ users, 0 tags\./); // (the response-model fit may append a note)
    expect(settings.value.catalog).toBe('ml-100k');
  });

  it('reports a file that cannot be read (a folder under a file name) by name, and adds nothing', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    const broken = file('ml-latest', 'movies.csv');
    Object.defineProperty(broken, 'arrayBuffer', { value: () => Promise.reject(new DOMException('not readable', 'NotReadableError')) });
    await importDataset([broken, file('ml-latest', 'ratings.csv')], data, settings);
    expect(data.importProblem).toMatchObject({ file: 'movies.csv', line: null });
    expect(data.importProblem?.message).toMatch(/movies\.csv: cannot be read \(is it a folder/);
    expect(Object.keys(data.imported)).toEqual([]);
    expect(data.importSummary).toBeNull();
  });

  it('names the file and line of a malformed folder and adds nothing', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    const before = settings.value.catalog;
    const ratings = new File(['userId,movieId,rating,timestamp\n1,1,0x4,1000000000\n'], 'ratings.csv');
    await importDataset([file('ml-latest', 'movies.csv'), ratings], data, settings);
    expect(data.importProblem).toMatchObject({ file: 'ratings.csv', line: 2 });
    expect(data.importProblem?.message).toMatch(/rating "0x4" is not a number/);
    expect(Object.keys(data.imported)).toEqual([]);
    expect(settings.value.catalog).toBe(before);
  });
});
