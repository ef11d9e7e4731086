/**
 * A link naming a user the catalog does not have (a typo, a persona of another build): the
 * first user played and nothing said so; Compare's line even named the missing user as the
 * one both sides ran. The settings panel now says who plays instead, and Compare names them.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a link naming a user who is not there', () => {
  it('says who plays instead, in Live and in Compare', async () => {
    history.replaceState(null, '', '/?user=persona-anna');
    render(App);
    const hint = await screen.findByTestId('user-not-found', {}, { timeout: 10_000 });
    expect(hint.textContent).toContain('persona-anna');
    expect(hint.textContent).toMatch(/Maya plays instead/);
    await fireEvent.click(screen.getByTestId('nav-compare'));
    const line = await screen.findByText(/^Same user/, {}, { timeout: 10_000 });
    expect(line.textContent).toContain('Same user (persona-maya)');
  });

  it('says nothing for a user who is there', async () => {
    history.replaceState(null, '', '/?user=persona-grace');
    render(App);
    await screen.findByText(/Grace/, { selector: 'option' }, { timeout: 10_000 });
    expect(screen.queryByTestId('user-not-found')).toBeNull();
  });
});
