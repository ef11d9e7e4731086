/**
 * Parser for the ml-1m and ml-10m layout (GroupLens 2003 and 2009): "::"-separated .dat
 * files without a header.
 *   movies.dat   MovieID::Title::Genres                      (genres "A|B")
 *   ratings.dat  UserID::MovieID::Rating::Timestamp          (ml-1m whole stars 1..5; ml-10m half stars 0.5..5)
 *   users.dat    UserID::Gender::Age::Occupation::Zip-code   (ml-1m only; optional)
 *   tags.dat     UserID::MovieID::Tag::Timestamp             (ml-10m only; optional)
 * ml-1m's files are ISO-8859-1 (latin1); ml-10m's are UTF-8. Each file is decoded as
 * UTF-8 when its bytes are valid UTF-8 and as latin1 otherwise (a latin1 accent followed
 * by plain text is never valid UTF-8), so both releases read right.
 */
import { ImportError, quoteValue } from './import-error';
import {
  addMovieRow,
  checkId,
  checkRating,
  checkTimestamp,
  type RawDataset,
  type RawMovie,
  type RawTag,
  type RawUser,
  tagRow,
} from './movielens-raw';
import { RatingColumns, readRatings } from './movielens-ratings';
import { forEachLine, isValidUtf8, toText } from './movielens-text';

type Files = Record<string, string | Uint8Array>;

/** ml-1m's age codes: the code is the lower bound of the group ("Under 18" has none). */
export const ML1M_AGES: Record<string, number | null> = { '1': null, '18': 18, '25': 25, '35': 35, '45': 45, '50': 50, '56': 56 };

/** ml-1m's occupation codes 0..20, as its README names them. */
export const ML1M_OCCUPATIONS = [
  'other', 'academic/educator', 'artist', 'clerical/admin', 'college/grad student', 'customer service',
  'doctor/health care', 'executive/managerial', 'farmer', 'homemaker', 'K-12 student', 'lawyer', 'programmer',
  'retired', 'sales/marketing', 'scientist', 'self-employed', 'technician/engineer', 'tradesman/craftsman',
  'unemployed', 'writer',
] as const;

/** A file's text: strings pass through; bytes are UTF-8 when valid, else latin1. */
export function datText(files: Files, file: string): string {
  const content = files[file];
  if (content === undefined) throw new ImportError(file, null, 'file is missing');
  if (typeof content === 'string') return toText(content, 'utf-8');
  return toText(content, isValidUtf8(content) ? 'utf-8' : 'latin1');
}

/**
 * Split a line on "::". With `free` set, that column may itself hold "::" (a title or a
 * tag): the columns before it and after it are taken from the ends.
 */
function splitDat(row: string, columns: string[], file: string, line: number, free = -1): string[] {
  const f = row.split('::');
  if (f.length === columns.length || (free >= 0 && f.length > columns.length)) {
    if (f.length === columns.length) return f;
    const tail = columns.length - free - 1;
    return [...f.slice(0, free), f.slice(free, f.length - tail).join('::'), ...f.slice(f.length - tail)];
  }
  throw new ImportError(file, line, `expected ${columns.length} '::'-separated columns (${columns.join('::')}), found ${f.length}`);
}

/**
 * Parse the ml-1m / ml-10m layout. The release is told by its files and ratings: a
 * users.dat makes it ml-1m (whole stars 1..5 only); otherwise a tags.dat or any half star
 * makes it ml-10m (0.5..5), else ml-1m. Throws `ImportError` at the first problem.
 */
export function parseMlDat(files: Files): RawDataset {
  const movies: RawMovie[] = [];
  /** Movie id -> index in `movies`. */
  const known = new Map<number, number>();
  const allGenres = new Set<string>();
  forEachLine(datText(files, 'movies.dat'), (row, line) => {
    addMovieRow(splitDat(row, ['MovieID', 'Title', 'Genres'], 'movies.dat', line, 1), 'MovieID', 'movies.dat', line, known, movies, allGenres);
  }, 'movies.dat');
  if (movies.length === 0) throw new ImportError('movies.dat', null, 'file has no movies');

  const ml1m = files['users.dat'] !== undefined;
  const checkRow = (row: string, line: number, out: RatingColumns): void => {
    const f = splitDat(row, ['UserID', 'MovieID', 'Rating', 'Timestamp'], 'ratings.dat', line);
    const userId = checkId(f[0], 'UserID', 'ratings.dat', line);
    const movieId = checkId(f[1], 'MovieID', 'ratings.dat', line);
    const movie = known.get(movieId);
    if (movie === undefined) throw new ImportError('ratings.dat', line, `MovieID ${movieId} is not in movies.dat`);
    const rating = checkRating(f[2], ml1m ? 1 : 0.5, 5, 'ratings.dat', line);
    if (ml1m && !Number.isInteger(rating)) throw new ImportError('ratings.dat', line, `rating ${rating} is not a whole star: ml-1m (a folder with users.dat) rates 1..5 in whole stars`);
    const at = checkTimestamp(f[3], 'ratings.dat', line);
    out.push(userId, movie, rating, at);
  };
  const ratingsFile = files['ratings.dat'];
  if (ratingsFile === undefined) throw new ImportError('ratings.dat', null, 'file is missing');
  const ratings = readRatings(
    ratingsFile,
    { file: 'ratings.dat', separator: '::', header: null, ratingMin: ml1m ? 1 : 0.5, ratingMax: 5, wholeStars: ml1m, movieIndex: known },
    (out) => forEachLine(datText(files, 'ratings.dat'), (row, line) => checkRow(row, line, out), 'ratings.dat'),
    (row, line) => checkRow(row, line, new RatingColumns()),
  );
  if (ratings.length === 0) throw new ImportError('ratings.dat', null, 'file has no ratings');
  let halfStars = false;
  for (let k = 0; k < ratings.length && !halfStars; k++) halfStars = !Number.isInteger(ratings.rating[k]);

  const users = new Map<number, RawUser>();
  if (ml1m) {
    forEachLine(datText(files, 'users.dat'), (row, line) => {
      const f = splitDat(row, ['UserID', 'Gender', 'Age', 'Occupation', 'Zip-code'], 'users.dat', line);
      const userId = checkId(f[0], 'UserID', 'users.dat', line);
      if (users.has(userId)) throw new ImportError('users.dat', line, `UserID ${userId} appears twice`);
      const g = f[1].trim().toUpperCase();
      if (g !== 'M' && g !== 'F') throw new ImportError('users.dat', line, `gender ${quoteValue(f[1], 40)} should be M or F`);
      const ageCode = f[2].trim();
      if (!(ageCode in ML1M_AGES)) throw new ImportError('users.dat', line, `age ${quoteValue(f[2], 40)} is not one of ml-1m's age codes (1, 18, 25, 35, 45, 50, 56)`);
      const occ = f[3].trim();
      const occupation = /^\d{1,2}$/.test(occ) ? ML1M_OCCUPATIONS[Number(occ)] : undefined;
      if (occupation === undefined) throw new ImportError('users.dat', line, `occupation ${quoteValue(f[3], 40)} is not one of ml-1m's codes 0..20`);
      users.set(userId, { userId, age: ML1M_AGES[ageCode], gender: g === 'M' ? 'male' : 'female', occupation, zip: f[4].trim() });
    }, 'users.dat');
  }

  const tags: RawTag[] = [];
  let tagsSkipped = 0;
  if (files['tags.dat'] !== undefined) {
    forEachLine(datText(files, 'tags.dat'), (row, line) => {
      const t = tagRow(splitDat(row, ['UserID', 'MovieID', 'Tag', 'Timestamp'], 'tags.dat', line, 2), { user: 'UserID', movie: 'MovieID', file: 'tags.dat', moviesFile: 'movies.dat' }, line, known);
      if (t) tags.push(t);
      else tagsSkipped++;
    }, 'tags.dat');
  }

  const ml10m = !ml1m && (halfStars || files['tags.dat'] !== undefined);
  return { layout: ml10m ? 'ml-10m' : 'ml-1m', movies, ratings, tags, tagsSkipped, users, ratingMin: ml10m ? 0.5 : 1, ratingMax: 5 };
}
