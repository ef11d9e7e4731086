/**
 * Switching catalogs. Two loads that overlap (the person picks catalog A, then B before A
 * has loaded) ended on whichever finished last, A: the last one asked for wins now. A
 * hand-picked first list was dropped for good by a switch to a catalog without its items:
 * it is put aside now (and that is said), and choosing its catalog again brings it back.
 */
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { FirstListKeeper } from '../../src/ui/state/first-list-link';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

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

describe('a hand-picked first list across catalog switches', () => {
  it('is put aside when the catalog changes, said, and back when its catalog is chosen again', async () => {
    history.replaceState(null, '', '/?first=sv-0096,sv-0499');
    render(App);
    await waitFor(() => expect((screen.getByTestId('setting-user') as HTMLSelectElement).options.length).toBeGreaterThan(0), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText('loading…')).toBeNull(), { timeout: 10_000 });
    expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items');

    // A JSON catalog without those items (imported: the app switches to it).
    const file = new File([catalogJson('mine')], 'mine.json', { type: 'application/json' });
    await fireEvent.change(screen.getByTestId('import-catalog-json'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('first-list-summary').textContent).toBe("the recommender's"), { timeout: 10_000 });
    const banner = screen.getByTestId('link-first-ignored');
    expect(banner.textContent).toContain('The hand-picked first list (2 items of "Short-video feed (built-in)") is not in the catalog "Catalog mine"');
    expect(banner.textContent).toContain('It is kept: choosing "Short-video feed (built-in)" again brings it back.');
    expect(new URLSearchParams(location.search).has('first')).toBe(false);

    await fireEvent.change(screen.getByTestId('setting-catalog'), { target: { value: 'shortvideo' } });
    await waitFor(() => expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items'), { timeout: 10_000 });
    expect(new URLSearchParams(location.search).get('first')).toBe('sv-0096,sv-0499');
    // The notice about the switch is out of date: gone.
    expect(screen.queryByTestId('link-first-ignored')).toBeNull();
  });

  it("is not brought back into a scenario that opens with no first list of its own", async () => {
    history.replaceState(null, '', '/?first=sv-0096,sv-0499');
    render(App);
    await waitFor(() => expect(screen.queryByText('loading…')).toBeNull(), { timeout: 10_000 });
    expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items');
    const file = new File([catalogJson('mine')], 'mine.json', { type: 'application/json' });
    await fireEvent.change(screen.getByTestId('import-catalog-json'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('first-list-summary').textContent).toBe("the recommender's"), { timeout: 10_000 });
    // "A new user" sets the built-in feed and no first list: the list put aside stayed out of it.
    await fireEvent.change(screen.getByTestId('setting-scenario'), { target: { value: 'new-user' } });
    await waitFor(() => expect((screen.getByTestId('setting-catalog') as HTMLSelectElement).value).toBe('shortvideo'), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByText('loading…')).toBeNull(), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('first-list-summary').textContent).toBe("the recommender's");
    expect(new URLSearchParams(location.search).has('first')).toBe(false);
  });

  it('gives way to a list picked in the other catalog meanwhile; what is left in both is restored whole', () => {
    const a = { id: 'a', name: 'A', items: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] } as never;
    const b = { id: 'b', name: 'B', items: [{ id: 'x' }, { id: 'q' }] } as never;
    const keeper = new FirstListKeeper('a');
    expect(keeper.settle(['y', 'x', 'z'], a)).toEqual({ list: ['y', 'x', 'z'], notice: null, switched: false });
    const toB = keeper.settle(['y', 'x', 'z'], b);
    expect(toB.list).toEqual(['x']);
    expect(toB.notice).toBe('The hand-picked first list (3 items of "A") is not all in the catalog "B": here runs start with the item of it this catalog holds. It is kept: choosing "A" again brings it back.');
    // Back untouched: the whole list, in its order.
    expect(keeper.settle(['x'], a)).toEqual({ list: ['y', 'x', 'z'], notice: null, switched: true });
    // Away again, then a list picked in B: back in A, that choice stands where it can, and B's own list is kept.
    keeper.settle(['y', 'x', 'z'], b);
    const back = keeper.settle(['q'], a);
    expect(back.list).toEqual(['y', 'x', 'z']);
    expect(back.notice).toBe('The hand-picked first list of "A" is back. The one of "B" (1 item) is kept for when you choose "B" again.');
    expect(keeper.settle(['y', 'x', 'z'], b).list).toEqual(['q']);
    // A list picked in B that A also holds: it stands, and A's old list is forgotten.
    expect(keeper.settle(['x'], a)).toEqual({ list: ['x'], notice: null, switched: true });
    expect(keeper.keptFor('a')).toBeUndefined();
  });

  it("lets a scenario's own first list stand (none, here): the list put aside stays aside", () => {
    const a = { id: 'a', name: 'A', items: [{ id: 'x' }, { id: 'y' }] } as never;
    const b = { id: 'b', name: 'B', items: [{ id: 'q' }] } as never;
    const keeper = new FirstListKeeper('a');
    keeper.settle(['x', 'y'], a);
    keeper.settle(['x', 'y'], b);
    // A scenario opens: it sets catalog A and no first list. A's hand-picked list came back into it.
    expect(keeper.settle([], a, { deliberate: true })).toEqual({ list: [], notice: null, switched: true });
    expect(keeper.keptFor('a')).toBeUndefined();
  });
});
