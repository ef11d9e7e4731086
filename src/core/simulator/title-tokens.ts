/**
 * Distinctive words of a movie title, for the response model's "another film in a series I
 * watched" feature (movie-response.ts): lower-cased letters and digits, without the year,
 * without a parenthesised alternative title, without short words and a few common ones
 * ("the", "part", roman numerals), so "Die Hard 2" and "Die Hard: With a Vengeance" share
 * "die" and "hard" and "The Man Who..." shares nothing with "The Man in...".
 */

const COMMON = new Set(['the', 'and', 'for', 'with', 'from', 'part', 'les', 'der', 'movie', 'film', 'ii', 'iii', 'iv', 'vol', 'volume', 'chapter', 'episode', 'who', 'what', 'how', 'you', 'your', 'all', 'day', 'night', 'man', 'love', 'life', 'story', 'last', 'new', 'big', 'little', 'one', 'two', 'three', 'about', 'into', 'out', 'his', 'her', 'our', 'des', 'del', 'los', 'las', 'une', 'und', 'das']);

/** Title words: at least 3 characters, not common, unique, in order of appearance. */
export function titleTokens(title: string): string[] {
  const bare = title
    .toLowerCase()
    .replace(/\(\d{4}(?:[–-]\d{0,4})?\)\s*$/u, '')
    .replace(/\([^)]*\)/gu, ' ');
  const out: string[] = [];
  for (const w of bare.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3 && !COMMON.has(w) && !out.includes(w)) out.push(w);
  return out;
}
