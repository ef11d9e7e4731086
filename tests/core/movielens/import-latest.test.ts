import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { fixtureFiles } from './fixture-files';

// Expected values are derived by hand from tests/fixtures/movielens/ml-latest (see the
// comments); the importer keeps only each user's first 80% (by time) for item statistics.
describe('importMovieLens: ml-latest layout', async () => {
  const files = await fixtureFiles('ml-latest');
  const { catalog, users, layout } = importMovieLens(files);
  const item = (id: string) => catalog.items.find((i) => i.id === id)!;
  const user = (id: string) => users.find((u) => u.id === id)!;

  it('detects the layout and reads every movie in file order', () => {
    expect(layout).toBe('ml-latest');
    expect(catalog.id).toBe('ml-latest');
    expect(catalog.items.map((i) => i.id)).toEqual(['ml-1', 'ml-2', 'ml-3', 'ml-4', 'ml-5', 'ml-6', 'ml-7', 'ml-8']);
    // The last visible rating (user 3's only one); their tag at 1300000000 lies after
    // their cut-off, so it is held out like a later rating (no-leak.test.ts).
    expect(catalog.now).toBe(1_200_000_000_000);
  });

  it('reads quoted titles with commas and doubled quotes, and puts articles back in front', () => {
    expect(item('ml-2').title).toBe('The American President (1995)');
    expect(item('ml-4').title).toBe('Les Misérables (1995)');
    expect(item('ml-8').title).toBe('"Great Performances" Cats (1998)');
    expect(item('ml-7').title).toBe('Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964)');
  });

  it('picks the most distinctive genre as topic and keeps genres and user tags as tags', () => {
    // Toy Story: all genres but Comedy occur once; the first of those is Adventure.
    expect(item('ml-1')).toMatchObject({ topic: 'adventure', subtopic: 'animation', format: 'movie', durationSec: 150, creator: '', locale: '' });
    expect(item('ml-1').tags).toEqual(['adventure', 'animation', 'children', 'comedy', 'fantasy', 'pixar', 'fun']);
    expect(item('ml-2')).toMatchObject({ topic: 'romance', subtopic: 'drama' }); // Comedy 3, Drama 2, Romance 1
    expect(item('ml-4')).toMatchObject({ topic: 'drama', subtopic: 'war' }); // tie 2-2: file order
    expect(item('ml-3').tags).toContain('heist-classic');
    expect(item('ml-6')).toMatchObject({ topic: 'unclassified', subtopic: '' });
    expect(item('ml-8')).toMatchObject({ topic: 'musical', subtopic: '' }); // IMAX is never a topic
    expect(item('ml-8').tags).toEqual(['musical', 'imax']);
    expect(catalog.topics.map((t) => t.id)).not.toContain('imax');
  });

  it('derives engagement and quality from history ratings only', () => {
    // m1 history ratings 5.0, 4.0, 3.0: likes 2, shares (>= 4.5) 1, tag applications 3.
    expect(item('ml-1')).toMatchObject({ likes: 2, shares: 1, comments: 3 });
    // Prior = mean of the history item means (4 + 3.25 + 2.5 + 4.75 + 4 + 2.5)/6 = 3.5;
    // m1 shrunk mean (12 + 5*3.5)/8 = 3.6875 -> (3.6875-0.5)/4.5 = 0.708.
    expect(item('ml-1').quality).toBe(0.708);
    // m7 is rated only in held-out data: no engagement, quality = the prior (3.5-0.5)/4.5.
    expect(item('ml-7')).toMatchObject({ likes: 0, shares: 0, comments: 0, quality: 0.667 });
  });

  it('dates movies from the title year and describes them', () => {
    expect(item('ml-1').publishedAt).toBe(Date.UTC(1995, 0, 1));
    expect(item('ml-7').publishedAt).toBe(Date.UTC(1964, 0, 1));
    // No year: the first history rating of the movie (user 2, 1100000600).
    expect(item('ml-6').publishedAt).toBe(1_100_000_600_000);
    expect(item('ml-1').description).toBe('1995 film; genres: Adventure, Animation, Children, Comedy, Fantasy; tagged: pixar, fun.');
  });

  it('relates topics by co-occurrence', () => {
    const war = catalog.topics.find((t) => t.id === 'war')!;
    expect(war.label).toBe('War');
    expect(new Set(war.related)).toEqual(new Set(['drama', 'comedy']));
    expect(catalog.topics.find((t) => t.id === 'sci-fi')).toBeUndefined();
  });

  it('splits each user by time: first 80% history, the rest held out', () => {
    expect(users.map((u) => u.id)).toEqual(['ml-user-1', 'ml-user-2', 'ml-user-3']);
    const u1 = user('ml-user-1');
    expect(u1.history.map((x) => x.itemId)).toEqual(['ml-1', 'ml-2', 'ml-3', 'ml-4']);
    expect(u1.heldOut).toEqual([{ itemId: 'ml-5', action: 'watch', at: 1_000_000_500_000, rating: 3.5, watchSec: 150 }]);
    expect(u1.history.map((x) => x.action)).toEqual(['like', 'skip', 'like', 'like']);
    const u2 = user('ml-user-2');
    // Equal timestamps (m3, m4) keep file order.
    expect(u2.history.map((x) => x.itemId)).toEqual(['ml-1', 'ml-2', 'ml-3', 'ml-4', 'ml-5', 'ml-6']);
    expect(u2.heldOut!.map((x) => [x.itemId, x.action])).toEqual([['ml-7', 'like'], ['ml-8', 'watch']]);
    const u3 = user('ml-user-3');
    expect(u3.history).toHaveLength(1);
    expect(u3.heldOut).toEqual([]);
  });

  it('builds interests from ratings and own tags, and traits from activity', () => {
    const u1 = user('ml-user-1');
    // Heat (4.0 -> 0.6 over 3 genres) plus its tag (1 over 3) beats the rest (0.4 each).
    expect(u1.interests).toEqual({
      action: 1, crime: 1, thriller: 1,
      adventure: 0.75, animation: 0.75, children: 0.75, comedy: 0.75, fantasy: 0.75, drama: 0.75, war: 0.75,
    });
    expect(u1.source).toBe('movielens');
    expect(u1.traits.timeBudgetSec).toBe(1500); // middle of 3 users by history size
    expect(u1.traits.activity).toBe(0.675); // 0.1 + 0.5*3/4 + 0.4*0.5
    expect(u1.traits.instructionPropensity).toBe(0.5); // two tags
    expect(u1.traits.conformity).toBe(0.772);
    expect(u1.bio).toContain('Rated 4 movies in 2001.');
    // User 3's tag comes after their history ends: it must not count.
    expect(user('ml-user-3').traits.instructionPropensity).toBe(0.3);
    expect(user('ml-user-3').interests).toEqual({ adventure: 1, animation: 1, children: 1, comedy: 1, fantasy: 1 });
  });

  it('accepts strings as well as bytes and gives the same result', () => {
    const asText: Record<string, string> = {};
    for (const [k, v] of Object.entries(files)) asText[k] = new TextDecoder().decode(v);
    expect(importMovieLens(asText)).toEqual(importMovieLens(files));
  });
});

describe('importMovieLens: duplicate ratings and the summary', () => {
  const movies = 'movieId,title,genres\n1,A (1990),Drama\n2,B (1991),Comedy\n3,C (1992),Drama\n';
  it('keeps the latest of a user\'s ratings of one movie (ties: the later line) and counts the dropped ones', () => {
    const ratings = [
      'userId,movieId,rating,timestamp',
      '1,1,2.0,1000000300', // superseded by the later rating below
      '1,2,4.0,1000000100',
      '1,1,5.0,1000000400', // the latest rating of movie 1 stands
      '1,3,1.0,1000000500', // equal timestamps: the later line stands
      '1,3,3.0,1000000500',
      '2,1,4.0,1000000000',
      '1,2,1.0,1000000050', // older than the kept 4.0: dropped
    ].join('\n');
    const res = importMovieLens({ 'movies.csv': movies, 'ratings.csv': ratings }, { historyFraction: 1 });
    expect(res.summary).toEqual({ movies: 3, ratings: 4, duplicateRatingsDropped: 3, tags: 0, tagsSkipped: 0, users: 2 });
    const u1 = res.users.find((u) => u.id === 'ml-user-1')!;
    expect(u1.history.map((h) => [h.itemId, h.rating])).toEqual([['ml-2', 4], ['ml-1', 5], ['ml-3', 3]]);
  });
  it('says so in one line', async () => {
    const { describeImportSummary } = await import('../../../src/core/catalog/movielens');
    expect(describeImportSummary({ movies: 9742, ratings: 100836, duplicateRatingsDropped: 0, tags: 3683, tagsSkipped: 0, users: 610 })).toBe('9,742 movies, 100,836 ratings from 610 users, 3,683 tags');
    expect(describeImportSummary({ movies: 3, ratings: 4, duplicateRatingsDropped: 1, tags: 0, tagsSkipped: 0, users: 2 })).toMatch(/1 duplicate rating dropped: when a user rated a movie more than once, the latest rating stands/);
    expect(describeImportSummary({ movies: 3, ratings: 4, duplicateRatingsDropped: 0, tags: 1, tagsSkipped: 2, users: 2 })).toBe('3 movies, 4 ratings from 2 users, 1 tags (2 tags skipped: no letter or digit to keep)');
  });
});

describe('importMovieLens: tags with no letter or digit', () => {
  it('skips them and counts them (free text in real releases: "!!!", an emoji), in both tag files', () => {
    const movies = 'movieId,title,genres\n1,A (1990),Drama\n';
    const ratings = 'userId,movieId,rating,timestamp\n1,1,4,1000\n';
    const res = importMovieLens({ 'movies.csv': movies, 'ratings.csv': ratings, 'tags.csv': 'userId,movieId,tag,timestamp\n1,1,!!!,1000\n1,1,\u{1F44D},1000\n1,1,good,1000\n' });
    expect(res.summary).toMatchObject({ tags: 1, tagsSkipped: 2 });
    expect(res.catalog.items[0].tags).toEqual(['drama', 'good']);
    const dat = importMovieLens({ 'movies.dat': '1::A (1990)::Drama\n', 'ratings.dat': '1::1::4::1000\n', 'tags.dat': '1::1::?!::1000\n1::1::fine::1000\n' });
    expect(dat.summary).toMatchObject({ tags: 1, tagsSkipped: 1 });
    // The rest of a skipped line is still checked: a bad timestamp is an error, not a skip.
    expect(() => importMovieLens({ 'movies.csv': movies, 'ratings.csv': ratings, 'tags.csv': 'userId,movieId,tag,timestamp\n1,1,!!!,soon\n' })).toThrow(/^tags\.csv:2: timestamp "soon"/);
  });
});
