/**
 * A link that gives a setting twice (a share link with "&seed=99" appended to try another
 * seed): the first value ran and nothing said the other was ignored. A banner now names
 * each such setting and its values, as text, and says which one stands.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { decodeSettings, repeatedSettingsNotice } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a link giving a setting twice', () => {
  it('names the setting and its values, and the first stands', () => {
    expect(repeatedSettingsNotice('seed=7&k=5&seed=99')).toBe('This link gives seed more than once (7, 99): the first, 7, is used.');
    expect(decodeSettings('seed=7&k=5&seed=99').seed).toBe(7);
    const two = repeatedSettingsNotice('?seed=1&turns=2&seed=2&turns=3&turns=4');
    expect(two).toBe('This link gives turns more than once (2, 3, 4) and seed (1, 2): the first of each is used.');
    // The same value twice, unknown parameters and one value each: nothing to say.
    expect(repeatedSettingsNotice('seed=7&seed=7&foo=1&foo=2&k=3')).toBeNull();
    // A value list is bounded (a link repeating seed= 10,000 times wrote all of them).
    const many = repeatedSettingsNotice(Array.from({ length: 10_000 }, (_, i) => `seed=${i}`).join('&'))!;
    expect(many).toBe('This link gives seed more than once (0, 1, 2, 3, 4 and 9,995 more): the first, 0, is used.');
    expect(repeatedSettingsNotice('x'.repeat(50) + '&seed=' + 'y'.repeat(100) + '&seed=2')).toContain(`${'y'.repeat(39)}…`);
  });

  it('a recommender parameter given twice in rp= is said the same way, and its first value stands (the last was kept, unsaid)', () => {
    expect(repeatedSettingsNotice('rec=mf-bpr&rp=factors:1,factors:2')).toBe("This link gives rp's factors more than once (1, 2): the first, 1, is used.");
    expect(decodeSettings('rec=mf-bpr&rp=factors:1,factors:2').recParams).toEqual({ factors: 1 });
    expect(repeatedSettingsNotice('seed=1&seed=2&rp=epochs:3,factors:8,factors:16')).toBe("This link gives seed more than once (1, 2) and rp's factors (8, 16): the first of each is used.");
    // The same number twice, or an rp= that cannot be read (the unread banner says that): nothing here.
    expect(repeatedSettingsNotice('rp=factors:8,factors:8.0')).toBeNull();
    expect(repeatedSettingsNotice('rp=factors:8,factors:x')).toBeNull();
  });

  it('shows a banner on such a link, and none on a plain one', async () => {
    history.replaceState(null, '', '/?seed=7&seed=99');
    render(App);
    const banner = await screen.findByTestId('link-repeated');
    expect(banner.textContent).toContain('This link gives seed more than once (7, 99): the first, 7, is used.');
    cleanup();
    history.replaceState(null, '', '/?seed=99');
    render(App);
    expect(screen.queryByTestId('link-repeated')).toBeNull();
  });
});
