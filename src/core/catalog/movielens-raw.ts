/**
 * The layout-independent form both MovieLens parsers produce, and the small helpers
 * they share (genre names, titles, number checks). Building the catalog and the users
 * from it is the same for ml-latest and ml-100k.
 */
import { ImportError } from './import-error';

/** One movie as read from movies.csv or u.item. */
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

/** One rating; `at` in epoch ms. */
export interface RawRating {
  userId: number;
  movieId: number;
  rating: number;
  at: number;
}

/** One tag application; `at` in epoch ms; `tag` normalised (see `normaliseTag`). */
export interface RawTag {
  userId: number;
  movieId: number;
  tag: string;
  at: number;
}

/** Demographics (ml-100k's u.user). */
export interface RawUser {
  userId: number;
  age: number | null;
  gender: string;
  occupation: string;
  zip: string;
}

/** What a parser hands to the builders. */
export interface RawDataset {
  layout: 'ml-latest' | 'ml-100k';
  movies: RawMovie[];
  ratings: RawRating[];
  tags: RawTag[];
  users: Map<number, RawUser>;
  /** Lowest and highest rating the layout allows (ml-latest 0.5..5, ml-100k 1..5). */
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

/** A strict non-negative integer, or null. */
export function parseIntStrict(s: string): number | null {
  const t = s.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

/** Checks a rating; throws an ImportError naming the file and line when it is not a number in range. */
export function checkRating(s: string, min: number, max: number, file: string, line: number): number {
  const t = s.trim();
  const r = t === '' ? NaN : Number(t);
  if (!Number.isFinite(r)) throw new ImportError(file, line, `rating "${s}" is not a number`);
  if (r < min || r > max) throw new ImportError(file, line, `rating ${r} is outside ${min}..${max}`);
  return r;
}

/** Checks a positive integer id; throws naming the column when it is not one. */
export function checkId(s: string, column: string, file: string, line: number): number {
  const v = parseIntStrict(s);
  if (v === null) throw new ImportError(file, line, `${column} "${s}" is not a whole number`);
  return v;
}

/** Checks a Unix timestamp in seconds and returns epoch ms. */
export function checkTimestamp(s: string, file: string, line: number): number {
  const v = parseIntStrict(s);
  if (v === null) throw new ImportError(file, line, `timestamp "${s}" is not a whole number of seconds`);
  return v * 1000;
}
