/**
 * The Creator lab's topic selects on a catalog without the chosen topic (the default
 * "fishing" on an imported MovieLens catalog, or a share link from another catalog): the
 * select says so instead of showing a blank box, and choosing a real topic replaces it.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import PostForm from '../../src/ui/creator/PostForm.svelte';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState } from '../../src/ui/creator/creator-state.svelte';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

const { catalog } = importMovieLens(movieWorldCsv({ users: 10, movies: 40, seed: 2 }));

describe('Creator lab topic select', () => {
  afterEach(() => cleanup());

  it('names a topic the catalog lacks, and a chosen topic replaces it', async () => {
    const c = new CreatorState();
    expect(catalog.topics.some((t) => t.id === c.topic)).toBe(false);
    render(PostForm, { c, catalog });
    const select = screen.getByTestId('creator-topic') as HTMLSelectElement;
    expect(select.selectedOptions[0]?.textContent).toBe(`${c.topic} (not in this catalog)`);
    const real = catalog.topics[0];
    await fireEvent.change(select, { target: { value: real.id } });
    expect(c.topic).toBe(real.id);
    expect(Array.from(select.options).some((o) => /not in this catalog/.test(o.textContent ?? ''))).toBe(false);
    expect(select.selectedOptions[0]?.textContent).toBe(real.label);
  });

  it('adds nothing when the topic is in the catalog', () => {
    const c = new CreatorState();
    c.topic = catalog.topics[1].id;
    render(PostForm, { c, catalog });
    const select = screen.getByTestId('creator-topic') as HTMLSelectElement;
    expect(select.options).toHaveLength(catalog.topics.length);
    expect(select.value).toBe(catalog.topics[1].id);
  });

  it('the lab offers the catalog it runs on, whatever catalog the app has imported', async () => {
    // The app is on an imported MovieLens catalog; the lab's experiments run the built-in one.
    const c = new CreatorState(() => ({ calls: [() => Promise.reject(new Error('not run here'))], close() {} }));
    render(CreatorView, { props: { data: { catalog, use: async () => catalog } as never, c } });
    const select = screen.getByTestId('creator-topic') as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBeGreaterThan(5));
    const ids = Array.from(select.options).map((o) => o.value);
    // Before: the MovieLens genres (each refused by Run) and "fishing (not in this catalog)".
    expect(ids).toContain('fishing');
    const genresOnly = catalog.topics.map((t) => t.id).filter((id) => id !== 'comedy'); // comedy is in both
    expect(ids.filter((id) => genresOnly.includes(id))).toEqual([]);
    expect(Array.from(select.options).some((o) => /not in this catalog/.test(o.textContent ?? ''))).toBe(false);
    expect(select.value).toBe('fishing');
    await fireEvent.click(screen.getByTestId('creator-source-item'));
    const items = Array.from((screen.getByTestId('creator-item') as HTMLSelectElement).options).map((o) => o.value).filter(Boolean);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((id) => catalog.items.some((it) => it.id === id))).toBe(false);
  });
});
