/**
 * Ratings at scale: the full MovieLens releases hold 25-33 million ratings (ml-25m's
 * ratings.csv is 678 MB, more than a JavaScript string can hold), so ratings are kept in
 * columns of typed arrays rather than one object each, and a ratings file given as bytes
 * is read by a byte scanner that makes no string per line or field.
 *
 * The scanner takes only lines the general reader would take with the same values (plain
 * digits, the layout's separator, no spaces or quotes, values in range). At the first line
 * it cannot take it stops and says which; the caller then runs the general reader, which
 * accepts that line or throws its usual error naming file and line (`readRatings`).
 */
import { ImportError } from './import-error';
import { TIMESTAMP_MAX_SEC } from './movielens-raw';

/** Ratings in columns; `movie` is the index of the movie in the dataset's movie list, `at` epoch ms. */
export class RatingColumns {
  user = new Float64Array(1024);
  movie = new Int32Array(1024);
  rating = new Float64Array(1024);
  at = new Float64Array(1024);
  length = 0;

  push(user: number, movie: number, rating: number, at: number): void {
    if (this.length === this.user.length) this.grow();
    const k = this.length++;
    this.user[k] = user;
    this.movie[k] = movie;
    this.rating[k] = rating;
    this.at[k] = at;
  }

  /** Forget everything read so far (before a second reading of the same file). */
  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const n = this.user.length * 2;
    const g = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.user = g(this.user, (m) => new Float64Array(m));
    this.movie = g(this.movie, (m) => new Int32Array(m));
    this.rating = g(this.rating, (m) => new Float64Array(m));
    this.at = g(this.at, (m) => new Float64Array(m));
  }
}

/** What the byte scanner accepts in one file. */
export interface RatingScan {
  file: string;
  /** Field separator: "," (ratings.csv), "::" (ratings.dat) or "\t" (u.data). */
  separator: string;
  /** An exact first line to skip (the CSV header), or null. */
  header: string | null;
  ratingMin: number;
  ratingMax: number;
  /** Refuse ratings that are not whole stars (ml-1m). */
  wholeStars: boolean;
  /** Movie id -> index in the movie list. */
  movieIndex: Map<number, number>;
  /** Override of `MAX_TEXT_BYTES` (tests). */
  maxTextBytes?: number;
}

/** Where the scanner stopped: the 1-based line it could not take. */
export interface ScanStop {
  line: number;
  from: number;
  to: number;
}

const MAX_DIGITS = 15; // below 2^53: digits accumulate exactly
const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/**
 * Read `bytes` into `out`; returns null when every line was taken, else where it stopped
 * (lines before it are in `out`). Blank lines are skipped, as the general readers do.
 */
export function scanRatingBytes(bytes: Uint8Array, spec: RatingScan, out: RatingColumns): ScanStop | null {
  const len = bytes.length;
  const sep0 = spec.separator.charCodeAt(0);
  const sepLen = spec.separator.length;
  const sep1 = sepLen > 1 ? spec.separator.charCodeAt(1) : -1;
  const { ratingMin, ratingMax, wholeStars, movieIndex } = spec;
  let p = 0;
  let line = 0;
  // A UTF-8 byte order mark before the CSV header is dropped by the text decoder too.
  if (spec.header !== null && len >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) p = 3;
  while (p < len) {
    line++;
    const from = p;
    let end = bytes.indexOf(10, p);
    if (end < 0) end = len;
    p = end + 1;
    let to = end;
    if (to > from && bytes[to - 1] === 13) to--;
    if (to === from) continue; // blank line
    const stop: ScanStop = { line, from, to };
    if (line === 1 && spec.header !== null) {
      if (to - from !== spec.header.length) return stop;
      for (let k = 0; k < spec.header.length; k++) if (bytes[from + k] !== spec.header.charCodeAt(k)) return stop;
      continue;
    }
    // user SEP movie SEP rating SEP timestamp, plain digits only.
    let q = from;
    const fields = [0, 0, 0, 0];
    let ratingScale = 1;
    for (let f = 0; f < 4; f++) {
      let v = 0;
      let digits = 0;
      while (q < to) {
        const c = bytes[q];
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
        digits++;
        q++;
      }
      if (digits === 0 || digits > MAX_DIGITS) return stop;
      if (f === 2) {
        if (digits > 3) return stop;
        if (q < to && bytes[q] === 46 /* . */) {
          q++;
          let d = 0;
          while (q < to && bytes[q] >= 48 && bytes[q] <= 57) {
            v = v * 10 + (bytes[q] - 48);
            d++;
            q++;
          }
          if (d === 0 || d > 6) return stop;
          ratingScale = POW10[d];
        }
      }
      fields[f] = v;
      if (f < 3) {
        if (q >= to || bytes[q] !== sep0) return stop;
        q++;
        if (sep1 >= 0) {
          if (q >= to || bytes[q] !== sep1) return stop;
          q++;
        }
      }
    }
    if (q !== to) return stop;
    const movie = movieIndex.get(fields[1]);
    // One division of two exact integers: the same double as Number("4.5").
    const rating = fields[2] / ratingScale;
    const sec = fields[3];
    if (movie === undefined || rating < ratingMin || rating > ratingMax || (wholeStars && !Number.isInteger(rating)) || sec >= TIMESTAMP_MAX_SEC) return stop;
    out.push(fields[0], movie, rating, sec * 1000);
  }
  return null;
}

/**
 * Largest file read as one string by the general readers, in bytes. V8 strings hold at most
 * 2^29 - 24 characters; below this a file the scanner stops on is re-read in full by the
 * general reader, so its errors are exactly the usual ones.
 */
export const MAX_TEXT_BYTES = 500_000_000;

/**
 * Read a ratings file: bytes through the scanner, then, if it stopped, the general reader
 * (`general` re-reads everything into `out`, accepting the line or throwing its error).
 * A file too large for one string cannot be re-read: the stopped line alone goes through
 * `lineCheck` (the general reader's checks of one line, which throws its usual error), and
 * a line those accept (quotes, spaces around numbers) is refused in plain words.
 */
export function readRatings(
  content: string | Uint8Array,
  spec: RatingScan,
  general: (out: RatingColumns) => void,
  lineCheck: (text: string, line: number) => void,
): RatingColumns {
  const out = new RatingColumns();
  if (typeof content === 'string') {
    general(out);
    return out;
  }
  const stop = scanRatingBytes(content, spec, out);
  if (stop === null && out.length > 0) return out;
  if (content.length <= (spec.maxTextBytes ?? MAX_TEXT_BYTES)) {
    out.clear();
    general(out);
    return out;
  }
  if (stop === null) throw new ImportError(spec.file, null, 'file has no ratings');
  const s = stop;
  let text = '';
  for (let k = s.from; k < Math.min(s.to, s.from + 1000); k++) text += String.fromCharCode(content[k]);
  lineCheck(text, s.line);
  throw new ImportError(spec.file, s.line, `this line is not plain numbers separated by "${spec.separator === '\t' ? '\\t' : spec.separator}" (quotes or spaces?); a file of ${content.length.toLocaleString('en-US')} bytes is only read in that plain form`);
}
