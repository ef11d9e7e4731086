/**
 * The response model's sequence features (issue 8): each rating's place in its rater's
 * sequence (rating-sequence.ts), "watched right around the movies I just watched", and the
 * title words that make a series (title-tokens.ts).
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { createRng } from '../../../src/core/rng';
import { ENGAGE_FEATURES } from '../../../src/core/simulator/movie-response';
import { buildRatingLog } from '../../../src/core/simulator/rating-log';
import { movieReasonCodes, renderMovieReasons } from '../../../src/core/simulator/movie-reasons';
import { userPosition } from '../../../src/core/simulator/rating-sequence';
import { buildResponseModel } from '../../../src/core/simulator/response-fit';
import { titleTokens } from '../../../src/core/simulator/title-tokens';
import { movieWorldCsv } from './movie-fixture';

describe('rating sequences', () => {
  it('maps every item-row rating to the same rating in its rater\'s row', () => {
    const { users } = importMovieLens(movieWorldCsv({ users: 30, movies: 120, seed: 9 }));
    const log = buildRatingLog(users);
    const pos = userPosition(log);
    for (let i = 0; i < log.itemIds.length; i++) {
      for (let z = log.itemStart[i]; z < log.itemStart[i + 1]; z++) {
        const q = pos[z];
        const u = log.itemUser[z];
        expect(q).toBeGreaterThanOrEqual(log.userStart[u]);
        expect(q).toBeLessThan(log.userStart[u + 1]);
        expect(log.userItem[q]).toBe(i);
        expect(log.userAt[q]).toBe(log.itemAt[z]);
        expect(log.userRating[q]).toBe(log.itemRating[z]);
      }
    }
  });

  it('counts movies others rated right next to my latest ones, before my cut-off only', () => {
    // Ten other raters each rate movie 1 then movie 2 right after it; movie 3 comes fifteen
    // movies later (outside the window). The target user has just rated movie 1.
    const movies = ['movieId,title,genres', ...Array.from({ length: 40 }, (_, k) => `${k + 1},Film ${k + 1} (2000),Drama`)].join('\n') + '\n';
    const rows = ['userId,movieId,rating,timestamp'];
    for (let v = 1; v <= 10; v++) {
      const seq = [1, 2, ...Array.from({ length: 14 }, (_, k) => 10 + k), 3];
      seq.forEach((m, k) => rows.push(`${v},${m},4,${1000 + v * 100 + k}`));
    }
    // Target: history 30, 31, 32, 33, 1 (cut-off at 5000), held out 39 and 38; a later rater puts movie 4 next to 1 after the cut-off.
    [30, 31, 32, 33, 1].forEach((m, k) => rows.push(`20,${m},4,${4996 + k}`));
    rows.push('20,39,4,6000', '20,38,4,6001');
    rows.push('21,1,4,7000', '21,4,4,7001', '21,5,4,7002', '21,6,4,7003', '21,7,4,7004');
    const { catalog, users } = importMovieLens({ 'movies.csv': movies, 'ratings.csv': rows.join('\n') + '\n' });
    const ur = buildResponseModel(catalog, users, createRng(1)).user('ml-user-20')!;
    const at = ENGAGE_FEATURES.indexOf('recentSessionNeighbours');
    const f = (id: string) => ur.featuresOf(id).x[at];
    expect(f('ml-2')).toBeGreaterThan(f('ml-3'));
    expect(f('ml-3')).toBe(0);
    // Rated next to movie 1 only after the cut-off: invisible.
    expect(f('ml-4')).toBe(0);
    expect(ur.featuresOf('ml-2').parts.sessionNeighbours).toBeCloseTo(10 * (1 / 2), 9);
  });
});

describe('the RP3beta walk', () => {
  it('ranks a movie by a walk through my movies\' earlier raters, among the movies that existed by my cut-off', () => {
    const movies = ['movieId,title,genres', ...Array.from({ length: 40 }, (_, k) => `${k + 1},Film ${k + 1} (2000),Drama`)].join('\n') + '\n';
    const rows = ['userId,movieId,rating,timestamp'];
    // Raters 1-3 rated my movie 1 and movie 3; rater 4 rated 1, 5 and ten more; rater 9 rated
    // 4 and 6 but none of mine. All before my cut-off (1001 s).
    for (let v = 1; v <= 3; v++) rows.push(`${v},1,4,${100 + v}`, `${v},3,4,${200 + v}`);
    [1, 5, ...Array.from({ length: 10 }, (_, k) => 11 + k)].forEach((m, k) => rows.push(`4,${m},4,${300 + k}`));
    rows.push('9,4,4,400', '9,6,4,401');
    // Me: history 30, 31, 1, 2; held out 8. After my cut-off rater 1 rates 6 and rater 9 rates 7 (new then).
    [30, 31, 1, 2, 8].forEach((m, k) => rows.push(`20,${m},4,${k < 4 ? 998 + k : 3000}`));
    rows.push('1,6,5,5000', '9,7,4,5001');
    const { catalog, users } = importMovieLens({ 'movies.csv': movies, 'ratings.csv': rows.join('\n') + '\n' });
    const ur = buildResponseModel(catalog, users, createRng(1)).user('ml-user-20')!;
    expect(ur.historySize).toBe(4);
    const at = ENGAGE_FEATURES.indexOf('walkRank');
    const f = (id: string) => ur.featuresOf(id).x[at];
    // The pool: movies 3, 4, 5, 6 and 11-20 (14); 4 and 6 are never reached before the cut-off.
    expect(f('ml-3')).toBeCloseTo(13 / 14, 12);
    expect(f('ml-5')).toBeCloseTo(2 / 14, 12);
    expect(f('ml-4')).toBe(0);
    // Rater 1 reaches movie 6 only after my cut-off; movie 7 did not exist by then.
    expect(f('ml-6')).toBe(0);
    expect(f('ml-7')).toBe(0);
  });
});

describe('title words of a series', () => {
  it('keeps distinctive words and drops the year, alternative titles and common words', () => {
    expect(titleTokens('Die Hard 2 (1990)')).toEqual(['die', 'hard']);
    expect(titleTokens('Die Hard: With a Vengeance (1995)')).toEqual(['die', 'hard', 'vengeance']);
    expect(titleTokens('Shanghai Triad (Yao a yao yao dao waipo qiao) (1995)')).toEqual(['shanghai', 'triad']);
    expect(titleTokens('The Man Who Knew Too Much (1956)').filter((w) => titleTokens('The Man in the Iron Mask (1998)').includes(w))).toEqual([]);
    expect(titleTokens('Amélie (Fabuleux destin d\'Amélie Poulain, Le) (2001)')).toEqual(['amélie']);
  });

  it('makes "another film in a series I watched" a feature and a reason', () => {
    const movies = ['movieId,title,genres', '1,Die Hard (1988),Action', '2,Die Hard 2 (1990),Action', '3,Heat (1995),Action', ...Array.from({ length: 10 }, (_, k) => `${k + 4},Film ${k + 4} (2000),Drama`)].join('\n') + '\n';
    const rows = ['userId,movieId,rating,timestamp', '1,1,5,100', '1,4,4,101', '1,5,4,102', '1,2,5,200', '2,2,4,50', '2,3,4,51', '3,4,3,60', '3,3,4,61'];
    const { catalog, users } = importMovieLens({ 'movies.csv': movies, 'ratings.csv': rows.join('\n') + '\n' });
    const model = buildResponseModel(catalog, users, createRng(1));
    const ur = model.user('ml-user-1')!;
    const at = ENGAGE_FEATURES.indexOf('titleOverlap');
    expect(ur.featuresOf('ml-2').x[at]).toBe(2);
    expect(ur.featuresOf('ml-3').x[at]).toBe(0);
    expect(ur.featuresOf('ml-2').parts.titleMatch).toBe(model.log.itemIndex.get('ml-1'));
    const p = ur.predict('ml-2');
    expect(movieReasonCodes(p, true, p.parts.share)).toContain('same_series');
    expect(renderMovieReasons({ reasons: ['same_series'], actions: ['watch'] }, 'action')).toBe("It's from a series I've watched");
    const q = ur.predict('ml-3');
    expect(movieReasonCodes(q, true, q.parts.share)).not.toContain('same_series');
  });
});

describe('fitting progress', () => {
  it('reports the rating log and each checkpoint, ending at the total', () => {
    const { catalog, users } = importMovieLens(movieWorldCsv({ users: 20, movies: 80, seed: 2 }));
    const seen: [number, number][] = [];
    const m = buildResponseModel(catalog, users, createRng(1), { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.length).toBe(m.checkpoints.length + 1);
    expect(seen.map((x) => x[0])).toEqual(seen.map((_, k) => k + 1));
    expect(seen.every((x) => x[1] === m.checkpoints.length + 1)).toBe(true);
  });
});
