import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/core/catalog/import-error';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { isValidUtf8 } from '../../../src/core/catalog/movielens-text';
import { fixtureFiles } from './fixture-files';

// Expected values are derived by hand from tests/fixtures/movielens/ml-1m and ml-10m.
describe('importMovieLens: ml-1m layout ("::", latin1, users.dat)', async () => {
  const files = await fixtureFiles('ml-1m');
  const { catalog, users, layout, summary } = importMovieLens(files);
  const item = (id: string) => catalog.items.find((i) => i.id === id)!;

  it('decodes ISO-8859-1 titles and restores articles', () => {
    expect(layout).toBe('ml-1m');
    expect(catalog).toMatchObject({ id: 'ml-1m', name: 'MovieLens 1M' });
    expect(files['movies.dat'].includes(0xe9)).toBe(true); // the fixture really is latin1
    expect(isValidUtf8(files['movies.dat'])).toBe(false);
    expect(item('ml-2').title).toBe('Les Misérables (1995)');
    expect(item('ml-5').title).toBe('La Cité des enfants perdus (1995)');
    expect(item('ml-3').title).toBe('Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1963)');
    expect(item('ml-1').tags).toEqual(['animation', 'children', 'comedy']); // Children's -> children
    expect(summary).toEqual({ movies: 5, ratings: 7, duplicateRatingsDropped: 0, tags: 0, tagsSkipped: 0, users: 2 });
  });

  it('splits by time and derives statistics from history ratings on the 1..5 scale', () => {
    // User 1 by time: m4 2, m1 5, m3 4, m2 3 | held out: m5 4. User 2: m1 4 | m3 1.
    const u1 = users.find((u) => u.id === 'ml-user-1')!;
    expect(u1.history.map((h) => h.itemId)).toEqual(['ml-4', 'ml-1', 'ml-3', 'ml-2']);
    expect(u1.heldOut!.map((h) => [h.itemId, h.rating])).toEqual([['ml-5', 4]]);
    // m1 history 5, 4: likes 2, shares (5 only) 1. Prior = mean of item means
    // (4.5 + 3 + 4 + 2) / 4 = 3.375; m1 (9 + 5 * 3.375) / 7 = 3.696 -> (3.696 - 1) / 4 = 0.674.
    expect(item('ml-1')).toMatchObject({ likes: 2, shares: 1, comments: 0, quality: 0.674 });
    // m5 is rated only in held-out data: the prior, (3.375 - 1) / 4.
    expect(item('ml-5')).toMatchObject({ likes: 0, quality: 0.594 });
    expect(catalog.now).toBe(978_302_109_000); // the last history rating
  });

  it('reads users.dat: age groups, gender, occupation codes, zip', () => {
    expect(users.find((u) => u.id === 'ml-user-1')).toMatchObject({ age: null, gender: 'female', occupation: 'K-12 student', location: 'ZIP 48067' });
    expect(users.find((u) => u.id === 'ml-user-2')).toMatchObject({ age: 56, gender: 'male', occupation: 'self-employed', location: 'ZIP 70072' });
  });
});

describe('importMovieLens: ml-10m layout ("::", UTF-8, half stars, tags.dat)', async () => {
  const files = await fixtureFiles('ml-10m');
  const { catalog, users, layout, summary } = importMovieLens(files);
  const item = (id: string) => catalog.items.find((i) => i.id === id)!;

  it('decodes UTF-8 titles and reads half stars', () => {
    expect(layout).toBe('ml-10m');
    expect(catalog.name).toBe('MovieLens 10M');
    expect(isValidUtf8(files['movies.dat'])).toBe(true);
    expect(item('ml-2').title).toBe('Les Misérables (1995)');
    expect(item('ml-4')).toMatchObject({ topic: 'unclassified', tags: ['unclassified'] });
    expect(users.find((u) => u.id === 'ml-user-1')!.history.map((h) => h.rating)).toEqual([4.5, 3, 0.5]);
    expect(summary).toMatchObject({ ratings: 7, tags: 3, users: 2 });
  });

  it('scales quality to 0.5..5 and keeps tags up to their tagger\'s cut-off', () => {
    // History: m1 4.5, 2.5; m2 3; m3 0.5, 4. Prior (3.5 + 3 + 2.25) / 3 = 2.9167;
    // m1 (7 + 5 * 2.9167) / 7 = 3.0833 -> (3.0833 - 0.5) / 4.5 = 0.574.
    expect(item('ml-1')).toMatchObject({ likes: 1, shares: 1, quality: 0.574 });
    expect(item('ml-4').quality).toBe(0.537); // held-out only: the prior
    // "pixar" (user 1, inside their history) stays; "classic" (user 2, after their cut-off) does not.
    expect(item('ml-1').tags).toContain('pixar');
    expect(item('ml-1').tags).not.toContain('classic');
    expect(item('ml-1').comments).toBe(1);
    // A tag holding "::" keeps it: "dark::comedy" -> dark-comedy.
    expect(item('ml-3').tags).toContain('dark-comedy');
    expect(catalog.now).toBe(1_215_185_100_000);
  });
});

describe('importMovieLens: malformed .dat files', () => {
  const cases: [layout: 'ml-1m' | 'ml-10m', variant: string, file: string, line: number, detail: RegExp][] = [
    ['ml-1m', 'dat-ratings-columns', 'ratings.dat', 2, /expected 4 '::'-separated columns \(UserID::MovieID::Rating::Timestamp\), found 3/],
    ['ml-1m', 'dat-ratings-not-a-number', 'ratings.dat', 2, /rating "five" is not a number/],
    ['ml-1m', 'dat-ratings-half-star-1m', 'ratings.dat', 3, /rating 3.5 is not a whole star: ml-1m/],
    ['ml-1m', 'dat-ratings-unknown-movie', 'ratings.dat', 2, /MovieID 99 is not in movies.dat/],
    ['ml-1m', 'dat-movies-columns', 'movies.dat', 2, /expected 3 '::'-separated columns .* found 2/],
    ['ml-1m', 'dat-users-age', 'users.dat', 2, /age "20" is not one of ml-1m's age codes/],
    ['ml-1m', 'dat-users-occupation', 'users.dat', 1, /occupation "21" is not one of ml-1m's codes 0..20/],
    ['ml-10m', 'dat-tags-unknown-movie', 'tags.dat', 2, /MovieID 42 is not in movies.dat/],
    ['ml-10m', 'dat-ratings-columns', 'ratings.dat', 2, /found 3/],
  ];
  for (const [layout, variant, file, line, detail] of cases) {
    it(`${layout} ${variant}: names ${file} line ${line}`, async () => {
      let err: unknown;
      try {
        importMovieLens(await fixtureFiles(layout, variant));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImportError);
      const e = err as ImportError;
      expect([e.file, e.line]).toEqual([file, line]);
      expect(e.detail).toMatch(detail);
      expect(e.message).toBe(`${file}:${line}: ${e.detail}`);
    });
  }

  it('names the missing .dat file, and the ml-10m range', () => {
    expect(() => importMovieLens({ 'ratings.dat': '1::1::5::1\n' })).toThrow(/^movies.dat: file is missing: .*movies.dat and ratings.dat \(ml-1m, ml-10m\)/);
    expect(() => importMovieLens({ 'movies.dat': '1::A (1990)::Drama\n', 'ratings.dat': '1::1::0.25::100\n' })).toThrow(/^ratings.dat:1: rating 0.25 is outside 0.5..5$/);
  });
});
