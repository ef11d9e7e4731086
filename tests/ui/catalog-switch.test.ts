/**
 * Switching catalogs. Two loads that overlap (the person picks catalog A, then B before A
 * has loaded) ended on whichever finished last, A: the last one asked for wins now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataStore } from '../../src/ui/state/data.svelte';

const builtin = JSON.parse(readFileSync('static-data/shortvideo.json', 'utf8'));
const catalogJson = (id: string) => JSON.stringify({ ...builtin, id, name: `Catalog ${id}`, items: builtin.items.slice(0, 20) });

describe('overlapping catalog loads', () => {
  it('end on the catalog asked for last, not on the one that finished last', async () => {
    const data = new DataStore();
    expect(await data.importJsonCatalog(catalogJson('mine'), 'mine.json')).toBe('mine');
    // The built-in catalog takes a while to load; "mine" is there at once.
    const slow = data.use('shortvideo');
    const fast = data.use('mine');
    await expect(fast).resolves.toMatchObject({ id: 'mine' });
    await slow.catch(() => {});
    expect(data.catalog?.id).toBe('mine');
    expect(data.index?.byId.has(builtin.items[0].id)).toBe(true);
    expect(data.index?.byId.size).toBe(20);
    expect(data.loading).toBe(false);
    expect(data.loadError).toBeNull();

    // Both loading at once, the last asked for wins again (and is what each later use returns).
    const a = data.use('shortvideo');
    const b = data.use('mine');
    const c = data.use('shortvideo');
    await Promise.allSettled([a, b, c]);
    await expect(c).resolves.toMatchObject({ id: 'shortvideo' });
    expect(data.catalog?.id).toBe('shortvideo');
    expect(data.index?.byId.size).toBe(builtin.items.length);
  });
});
