/**
 * The ratings byte scanner (movielens-ratings.ts) takes exactly the lines the general
 * readers take with the same values, and stops at anything else: importing bytes (scanner)
 * and text (general readers) gives the same import, and a malformed line still gets the
 * general reader's error naming its line, also for a file too large to re-read as text.
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/core/catalog/import-error';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { RatingColumns, readRatings, scanRatingBytes, type RatingScan } from '../../../src/core/catalog/movielens-ratings';
import { decodeLatin1, decodeUtf8 } from '../../../src/core/catalog/movielens-text';
import { movieWorldCsv } from '../simulator/movie-fixture';
import { fixtureFiles } from './fixture-files';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const spec = (o: Partial<RatingScan> = {}): RatingScan => ({
  file: 'ratings.csv', separator: ',', header: 'userId,movieId,rating,timestamp', ratingMin: 0.5, ratingMax: 5, wholeStars: false,
  movieIndex: new Map([[1, 0], [2, 1]]), ...o,
});

function scan(text: string, o: Partial<RatingScan> = {}) {
  const out = new RatingColumns();
  const stop = scanRatingBytes(enc(text), spec(o), out);
  return { stop: stop?.line ?? null, rows: Array.from({ length: out.length }, (_, k) => [out.user[k], out.movie[k], out.rating[k], out.at[k]]) };
}

describe('scanRatingBytes', () => {
  it('reads plain lines (LF, CRLF, blank lines, a BOM before the header) into columns', () => {
    const r = scan('\ufeffuserId,movieId,rating,timestamp\r\n7,2,3.5,1000\r\n\n8,1,4.0,2000\n9,1,4.123456,3');
    expect(r.stop).toBeNull();
    expect(r.rows).toEqual([[7, 1, 3.5, 1_000_000], [8, 0, 4, 2_000_000], [9, 0, 4.123456, 3000]]);
    expect(scan('1::2::5::10\n', { separator: '::', header: null }).rows).toEqual([[1, 1, 5, 10_000]]);
    expect(scan('1\t2\t5\t10', { separator: '\t', header: null }).rows).toEqual([[1, 1, 5, 10_000]]);
  });

  it('stops at the first line the general reader must judge', () => {
    const head = 'userId,movieId,rating,timestamp\n1,1,4,1\n';
    for (const bad of ['"2",1,4,1', '2, 1,4,1', '2,1,4e0,1', '2,1,+4,1', '2,1,4.,1', '2,1,4.1234567,1', '2,3,4,1', '2,1,5.5,1', '2,1,4,1,', '2,1,4', '2,1,4,4102444800', '1234567890123456,1,4,1', '2,1,4,1\r5,1,4,1']) {
      expect(scan(head + bad + '\n3,1,4,1\n').stop, bad).toBe(3);
    }
    expect(scan('userId,movieId,rating,timestamp \n1,1,4,1\n').stop).toBe(1); // header not exact
    expect(scan('1::1::3.5::1\n', { separator: '::', header: null, ratingMin: 1, wholeStars: true }).stop).toBe(1);
  });
});

describe('bytes (scanner) and text (general readers) import the same', () => {
  const decoded = (files: Record<string, Uint8Array>, latin1: boolean): Record<string, string> =>
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, latin1 ? decodeLatin1(v) : decodeUtf8(v)]));
  for (const [layout, latin1] of [['ml-latest', false], ['ml-100k', true], ['ml-1m', true], ['ml-10m', false]] as const) {
    it(layout, async () => {
      const files = await fixtureFiles(layout);
      expect(importMovieLens(files)).toEqual(importMovieLens(decoded(files, latin1)));
    });
  }
  it('a seeded world with re-ratings, ties and shuffled lines', () => {
    const w = movieWorldCsv({ movies: 150, users: 30, seed: 4 });
    const [head, ...rows] = w['ratings.csv'].trim().split('\n');
    const again = rows.slice(0, 120).map((l, k) => {
      const [u, m, r, t] = l.split(',');
      return `${u},${m},${k % 2 ? '2.5' : r},${k % 3 ? Number(t) - 7 : t}`;
    });
    const ratings = [head, ...rows.reverse(), ...again].join('\n') + '\n';
    const text = importMovieLens({ 'movies.csv': w['movies.csv'], 'ratings.csv': ratings });
    expect(text.summary.duplicateRatingsDropped).toBe(120);
    expect(importMovieLens({ 'movies.csv': enc(w['movies.csv']), 'ratings.csv': enc(ratings) })).toEqual(text);
  });
});

describe('readRatings on a file too large to re-read as text', () => {
  const general = (): void => {
    throw new Error('the general reader must not run on a file this large');
  };
  const check = (text: string, line: number): void => {
    const f = text.split(',');
    if (!/^\d+$/.test(f[2] ?? '')) throw new ImportError('ratings.csv', line, `rating ${JSON.stringify(f[2])} is not a number`);
  };
  it('names the line with the general checks\' error', () => {
    const bytes = enc('userId,movieId,rating,timestamp\n1,1,4,1\n1,2,four,2\n');
    expect(() => readRatings(bytes, spec({ maxTextBytes: 10 }), general, check)).toThrow('ratings.csv:3: rating "four" is not a number');
  });
  it('refuses in plain words a line only the general reader could take', () => {
    const bytes = enc('userId,movieId,rating,timestamp\n1,1,4,1\n1,2,4, 2\n');
    expect(() => readRatings(bytes, spec({ maxTextBytes: 10 }), general, check)).toThrow(/^ratings\.csv:3: this line is not plain numbers separated by ","/);
  });
});
