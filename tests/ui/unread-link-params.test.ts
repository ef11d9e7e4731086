/**
 * A link with a setting it could not read (a hand-picked first list of 101 items or with one
 * id holding a space, seed=abc, a cut-off %E0%A4%A): the setting fell back to its default
 * without a word, so a hand-picked list vanished unsaid. A banner now names each such
 * setting, with its value cut short, as text.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { unreadSettingsNotice } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a link with settings it cannot read', () => {
  it('names them, and they are ignored', () => {
    const ids = Array.from({ length: 101 }, (_, i) => `sv-${String(i).padStart(4, '0')}`).join(',');
    const text = unreadSettingsNotice(`seed=abc&first=${ids}&k=5`)!;
    expect(text).toBe(`This link's seed (abc) and first (${ids.slice(0, 39)}…) could not be read and were ignored.`);
    expect(unreadSettingsNotice('user=persona-%E0%A4%A')).toBe("This link's user (persona-\uFFFD%A) could not be read and was ignored.");
    expect(unreadSettingsNotice('seed=5&k=3&first=sv-0001&unknown=zzz')).toBeNull();
  });

  it('shows a banner on such a link', async () => {
    history.replaceState(null, '', '/?first=sv-0096,my%20clip&seed=12');
    render(App);
    const banner = await screen.findByTestId('link-unread');
    expect(banner.textContent).toContain("This link's first (sv-0096,my clip) could not be read and was ignored.");
  });
});
