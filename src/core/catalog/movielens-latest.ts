/**
 * Parser for the ml-latest / ml-latest-small layout: UTF-8 CSVs with a header row.
 *   movies.csv   movieId,title,genres          (title quoted when it holds commas; genres "A|B")
 *   ratings.csv  userId,movieId,rating,timestamp (rating 0.5..5 in half stars; timestamp in seconds)
 *   tags.csv     userId,movieId,tag,timestamp  (optional)
 *   links.csv    movieId,imdbId,tmdbId         (optional; validated, not used)
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
  tagRow,
} from './movielens-raw';
import { RatingColumns, readRatings } from './movielens-ratings';
import { firstInvalidUtf8, forEachCsvRecord, toText } from './movielens-text';

type Files = Record<string, string | Uint8Array>;

/**
 * ml-latest files are UTF-8; another encoding's bytes (a latin1 or Windows-1252 save) became
 * U+FFFD in every title they touched, without a word. The first such byte, by line and column.
 */
function notUtf8Error(bytes: Uint8Array, file: string): ImportError | null {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
  const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
  return new ImportError(file, line, `not UTF-8: byte 0x${byte} at column ${bad - lineStart + 1} (ml-latest files are UTF-8; saved as latin1 or Windows-1252? Save it as UTF-8)`);
}

/** Reads a CSV, checks its header names and the column count of every record. */
function readCsv(files: Files, file: string, header: string[], onRow: (f: string[], line: number) => void): void {
  const content = files[file];
  if (content === undefined) throw new ImportError(file, null, 'file is missing');
  const notUtf8 = typeof content === 'string' ? null : notUtf8Error(content, file);
  let sawHeader = false;
  forEachCsvRecord(toText(content, 'utf-8'), file, (fields, line) => {
    if (!sawHeader) {
      sawHeader = true;
      const got = fields.map((f) => f.trim());
      if (got.length !== header.length || got.some((g, i) => g !== header[i])) {
        throw new ImportError(file, line, `header should be "${header.join(',')}", found ${quoteValue(got.join(','))}`);
      }
      // After the header check: a file that is not this CSV at all is better told by its header.
      if (notUtf8) throw notUtf8;
      return;
    }
    if (fields.length !== header.length) {
      throw new ImportError(file, line, `expected ${header.length} columns (${header.join(',')}), found ${fields.length}`);
    }
    onRow(fields, line);
  });
  if (!sawHeader) throw new ImportError(file, null, 'file is empty (no header row)');
}

/** Parse the ml-latest layout. Throws `ImportError` at the first problem. */
export function parseMlLatest(files: Files): RawDataset {
  const movies: RawMovie[] = [];
  /** Movie id -> index in `movies`. */
  const known = new Map<number, number>();
  const allGenres = new Set<string>();
  readCsv(files, 'movies.csv', ['movieId', 'title', 'genres'], (f, line) => addMovieRow(f, 'movieId', 'movies.csv', line, known, movies, allGenres));

  if (movies.length === 0) throw new ImportError('movies.csv', null, 'file has no movies (only a header)');

  const RATINGS_HEADER = ['userId', 'movieId', 'rating', 'timestamp'];
  const checkRow = (f: string[], line: number, out: RatingColumns): void => {
    const userId = checkId(f[0], 'userId', 'ratings.csv', line);
    const movieId = checkId(f[1], 'movieId', 'ratings.csv', line);
    const movie = known.get(movieId);
    if (movie === undefined) throw new ImportError('ratings.csv', line, `movieId ${movieId} is not in movies.csv`);
    const rating = checkRating(f[2], 0.5, 5, 'ratings.csv', line);
    const at = checkTimestamp(f[3], 'ratings.csv', line);
    out.push(userId, movie, rating, at);
  };
  const ratingsFile = files['ratings.csv'];
  if (ratingsFile === undefined) throw new ImportError('ratings.csv', null, 'file is missing');
  const ratings = readRatings(
    ratingsFile,
    { file: 'ratings.csv', separator: ',', header: RATINGS_HEADER.join(','), ratingMin: 0.5, ratingMax: 5, wholeStars: false, movieIndex: known },
    (out) => readCsv(files, 'ratings.csv', RATINGS_HEADER, (f, line) => checkRow(f, line, out)),
    (text, line) => {
      // One line of a file too large for the general reader: the same checks, on that line.
      if (text.includes('"')) return; // quoting: only the general reader could judge it (refused in plain words)
      const fields = text.split(',');
      if (line === 1) throw new ImportError('ratings.csv', 1, `header should be "${RATINGS_HEADER.join(',')}", found ${quoteValue(text)}`);
      if (fields.length !== 4) throw new ImportError('ratings.csv', line, `expected 4 columns (${RATINGS_HEADER.join(',')}), found ${fields.length}`);
      checkRow(fields, line, new RatingColumns());
    },
  );
  if (ratings.length === 0) throw new ImportError('ratings.csv', null, 'file has no ratings (only a header)');

  const tags: RawTag[] = [];
  let tagsSkipped = 0;
  if (files['tags.csv'] !== undefined) {
    readCsv(files, 'tags.csv', ['userId', 'movieId', 'tag', 'timestamp'], (f, line) => {
      const t = tagRow(f, { user: 'userId', movie: 'movieId', file: 'tags.csv', moviesFile: 'movies.csv' }, line, known);
      if (t) tags.push(t);
      else tagsSkipped++;
    });
  }

  if (files['links.csv'] !== undefined) {
    // Validated so a broken folder is reported, but not used: items carry no external ids.
    readCsv(files, 'links.csv', ['movieId', 'imdbId', 'tmdbId'], (f, line) => {
      checkId(f[0], 'movieId', 'links.csv', line);
      if (f[1].trim() !== '') checkId(f[1], 'imdbId', 'links.csv', line);
      if (f[2].trim() !== '') checkId(f[2], 'tmdbId', 'links.csv', line);
    });
  }

  return { layout: 'ml-latest', movies, ratings, tags, tagsSkipped, users: new Map(), ratingMin: 0.5, ratingMax: 5 };
}
