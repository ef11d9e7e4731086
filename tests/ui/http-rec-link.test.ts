/**
 * A link (or a reload) naming one of the user's HTTP recommenders keeps it: the shell used
 * to drop every name the built-in registry does not hold, so "yours: 127.0.0.1:8001/..."
 * chosen in Live fell back to the default on reload and a shared link ran another
 * recommender. A module name cannot survive a reload (its Worker is gone) and still falls
 * back, as does an unknown name.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('recommender names in a link', () => {
  it('keeps an HTTP recommender (rec and rec2) and shows it in the menu', () => {
    const url = 'http://127.0.0.1:8001/recommend';
    history.replaceState(null, '', `/?rec=${encodeURIComponent(url)}&rec2=${encodeURIComponent(`${url}?b=1`)}`);
    render(App);
    const q = new URLSearchParams(location.search);
    expect(q.get('rec')).toBe(url);
    expect(q.get('rec2')).toBe(`${url}?b=1`);
    expect((screen.getByTestId('setting-recommender') as HTMLSelectElement).value).toBe(url);
  });

  it('drops a module name and an unknown name', () => {
    history.replaceState(null, '', '/?rec=module%3Agone&rec2=no-such');
    render(App);
    const q = new URLSearchParams(location.search);
    expect(q.get('rec')).toBeNull();
    expect(q.get('rec2')).toBeNull();
  });
});
