import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { ImportError } from '../../../src/core/catalog/import-error';
import { fixtureFiles } from './fixture-files';

function importError(files: Record<string, string | Uint8Array>): ImportError {
  let result: unknown;
  try {
    result = importMovieLens(files);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  // All-or-nothing: a malformed folder never yields a result.
  throw new Error(`expected an ImportError, got a result: ${typeof result}`);
}

describe('importMovieLens: malformed files', () => {
  const cases: [layout: 'ml-latest' | 'ml-100k', variant: string, file: string, line: number, detail: RegExp][] = [
    ['ml-latest', 'ratings-not-a-number', 'ratings.csv', 4, /rating "four" is not a number/],
    ['ml-latest', 'ratings-unknown-movie', 'ratings.csv', 3, /movieId 99 is not in movies.csv/],
    ['ml-latest', 'ratings-columns', 'ratings.csv', 3, /expected 4 columns .* found 3/],
    ['ml-latest', 'movies-columns', 'movies.csv', 3, /expected 3 columns .* found 4/],
    ['ml-latest', 'movies-multiline', 'movies.csv', 4, /movieId "x" is not a whole number/],
    ['ml-latest', 'movies-unclosed-quote', 'movies.csv', 3, /quoted field is never closed/],
    ['ml-latest', 'tags-unknown-movie', 'tags.csv', 4, /movieId 42 is not in movies.csv/],
    ['ml-100k', 'u-item-genre-flag', 'u.item', 2, /genre flag 10 \("2"\) should be 0 or 1/],
    ['ml-100k', 'u-data-columns', 'u.data', 3, /expected 4 tab-separated columns/],
    ['ml-100k', 'u-user-gender', 'u.user', 2, /gender "X" should be M or F/],
  ];
  for (const [layout, variant, file, line, detail] of cases) {
    it(`${variant}: names ${file} line ${line}`, async () => {
      const e = importError(await fixtureFiles(layout, variant));
      expect(e.file).toBe(file);
      expect(e.line).toBe(line);
      expect(e.detail).toMatch(detail);
      expect(e.message).toBe(`${file}:${line}: ${e.detail}`);
    });
  }

  it('rejects a wrong header', () => {
    const e = importError({ 'movies.csv': 'id,title,genres\n1,A (1990),Drama\n', 'ratings.csv': 'userId,movieId,rating,timestamp\n' });
    expect([e.file, e.line]).toEqual(['movies.csv', 1]);
    expect(e.detail).toMatch(/header should be "movieId,title,genres"/);
  });

  it('rejects a rating out of range and a negative timestamp', () => {
    const movies = 'movieId,title,genres\n1,A (1990),Drama\n';
    let e = importError({ 'movies.csv': movies, 'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,7,100\n' });
    expect([e.file, e.line, e.detail]).toEqual(['ratings.csv', 2, 'rating 7 is outside 0.5..5']);
    e = importError({ 'movies.csv': movies, 'ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4,-5\n' });
    expect([e.file, e.line]).toEqual(['ratings.csv', 2]);
  });

  it('names the missing file when no layout is complete', () => {
    let e = importError({ 'movies.csv': 'movieId,title,genres\n' });
    expect([e.file, e.line]).toEqual(['ratings.csv', null]);
    expect(e.message).toMatch(/^ratings.csv: file is missing/);
    e = importError({ 'u.data': '1\t1\t5\t1\n' });
    expect(e.file).toBe('u.item');
    e = importError({});
    expect(e.file).toBe('movies.csv');
  });
});
