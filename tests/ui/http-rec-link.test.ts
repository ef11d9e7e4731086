/**
 * Recommender names in a link (or a reload). One of the user's own HTTP recommenders (added
 * in Train, kept in this browser) is kept: the shell used to drop every name the built-in
 * registry does not hold, so "yours: 127.0.0.1:8001/..." chosen in Live fell back to the
 * default on reload. Any other URL is refused and said: a shared link must not make Run
 * send the catalog and the user's profile to a server the user never chose. A module name
 * cannot survive a reload (its Worker is gone) and falls back, as does an unknown name.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { myRecommenders } from '../../src/ui/train/my-recommenders.svelte';

const url = 'http://127.0.0.1:8001/recommend';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
  for (const r of [...myRecommenders.list]) myRecommenders.remove(r.name);
});

describe('recommender names in a link', () => {
  it('keeps the user\'s own HTTP recommenders (rec and rec2) and shows them in the menu', () => {
    myRecommenders.add(url);
    myRecommenders.add(`${url}?b=1`);
    history.replaceState(null, '', `/?rec=${encodeURIComponent(url)}&rec2=${encodeURIComponent(`${url}?b=1+follow`)}`);
    render(App);
    const q = new URLSearchParams(location.search);
    expect(q.get('rec')).toBe(url);
    expect(q.get('rec2')).toBe(`${url}?b=1+follow`);
    expect((screen.getByTestId('setting-recommender') as HTMLSelectElement).value).toBe(url);
    expect(screen.queryByTestId('link-recommender-refused')).toBeNull();
  });

  it('refuses a URL the user has not added, says so as text, and runs the default', async () => {
    const hostile = 'http://evil.example/<b>steal</b>';
    history.replaceState(null, '', `/?rec=${encodeURIComponent(hostile)}&rec2=${encodeURIComponent(url)}`);
    render(App);
    const q = new URLSearchParams(location.search);
    expect(q.get('rec')).toBeNull();
    expect(q.get('rec2')).toBeNull();
    expect((screen.getByTestId('setting-recommender') as HTMLSelectElement).value).not.toMatch(/^http/);
    const banner = screen.getByTestId('link-recommender-refused');
    expect(banner.textContent).toContain(`${hostile} and ${url} that you have not added, so it was not contacted`);
    expect(banner.querySelector('b')).toBeNull();
    await fireEvent.click(banner.querySelector('button')!);
    expect(screen.queryByTestId('link-recommender-refused')).toBeNull();
  });

  // A saved URL ending in "+follow" (saved before such URLs were refused) is dropped on
  // loading (it gave duplicate menu entries); the page says which and why, once.
  it('says which saved recommenders were dropped on loading, and why', async () => {
    myRecommenders.dropped = ['http://127.0.0.1:8000/rec+follow: the URL ends in "+follow"'];
    try {
      render(App);
      const banner = screen.getByTestId('my-recommenders-dropped');
      expect(banner.textContent).toContain('A recommender saved in this browser was removed from your recommenders: http://127.0.0.1:8000/rec+follow: the URL ends in "+follow". Add it again, changed as said, in Train → Check my recommender.');
      await fireEvent.click(banner.querySelector('button')!);
      expect(screen.queryByTestId('my-recommenders-dropped')).toBeNull();
    } finally {
      myRecommenders.dropped = [];
    }
  });

  it('drops a module name and an unknown name', () => {
    history.replaceState(null, '', '/?rec=module%3Agone&rec2=no-such');
    render(App);
    const q = new URLSearchParams(location.search);
    expect(q.get('rec')).toBeNull();
    expect(q.get('rec2')).toBeNull();
    expect(screen.queryByTestId('link-recommender-refused')).toBeNull();
  });
});
