/**
 * A JSON catalog whose id is a built-in catalog's ("shortvideo") is refused with a sentence,
 * and nothing is added. It used to be added under that id: the catalog menu, keyed by id,
 * threw each_key_duplicate and stopped listing imported catalogs, and a link naming
 * "shortvideo" would have meant two different catalogs.
 */
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CatalogSource from '../../src/ui/settings/CatalogSource.svelte';
import { importDataset } from '../../src/ui/settings/import-dataset';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => cleanup());

const builtin = JSON.parse(readFileSync('static-data/shortvideo.json', 'utf8'));
const catalogFile = (id: string, name: string) =>
  new File([JSON.stringify({ ...builtin, id, name, items: builtin.items.slice(0, 20) })], `${id}.json`, { type: 'application/json' });

describe('JSON catalog import: ids', () => {
  it('refuses a built-in id by name, adds nothing, and the menu keeps working', async () => {
    const data = new DataStore();
    const settings = new SettingsState('');
    render(CatalogSource, { settings, data });
    await importDataset([catalogFile('shortvideo', 'Fake feed')], data, settings);
    expect(data.importProblem?.message).toMatch(/catalog id "shortvideo" is the built-in catalog's/);
    expect(Object.keys(data.imported)).toEqual([]);
    expect(settings.value.catalog).toBe('shortvideo');
    await importDataset([catalogFile('mine', 'My feed')], data, settings);
    expect(data.importProblem).toBeNull();
    const options = [...(screen.getByTestId('setting-catalog') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['shortvideo', 'mine']);
  });
});
