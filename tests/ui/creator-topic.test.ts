/**
 * The Creator lab's topic selects on a catalog without the chosen topic (the default
 * "fishing" on an imported MovieLens catalog, or a share link from another catalog): the
 * select says so instead of showing a blank box, and choosing a real topic replaces it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import PostForm from '../../src/ui/creator/PostForm.svelte';
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
});
