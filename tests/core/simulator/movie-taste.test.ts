/**
 * The movie taste model (movie-taste.ts) on a hand-made catalog: popularity counts, weighed
 * against the user's conformity; genre taste is lift over the catalog over *all* of a movie's
 * genres; era matters; and the rule-based session uses it for movies only.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { catalogFeatures } from '../../../src/core/simulator/item-features';
import { MovieTaste } from '../../../src/core/simulator/movie-taste';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import type { Catalog, Item, UserProfile } from '../../../src/core/types';
import { makeItem } from './fixtures';

const Y = (year: number) => Date.UTC(year, 0, 1);

function movie(id: string, genres: string[], likes: number, year = 2000): Item {
  return makeItem(genres[0], id, { id, tags: genres, format: 'movie', durationSec: 150, likes, shares: 0, comments: 0, publishedAt: Y(year), locale: '', creator: '', quality: 0.7 });
}

function world(): Catalog {
  const items: Item[] = [];
  // Drama is everywhere, horror is rare: the shape of a real movie catalog.
  for (let k = 0; k < 30; k++) items.push(movie(`d${k}`, ['drama'], k * 3));
  for (let k = 0; k < 4; k++) items.push(movie(`h${k}`, ['horror'], 10));
  items.push(movie('hit', ['drama'], 400), movie('obscure', ['drama'], 0));
  items.push(movie('drama-horror', ['drama', 'horror'], 40), movie('drama-only', ['drama'], 40));
  items.push(movie('near', ['drama'], 40, 2001), movie('far', ['drama'], 40, 1950));
  return {
    id: 'movies', name: 'movies', items, creators: [], now: Y(2020),
    topics: [{ id: 'drama', label: 'Drama', related: [] }, { id: 'horror', label: 'Horror', related: [] }],
  };
}

function user(conformity: number, interests: Record<string, number> = { drama: 1, horror: 0.5 }): UserProfile {
  return {
    id: 'u', name: 'u', age: null, gender: '', location: '', occupation: '', bio: '', groups: [], interests,
    traits: { timeBudgetSec: 3600, curiosity: 0.3, activity: 0.5, conformity, fatigueSensitivity: 0.3, instructionPropensity: 0.3 },
    history: ['d1', 'd2', 'd3', 'h1'].map((itemId, k) => ({ itemId, action: 'like' as const, at: Y(2010) + k, rating: 4.5 })),
    source: 'movielens',
  };
}

describe('movie taste', () => {
  const catalog = world();
  const f = catalogFeatures(catalog);
  const item = (id: string) => catalog.items.find((x) => x.id === id)!;
  const appeal = (u: UserProfile, id: string) => new MovieTaste(u, f).appeal(item(id), f.index(item(id)));

  it('prefers a well-liked movie to an obscure one, more so for a conforming user', () => {
    for (const c of [0.2, 0.8]) expect(appeal(user(c), 'hit')).toBeGreaterThan(appeal(user(c), 'obscure') + 0.3);
    const gap = (c: number) => appeal(user(c), 'hit') - appeal(user(c), 'obscure');
    expect(gap(0.8)).toBeGreaterThan(gap(0.2));
    // Measured against the user's own conformity: a mid-popular movie appeals more to a user of obscure films.
    expect(appeal(user(0.2), 'drama-only')).toBeGreaterThan(appeal(user(0.8), 'drama-only'));
  });

  it('counts every genre of a movie, as lift over the catalog', () => {
    // Same popularity and era; the rare genre the user likes lifts the two-genre movie.
    expect(appeal(user(0.5), 'drama-horror')).toBeGreaterThan(appeal(user(0.5), 'drama-only'));
    // Without a liking for horror it does not.
    expect(appeal(user(0.5, { drama: 1 }), 'drama-horror')).toBeLessThanOrEqual(appeal(user(0.5, { drama: 1 }), 'drama-only'));
  });

  it('prefers movies from the era the user watches', () => {
    expect(appeal(user(0.5), 'near')).toBeGreaterThan(appeal(user(0.5), 'far'));
  });

  it('drives the rule-based decision for movies', () => {
    const sim = createRuleBasedSimulator();
    let hit = 0;
    let obscure = 0;
    for (let seed = 0; seed < 40; seed++) {
      for (const id of ['hit', 'obscure']) {
        const s = sim.startSession({ user: user(0.5), context: { timeOfDay: 'evening', dayOfWeek: 6, device: 'tv', location: '' }, memory: emptyMemory('u'), catalog, rng: createRng(seed), instructionsEnabled: false });
        const d = s.decide(item(id), 0, 0);
        if (!d.actions.includes('skip')) id === 'hit' ? hit++ : obscure++;
        expect(d.interest).toBeCloseTo(appeal(user(0.5), id), 0);
      }
    }
    expect(hit).toBeGreaterThanOrEqual(36);
    expect(obscure).toBeLessThanOrEqual(8);
  });
});
