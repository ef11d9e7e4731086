/**
 * The layout-independent form both MovieLens parsers produce, and the small helpers
 * they share (genre names, titles, number checks). Building the catalog and the users
 * from it is the same for ml-latest and ml-100k.
 */
import { ImportError, quoteValue } from './import-error';
import type { RatingColumns } from './movielens-ratings';

/** One movie as read from movies.csv, movies.dat or u.item. */
export interface RawMovie {
  movieId: number;
  /** Display title, leading article restored ("Les Misérables (1995)"). */
  title: string;
  year: number | null;
  /** Epoch ms of the release date where the file has one (ml-100k), else null. */
  releasedAt: number | null;
  /** Genre labels in file order, normalised ("Children", "Sci-Fi"); may be empty. */
  genres: string[];
}

/** One tag application; `at` in epoch ms; `tag` normalised (see `normaliseTag`). */
export interface RawTag {
  userId: number;
  movieId: number;
  tag: string;
  at: number;
}

/** Demographics (ml-100k's u.user, ml-1m's users.dat). */
export interface RawUser {
  userId: number;
  age: number | null;
  gender: string;
  occupation: string;
  zip: string;
}

/** What a parser hands to the builders. */
export interface RawDataset {
  layout: 'ml-latest' | 'ml-100k' | 'ml-1m' | 'ml-10m';
  movies: RawMovie[];
  /** Every rating, in file order (`movie` indexes `movies`). */
  ratings: RatingColumns;
  tags: RawTag[];
  /** Tags dropped because nothing of them is left after normalising (only punctuation or emoji). */
  tagsSkipped: number;
  users: Map<number, RawUser>;
  /** Lowest and highest rating the layout allows (ml-latest and ml-10m 0.5..5, ml-100k and ml-1m 1..5). */
  ratingMin: number;
  ratingMax: number;
}

/** Topic id for movies without a genre ("(no genres listed)", ml-100k's "unknown"). */
export const NO_GENRE = 'unclassified';

/** The canonical genre label: ml-100k's "Children's" is ml-latest's "Children". */
export function normaliseGenre(label: string): string {
  const t = label.trim();
  if (t === "Children's") return 'Children';
  if (t === '(no genres listed)' || t.toLowerCase() === 'unknown') return '';
  return t;
}

/** Genre label -> topic id (kebab-case): "Sci-Fi" -> "sci-fi", "Film-Noir" -> "film-noir". */
export function genreTopicId(label: string): string {
  const id = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || NO_GENRE;
}

/** A user tag as a hashtag-like string: lower-case, runs of anything but letters and digits as '-', at most 40 chars. */
export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

const YEAR_RE = /\((\d{4})(?:[-–]\d{0,4})?\)\s*$/;
const ARTICLE_RE = /^(.+?), (The|A|An|Les|La|Le|Il|Das|Der|Die|El|Los|Las)(?=\s\(|$)/;

/**
 * Split a MovieLens title into a display title and the year. MovieLens files move
 * leading articles to the end ("Misérables, Les (1995)"); they are put back in front.
 */
export function parseTitle(raw: string): { title: string; year: number | null } {
  const t = raw.trim();
  const m = YEAR_RE.exec(t);
  const year = m ? Number(m[1]) : null;
  const title = t.replace(ARTICLE_RE, '$2 $1');
  return { title, year };
}

/**
 * Bounds on genres. Topic co-occurrence grows with the square of a movie's genre count,
 * so one line listing 10,000 genres would cost 10^8 steps; real MovieLens movies have at
 * most 10 genres out of 20.
 */
export const MAX_GENRES_PER_MOVIE = 32;
export const MAX_GENRES = 500;

/**
 * A movie's genre labels, normalised and de-duplicated in file order. Throws naming the
 * line when the movie has more than `MAX_GENRES_PER_MOVIE` or the catalog would have more
 * than `MAX_GENRES` (`seen` collects the catalog's genres across calls).
 */
export function collectGenres(labels: string[], seen: Set<string>, file: string, line: number): string[] {
  const genres = new Set<string>();
  for (const g of labels) {
    const label = normaliseGenre(g);
    if (!label) continue;
    genres.add(label);
    if (genres.size > MAX_GENRES_PER_MOVIE) {
      throw new ImportError(file, line, `the movie lists ${labels.length.toLocaleString('en-US')} genres; at most ${MAX_GENRES_PER_MOVIE} different ones are accepted`);
    }
  }
  for (const g of genres) {
    if (!seen.has(g)) {
      seen.add(g);
      if (seen.size > MAX_GENRES) throw new ImportError(file, line, `genre ${quoteValue(g, 60)} would be genre number ${seen.size}; at most ${MAX_GENRES} different genres are accepted`);
    }
  }
  return [...genres];
}

/**
 * One checked row of a movies file with an id, a title and `|`-separated genres (ml-latest's
 * movies.csv, ml-1m / ml-10m's movies.dat): appended to `movies` and indexed in `known`.
 * Throws naming the line for a bad or repeated id or an empty title.
 */
export function addMovieRow(f: readonly string[], idColumn: string, file: string, line: number, known: Map<number, number>, movies: RawMovie[], allGenres: Set<string>): void {
  const movieId = checkId(f[0], idColumn, file, line);
  if (known.has(movieId)) throw new ImportError(file, line, `${idColumn} ${movieId} appears twice`);
  const rawTitle = f[1].trim();
  if (!rawTitle) throw new ImportError(file, line, 'title is empty');
  const genres = collectGenres(f[2].split('|'), allGenres, file, line);
  known.set(movieId, movies.length);
  const { title, year } = parseTitle(rawTitle);
  movies.push({ movieId, title, year, releasedAt: null, genres });
}

/** A strict non-negative integer written in decimal digits (no sign, no exponent), or null. May exceed 2^53. */
export function parseIntStrict(s: string): number | null {
  const t = s.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** Ratings are plain decimals ("4", "3.5", "4.0"): not "0x4", "4e0", "+4", " ", "Infinity". */
const RATING_RE = /^\d{1,3}(?:\.\d{1,6})?$/;

/** Checks a rating; throws an ImportError naming the file and line when it is not a number in range. */
export function checkRating(s: string, min: number, max: number, file: string, line: number): number {
  const t = s.trim();
  if (!RATING_RE.test(t)) throw new ImportError(file, line, `rating ${quoteValue(s)} is not a number (write it in plain decimals, like 4 or 3.5)`);
  const r = Number(t);
  if (r < min || r > max) throw new ImportError(file, line, `rating ${r} is outside ${min}..${max}`);
  return r;
}

/** Checks a positive integer id; throws naming the column when it is not one, or is too large to stay exact. */
export function checkId(s: string, column: string, file: string, line: number): number {
  const v = parseIntStrict(s);
  if (v === null) throw new ImportError(file, line, `${column} ${quoteValue(s)} is not a whole number`);
  if (!Number.isSafeInteger(v)) {
    // Beyond 2^53 - 1 distinct ids round to the same number and would merge silently.
    throw new ImportError(file, line, `${column} ${quoteValue(s.trim())} is larger than ${Number.MAX_SAFE_INTEGER} (2^53 - 1), the largest id kept exact`);
  }
  return v;
}

/** Earliest and latest accepted timestamps (seconds): 1970-01-01 up to, not including, 2100-01-01 UTC. */
export const TIMESTAMP_MIN_SEC = 0;
export const TIMESTAMP_MAX_SEC = Date.UTC(2100, 0, 1) / 1000;

/** Checks a Unix timestamp in seconds (1970..2099) and returns epoch ms. */
export function checkTimestamp(s: string, file: string, line: number): number {
  const v = parseIntStrict(s);
  if (v === null) throw new ImportError(file, line, `timestamp ${quoteValue(s)} is not a whole number of seconds`);
  if (v < TIMESTAMP_MIN_SEC || v >= TIMESTAMP_MAX_SEC) {
    throw new ImportError(file, line, `timestamp ${quoteValue(s.trim(), 40)} is outside 1970..2099 (seconds since 1970-01-01 UTC, at most ${TIMESTAMP_MAX_SEC - 1})`);
  }
  return v * 1000;
}

/**
 * One tags row (user, movie, tag, timestamp), checked: the movie must be in the movies
 * file. Returns null for a tag with no word to keep (only punctuation or emoji: free text
 * of full releases), which the caller skips and counts. Throws `ImportError`.
 */
export function tagRow(f: readonly string[], names: { user: string; movie: string; file: string; moviesFile: string }, line: number, known: { has(id: number): boolean }): RawTag | null {
  const userId = checkId(f[0], names.user, names.file, line);
  const movieId = checkId(f[1], names.movie, names.file, line);
  if (!known.has(movieId)) throw new ImportError(names.file, line, `${names.movie} ${movieId} is not in ${names.moviesFile}`);
  const tag = normaliseTag(f[2]);
  const at = checkTimestamp(f[3], names.file, line);
  return tag ? { userId, movieId, tag, at } : null;
}
