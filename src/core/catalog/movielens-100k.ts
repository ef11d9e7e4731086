/**
 * Parser for the ml-100k layout (GroupLens, 1998). The files are ISO-8859-1 (latin1):
 * bytes are decoded as latin1, so "Misérables" reads right.
 *   u.item  movie id | title | release date | video release date | IMDb URL | 19 genre flags (0/1)
 *   u.data  user id \t item id \t rating (1..5) \t timestamp (seconds)
 *   u.user  user id | age | gender | occupation | zip code            (optional)
 */
import { ImportError, quoteValue } from './import-error';
import {
  checkId,
  checkRating,
  checkTimestamp,
  parseIntStrict,
  parseTitle,
  type RawDataset,
  type RawMovie,
  type RawUser,
} from './movielens-raw';
import { RatingColumns, readRatings } from './movielens-ratings';
import { forEachLine, toText } from './movielens-text';

type Files = Record<string, string | Uint8Array>;

/** ml-100k's genre columns, in file order ("unknown" maps to no genre). */
export const ML100K_GENRES = [
  '', 'Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
] as const;

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** "01-Jan-1995" -> epoch ms (UTC), or null when absent or unreadable. */
function parseReleaseDate(s: string): number | null {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase()];
  if (month === undefined) return null;
  return Date.UTC(Number(m[3]), month, Number(m[1]));
}

function text(files: Files, file: string): string {
  const content = files[file];
  if (content === undefined) throw new ImportError(file, null, 'file is missing');
  return toText(content, 'latin1');
}

/** Parse the ml-100k layout. Throws `ImportError` at the first problem. */
export function parseMl100k(files: Files): RawDataset {
  const movies: RawMovie[] = [];
  /** Movie id -> index in `movies`. */
  const known = new Map<number, number>();
  const nCols = 5 + ML100K_GENRES.length;
  forEachLine(text(files, 'u.item'), (row, line) => {
    const f = row.split('|');
    if (f.length !== nCols) throw new ImportError('u.item', line, `expected ${nCols} '|'-separated columns, found ${f.length}`);
    const movieId = checkId(f[0], 'movie id', 'u.item', line);
    if (known.has(movieId)) throw new ImportError('u.item', line, `movie id ${movieId} appears twice`);
    const rawTitle = f[1].trim();
    if (!rawTitle) throw new ImportError('u.item', line, 'title is empty');
    const genres: string[] = [];
    for (let g = 0; g < ML100K_GENRES.length; g++) {
      const flag = f[5 + g].trim();
      if (flag !== '0' && flag !== '1') {
        throw new ImportError('u.item', line, `genre flag ${g + 1} (${quoteValue(flag, 40)}) should be 0 or 1`);
      }
      if (flag === '1' && ML100K_GENRES[g]) genres.push(ML100K_GENRES[g]);
    }
    known.set(movieId, movies.length);
    const parsed = parseTitle(rawTitle);
    const releasedAt = parseReleaseDate(f[2]);
    const year = parsed.year ?? (releasedAt === null ? null : new Date(releasedAt).getUTCFullYear());
    movies.push({ movieId, title: parsed.title, year, releasedAt, genres });
  }, 'u.item');
  if (movies.length === 0) throw new ImportError('u.item', null, 'file has no movies');

  const checkRow = (row: string, line: number, out: RatingColumns): void => {
    const f = row.split('\t');
    if (f.length !== 4) throw new ImportError('u.data', line, `expected 4 tab-separated columns (user, item, rating, timestamp), found ${f.length}`);
    const userId = checkId(f[0], 'user id', 'u.data', line);
    const movieId = checkId(f[1], 'item id', 'u.data', line);
    const movie = known.get(movieId);
    if (movie === undefined) throw new ImportError('u.data', line, `item id ${movieId} is not in u.item`);
    const rating = checkRating(f[2], 1, 5, 'u.data', line);
    const at = checkTimestamp(f[3], 'u.data', line);
    out.push(userId, movie, rating, at);
  };
  const data = files['u.data'];
  if (data === undefined) throw new ImportError('u.data', null, 'file is missing');
  const ratings = readRatings(
    data,
    { file: 'u.data', separator: '\t', header: null, ratingMin: 1, ratingMax: 5, wholeStars: false, movieIndex: known },
    (out) => forEachLine(text(files, 'u.data'), (row, line) => checkRow(row, line, out), 'u.data'),
    (row, line) => checkRow(row, line, new RatingColumns()),
  );
  if (ratings.length === 0) throw new ImportError('u.data', null, 'file has no ratings');

  const users = new Map<number, RawUser>();
  if (files['u.user'] !== undefined) {
    forEachLine(text(files, 'u.user'), (row, line) => {
      const f = row.split('|');
      if (f.length !== 5) throw new ImportError('u.user', line, `expected 5 '|'-separated columns (id, age, gender, occupation, zip), found ${f.length}`);
      const userId = checkId(f[0], 'user id', 'u.user', line);
      const age = f[1].trim() === '' ? null : parseIntStrict(f[1]);
      if ((f[1].trim() !== '' && age === null) || (age !== null && age > 130)) {
        throw new ImportError('u.user', line, `age ${quoteValue(f[1], 40)} is not a whole number of years (0..130)`);
      }
      const g = f[2].trim().toUpperCase();
      if (g !== 'M' && g !== 'F' && g !== '') throw new ImportError('u.user', line, `gender ${quoteValue(f[2], 40)} should be M or F`);
      if (users.has(userId)) throw new ImportError('u.user', line, `user id ${userId} appears twice`);
      users.set(userId, {
        userId,
        age,
        gender: g === 'M' ? 'male' : g === 'F' ? 'female' : '',
        occupation: f[3].trim(),
        zip: f[4].trim(),
      });
    }, 'u.user');
  }

  return { layout: 'ml-100k', movies, ratings, tags: [], tagsSkipped: 0, users, ratingMin: 1, ratingMax: 5 };
}
