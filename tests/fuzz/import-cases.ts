/**
 * Broken MovieLens folders for the import fuzz suite: each case is a good fixture folder
 * (or none) with some files replaced, removed or turned into folders, and the error the
 * importer must give (file, line, what). The folders are written to a temp dir at test
 * time (tests/fuzz/import-movielens.test.ts).
 */

/** A file's new content, `null` to remove it, or `{ dir: true }` to put a folder in its place. */
export type FileSpec = string | Uint8Array | null | { dir: true };

export interface ImportCase {
  name: string;
  /** Fixture folder the case starts from ('none': an empty folder). */
  base: 'ml-latest' | 'ml-100k' | 'ml-1m' | 'none';
  files: Record<string, FileSpec>;
  /** Expected `ImportError.file` ('<folder>' = the case folder's absolute path). */
  file: string;
  line: number | null;
  detail: RegExp;
}

const MOVIES_HEAD = 'movieId,title,genres\n';
const RATINGS_HEAD = 'userId,movieId,rating,timestamp\n';
const movies = (...rows: string[]): string => MOVIES_HEAD + rows.join('\n') + '\n';
const ratings = (...rows: string[]): string => RATINGS_HEAD + rows.join('\n') + '\n';
const GOOD_MOVIES = movies('1,Toy Story (1995),Adventure|Animation', '2,Heat (1995),Action|Crime');
const U_ITEM_ROW = (id: string, flags = '0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0'): string => `${id}|Toy Story (1995)|01-Jan-1995||http://x|${flags}`;

/** Deterministic bytes that are not text (no Math.random in tests either). */
function garbage(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const LONG_ID = '7'.repeat(5000);

/** Text with one non-UTF-8 byte in place of `@` (a latin1 or Windows-1252 save). */
function withByte(text: string, byte: number): Uint8Array {
  const at = text.indexOf('@');
  const enc = new TextEncoder();
  return new Uint8Array([...enc.encode(text.slice(0, at)), byte, ...enc.encode(text.slice(at + 1))]);
}

export const IMPORT_CASES: ImportCase[] = [
  // Folder-level problems.
  // ml-latest files are UTF-8: another encoding's byte was silently U+FFFD in every title it touched.
  { name: 'a latin1 é in movies.csv', base: 'ml-latest', files: { 'movies.csv': withByte(movies('1,Toy Story (1995),Adventure', '2,"Am@lie (2001)",Comedy'), 0xe9) }, file: 'movies.csv', line: 3, detail: /^not UTF-8: byte 0xE9 at column 6 /, },
  { name: 'a Windows-1252 quote in tags.csv', base: 'ml-latest', files: { 'tags.csv': withByte('userId,movieId,tag,timestamp\n1,1,@fun,1000000000\n', 0x93) }, file: 'tags.csv', line: 2, detail: /^not UTF-8: byte 0x93 at column 5 / },
  { name: 'empty folder', base: 'none', files: {}, file: '<folder>', line: null, detail: /No MovieLens files in this folder/ },
  { name: 'movies.csv is a folder', base: 'ml-latest', files: { 'movies.csv': { dir: true } }, file: 'movies.csv', line: null, detail: /is a folder, not a file/ },
  { name: 'ratings.csv is a folder', base: 'ml-latest', files: { 'ratings.csv': { dir: true } }, file: 'ratings.csv', line: null, detail: /is a folder, not a file/ },
  { name: 'u.data is a folder', base: 'ml-100k', files: { 'u.data': { dir: true } }, file: 'u.data', line: null, detail: /is a folder/ },
  { name: 'ratings.csv missing', base: 'ml-latest', files: { 'ratings.csv': null }, file: 'ratings.csv', line: null, detail: /file is missing/ },
  { name: 'u.item missing', base: 'ml-100k', files: { 'u.item': null }, file: 'u.item', line: null, detail: /file is missing/ },
  { name: 'movies.csv is 0 bytes', base: 'ml-latest', files: { 'movies.csv': '' }, file: 'movies.csv', line: null, detail: /empty \(no header row\)/ },
  { name: 'movies.csv has only a header', base: 'ml-latest', files: { 'movies.csv': MOVIES_HEAD, 'tags.csv': null, 'links.csv': null }, file: 'movies.csv', line: null, detail: /no movies/ },
  { name: 'ratings.csv has only a header', base: 'ml-latest', files: { 'ratings.csv': RATINGS_HEAD }, file: 'ratings.csv', line: null, detail: /no ratings/ },
  { name: 'u.data is empty', base: 'ml-100k', files: { 'u.data': '\n\n' }, file: 'u.data', line: null, detail: /no ratings/ },
  { name: 'binary garbage as ratings.csv', base: 'ml-latest', files: { 'ratings.csv': garbage(4000) }, file: 'ratings.csv', line: 1, detail: /header should be/ },

  // Bounded work per field and per line.
  {
    name: 'one movie with 10,000 genres',
    base: 'ml-latest',
    files: { 'movies.csv': movies('1,Toy Story (1995),Adventure', `2,Heat (1995),${Array.from({ length: 10_000 }, (_, i) => `G${i}`).join('|')}`), 'tags.csv': null, 'links.csv': null },
    file: 'movies.csv', line: 3, detail: /10,000 genres; at most 32/,
  },
  {
    name: '600 different genres over 600 movies',
    base: 'ml-latest',
    files: { 'movies.csv': movies(...Array.from({ length: 600 }, (_, i) => `${i + 1},Film ${i} (1990),Genre${i}`)), 'tags.csv': null, 'links.csv': null },
    file: 'movies.csv', line: 502, detail: /genre number 501; at most 500/,
  },
  { name: 'a 100,000-character title line', base: 'ml-latest', files: { 'movies.csv': movies('1,A (1990),Drama', `2,${'x'.repeat(100_000)},Drama`) }, file: 'movies.csv', line: 3, detail: /longer than 65,536 characters/ },
  { name: 'a 1,000,000-character rating', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1000000000', `1,2,${'4'.repeat(1_000_000)},1000000000`) }, file: 'ratings.csv', line: 3, detail: /longer than 65,536 characters/ },
  { name: 'a 200,000-character u.item line', base: 'ml-100k', files: { 'u.item': `${U_ITEM_ROW('1')}\n${'|'.repeat(200_000)}\n` }, file: 'u.item', line: 2, detail: /longer than 65,536 characters/ },
  { name: 'a 5,000-digit movie id is quoted short', base: 'ml-latest', files: { 'movies.csv': movies('1,A (1990),Drama', `${LONG_ID},B (1991),Drama`) }, file: 'movies.csv', line: 3, detail: /movieId "7{200}"\.\.\. \(5,000 characters\) is larger than 9007199254740991/ },

  // Quotes.
  { name: 'unclosed quote to the end of the file', base: 'ml-latest', files: { 'movies.csv': movies('1,A (1990),Drama', '2,"Heat (1995),Action', '3,Se7en (1995),Thriller') }, file: 'movies.csv', line: 3, detail: /quoted field is never closed/ },
  { name: 'unclosed quote closed by a later line', base: 'ml-latest', files: { 'movies.csv': movies('1,A (1990),Drama', '2,"Heat (1995),Action', '3,"Se7en (1995)",Thriller') }, file: 'movies.csv', line: 3, detail: /not closed on this line .*runs on to line 4/ },
  { name: 'text after a closing quote', base: 'ml-latest', files: { 'movies.csv': movies('1,A (1990),Drama', '2,"Heat" (1995),Action') }, file: 'movies.csv', line: 3, detail: /unexpected text after a closing quote in field 2/ },
  { name: 'unclosed quote in a huge file', base: 'ml-latest', files: { 'ratings.csv': RATINGS_HEAD + '1,"1,4,1000000000\n' + '1,1,4,1000000000\n'.repeat(10_000) }, file: 'ratings.csv', line: 2, detail: /not closed within 65,536 characters/ },

  // Ids, ratings and timestamps.
  { name: 'movieId beyond 2^53', base: 'ml-latest', files: { 'movies.csv': movies('9007199254740993,A (1990),Drama', '9007199254740992,B (1991),Drama') }, file: 'movies.csv', line: 2, detail: /larger than 9007199254740991 \(2\^53 - 1\)/ },
  { name: 'userId beyond 2^53', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1000000000', '99999999999999999999,1,4,1000000000') }, file: 'ratings.csv', line: 3, detail: /userId "99999999999999999999" is larger than/ },
  { name: 'u.data item id beyond 2^53', base: 'ml-100k', files: { 'u.data': '1\t1\t5\t874965758\n1\t18014398509481984\t5\t874965758\n' }, file: 'u.data', line: 2, detail: /item id "18014398509481984" is larger than/ },
  { name: 'rating written in hex', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,0x4,1000000000') }, file: 'ratings.csv', line: 2, detail: /rating "0x4" is not a number/ },
  { name: 'rating with an exponent', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4.0,1000000000', '1,2,4e0,1000000000') }, file: 'ratings.csv', line: 3, detail: /rating "4e0" is not a number/ },
  { name: 'u.data rating with an exponent', base: 'ml-100k', files: { 'u.data': '1\t1\t4e0\t874965758\n' }, file: 'u.data', line: 1, detail: /rating "4e0" is not a number/ },
  { name: 'rating Infinity', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,Infinity,1000000000') }, file: 'ratings.csv', line: 2, detail: /rating "Infinity" is not a number/ },
  { name: 'rating empty', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,,1000000000') }, file: 'ratings.csv', line: 2, detail: /rating "" is not a number/ },
  { name: 'rating negative', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,-1,1000000000') }, file: 'ratings.csv', line: 2, detail: /rating "-1" is not a number/ },
  { name: 'rating out of range', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,5.5,1000000000') }, file: 'ratings.csv', line: 2, detail: /rating 5.5 is outside 0.5..5/ },
  { name: 'timestamp in the year 5138', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1000000000', '1,2,4,99999999999') }, file: 'ratings.csv', line: 3, detail: /timestamp "99999999999" is outside 1970..2099/ },
  { name: 'timestamp with an exponent', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1.5e9') }, file: 'ratings.csv', line: 2, detail: /timestamp "1.5e9" is not a whole number/ },
  { name: 'negative timestamp', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,-5') }, file: 'ratings.csv', line: 2, detail: /timestamp "-5" is not a whole number/ },
  { name: 'u.data timestamp beyond 2099', base: 'ml-100k', files: { 'u.data': '1\t1\t5\t874965758\n1\t2\t5\t4102444800\n' }, file: 'u.data', line: 2, detail: /outside 1970..2099/ },
  { name: 'tags.csv timestamp in milliseconds beyond 2099', base: 'ml-latest', files: { 'tags.csv': 'userId,movieId,tag,timestamp\n1,1,fun,1000000000000\n' }, file: 'tags.csv', line: 2, detail: /outside 1970..2099/ },

  // Structure.
  { name: 'rating of an unknown movie', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1000000000', '1,4242,4,1000000000') }, file: 'ratings.csv', line: 3, detail: /movieId 4242 is not in movies.csv/ },
  { name: 'duplicate movieId', base: 'ml-latest', files: { 'movies.csv': GOOD_MOVIES + '1,Again (1999),Drama\n', 'tags.csv': null, 'links.csv': null }, file: 'movies.csv', line: 4, detail: /movieId 1 appears twice/ },
  { name: 'empty title', base: 'ml-latest', files: { 'movies.csv': movies('1,  ,Drama') }, file: 'movies.csv', line: 2, detail: /title is empty/ },
  { name: 'wrong ratings header', base: 'ml-latest', files: { 'ratings.csv': 'user,movie,stars,when\n1,1,4,1000000000\n' }, file: 'ratings.csv', line: 1, detail: /header should be "userId,movieId,rating,timestamp", found "user,movie,stars,when"/ },
  { name: 'extra column in ratings', base: 'ml-latest', files: { 'ratings.csv': ratings('1,1,4,1000000000,extra') }, file: 'ratings.csv', line: 2, detail: /expected 4 columns/ },
  // (A tag made only of punctuation is not an error: it is skipped and counted, import-latest.test.ts.)
  { name: 'ratings.dat half star in ml-1m (users.dat present)', base: 'ml-1m', files: { 'ratings.dat': '1::1::5::978300760\n1::2::3.5::978302109\n' }, file: 'ratings.dat', line: 2, detail: /rating 3.5 is not a whole star: ml-1m/ },
  { name: 'links.csv imdbId with a prefix', base: 'ml-latest', files: { 'links.csv': 'movieId,imdbId,tmdbId\n1,tt0114709,862\n' }, file: 'links.csv', line: 2, detail: /imdbId "tt0114709" is not a whole number/ },
  { name: 'u.item with too few columns', base: 'ml-100k', files: { 'u.item': `${U_ITEM_ROW('1')}\n2|Heat (1995)|01-Jan-1995\n` }, file: 'u.item', line: 2, detail: /expected 24 '\|'-separated columns, found 3/ },
  { name: 'u.item genre flag 2', base: 'ml-100k', files: { 'u.item': U_ITEM_ROW('1', '0|0|0|1|1|1|0|0|0|2|0|0|0|0|0|0|0|0|0') + '\n' }, file: 'u.item', line: 1, detail: /genre flag 10 \("2"\) should be 0 or 1/ },
  { name: 'u.user age 200', base: 'ml-100k', files: { 'u.user': '1|200|M|technician|85711\n' }, file: 'u.user', line: 1, detail: /age "200" is not a whole number of years/ },
  { name: 'u.user duplicate id', base: 'ml-100k', files: { 'u.user': '1|24|M|technician|85711\n1|25|F|other|94043\n' }, file: 'u.user', line: 2, detail: /user id 1 appears twice/ },
];
