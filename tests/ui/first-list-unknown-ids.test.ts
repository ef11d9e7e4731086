/**
 * `first=` in a link naming ids the catalog does not hold: the whole run failed
 * ("firstList: 1 item(s) not in catalog"). Now the shell keeps the ids that are there, runs
 * with them, and a banner names (as text, at most five) the ids it ignored; with none left
 * it runs as if `first=` were absent and says so.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { buildRun } from '../../src/core/run/build-run';
import { DataStore } from '../../src/ui/state/data.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { ignoredFirstListNotice, splitFirstList } from '../../src/ui/state/first-list-link';
import { decodeSettings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

/** The run the address bar now describes builds (it threw on an unknown id) and starts with `first`. */
async function runOfAddressBar(first: string[]): Promise<void> {
  const s = decodeSettings(location.search);
  expect(s.firstList).toEqual(first);
  const data = new DataStore();
  const catalog = await data.use(s.catalog);
  const built = buildRun(describeRun(s, { userId: 'persona-maya' }), data.runWorld(catalog, 'persona-maya'));
  expect(built.users).toHaveLength(1);
}

describe('first= with ids the catalog lacks', () => {
  it('keeps the known ids in order, names the others and the count beyond five', () => {
    const catalog = { items: [{ id: 'a' }, { id: 'b' }] } as never;
    expect(splitFirstList(['x', 'b', 'y', 'a'], catalog)).toEqual({ kept: ['b', 'a'], ignored: ['x', 'y'] });
    const many = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'z'.repeat(128)];
    const text = ignoredFirstListNotice(many, 0, 'Feed');
    expect(text).toContain('names 8 items not in the catalog "Feed": n1, n2, n3, n4, n5 and 3 more.');
    expect(text).toMatch(/None is left, so the recommender picks the first list, as without first=\.$/);
    expect(ignoredFirstListNotice(['q'], 1, 'Feed')).toMatch(/names 1 item not .*: q\. It was ignored; the run starts with the other item\.$/);
    expect(ignoredFirstListNotice(['z'.repeat(128)], 2, 'Feed')).toContain(`${'z'.repeat(39)}…`);
  });

  it('runs with the rest and says which were ignored, as text', async () => {
    // An id that reads as markup is shown as typed (a link cannot carry < or >: parseIdList).
    history.replaceState(null, '', '/?first=sv-0096,no-such-item,b%26amp%3Bx,sv-0499');
    render(App);
    const banner = await screen.findByTestId('link-first-ignored', {}, { timeout: 10_000 });
    expect(banner.textContent).toContain('names 2 items not in the catalog');
    expect(banner.textContent).toContain(': no-such-item, b&amp;x.');
    expect(banner.textContent).toContain('They were ignored; the run starts with the other 2 items.');
    expect(new URLSearchParams(location.search).get('first')).toBe('sv-0096,sv-0499');
    expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items');
    await runOfAddressBar(['sv-0096', 'sv-0499']);
  });

  it('with none left, runs as if first= were absent and says so', async () => {
    history.replaceState(null, '', '/?first=gone-1,gone-2');
    render(App);
    const banner = await screen.findByTestId('link-first-ignored', {}, { timeout: 10_000 });
    expect(banner.textContent).toContain('gone-1, gone-2.');
    expect(banner.textContent).toContain('None is left, so the recommender picks the first list');
    expect(new URLSearchParams(location.search).has('first')).toBe(false);
    expect(screen.getByTestId('first-list-summary').textContent).toBe("the recommender's");
    await runOfAddressBar([]);
  });

  it('a list the catalog holds shows no banner', async () => {
    history.replaceState(null, '', '/?first=sv-0096');
    render(App);
    // Once the catalog has loaded (its personas fill the user menu), nothing was ignored.
    await waitFor(() => expect((screen.getByTestId('setting-user') as HTMLSelectElement).options.length).toBeGreaterThan(0), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('link-first-ignored')).toBeNull();
    expect(new URLSearchParams(location.search).get('first')).toBe('sv-0096');
  });
});
