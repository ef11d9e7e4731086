/**
 * A link naming a recommender this page does not have (a newer build's, a module added in
 * another page, a typo): the default ran in its place without a word. A banner now names it
 * and says what runs instead (as text).
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a link naming a recommender this page lacks', () => {
  it('says which, and what runs instead', async () => {
    history.replaceState(null, '', '/?rec=module%3Agone&rec2=lightgcn');
    render(App);
    const banner = await screen.findByTestId('link-recommender-unknown');
    expect(banner.textContent).toContain('This link names recommenders this page does not have: module:gone (content runs instead) and lightgcn (popular runs instead).');
  });

  it("drops the missing recommender's parameters with it (every run of the default failed on them)", async () => {
    history.replaceState(null, '', '/?rec=no-such&rp=alpha:2&seed=3');
    render(App);
    await screen.findByTestId('link-recommender-unknown');
    const q = new URLSearchParams(location.search);
    expect(q.get('rp')).toBeNull();
    expect(q.get('seed')).toBe('3');
  });

  it('says nothing for known ones', () => {
    history.replaceState(null, '', '/?rec=linucb&rec2=random');
    render(App);
    expect(screen.queryByTestId('link-recommender-unknown')).toBeNull();
  });
});

describe('a link naming a scenario this page lacks', () => {
  it('says so (a typo opened nothing, unsaid) and drops it from the address bar', async () => {
    history.replaceState(null, '', '/?scenario=tabel2&seed=3');
    render(App);
    const banner = await screen.findByTestId('link-scenario-unknown');
    expect(banner.textContent).toContain('This link names the scenario “tabel2”, which this page does not have: the link\'s other settings run without it.');
    expect(new URLSearchParams(location.search).get('scenario')).toBeNull();
    expect(new URLSearchParams(location.search).get('seed')).toBe('3');
  });
});
