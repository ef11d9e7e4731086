/**
 * A seeded MovieLens-like folder (ml-latest layout: movies.csv, ratings.csv, tags.csv) of a
 * chosen size, written to a directory the caller owns (the bench uses a temp dir; nothing
 * is committed). Its shape follows real MovieLens where it matters for cost: Zipf-like
 * movie popularity (a few movies rated by a large share of users), users with 20 to ~1,000
 * ratings (log-normal), two favourite genres each, half-star ratings, ratings spread over
 * 1996-2019, and a tag for about one rating in a hundred.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../src/core/rng';

const GENRES = ['Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western'];
const TAGS = ['classic', 'atmospheric', 'twist ending', 'funny', 'slow', 'visually appealing', 'based on a book', 'dark comedy'];
const T0 = Date.UTC(1996, 0, 1) / 1000;
const SPAN = Date.UTC(2019, 0, 1) / 1000 - T0;

export interface SyntheticSize {
  /** Target number of ratings (the result is within a few percent). */
  ratings: number;
  seed?: number;
}

/** Write the folder; returns what was written. */
export function writeSyntheticMovieLens(dir: string, size: SyntheticSize): { movies: number; users: number; ratings: number; tags: number; bytes: number } {
  const rng = createRng(size.seed ?? 1);
  // Real ratio: ml-25m has 62k movies and 162k users for 25M ratings.
  const nMovies = Math.max(500, Math.round(size.ratings / 400));
  const meanPerUser = 150;
  const movieGenre: number[][] = [];
  const movieLines = ['movieId,title,genres'];
  for (let m = 0; m < nMovies; m++) {
    const g = [rng.int(GENRES.length)];
    if (rng.next() < 0.6) g.push(rng.int(GENRES.length));
    const gs = [...new Set(g)].sort((a, b) => a - b);
    movieGenre.push(gs);
    movieLines.push(`${m + 1},"Film ${m + 1}, The (${1930 + rng.int(89)})",${gs.map((x) => GENRES[x]).join('|')}`);
  }
  // Popularity: Zipf over a random permutation of the movies; cumulative weights per genre pair are too many, so favour genres by rejection.
  const rank = Array.from({ length: nMovies }, (_, i) => i);
  for (let i = nMovies - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const cum = new Float64Array(nMovies);
  let total = 0;
  for (let m = 0; m < nMovies; m++) cum[m] = total += 1 / Math.pow(rank[m] + 10, 0.9);
  const draw = (): number => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = nMovies - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Written in chunks: a 25M-rating file is more than one JavaScript string can hold.
  const fd = openSync(join(dir, 'ratings.csv'), 'w');
  let bytes = writeSync(fd, 'userId,movieId,rating,timestamp\n');
  const tagLines = ['userId,movieId,tag,timestamp'];
  let lines: string[] = [];
  let written = 0;
  let u = 0;
  while (written < size.ratings) {
    u++;
    const n = Math.min(size.ratings - written, Math.max(20, Math.round(meanPerUser * Math.exp(0.9 * gauss(rng) - 0.4))), nMovies >> 1);
    const fav = [rng.int(GENRES.length), rng.int(GENRES.length)];
    const leniency = (rng.next() - 0.5) * 1.2;
    const start = T0 + rng.int(SPAN);
    const span = Math.min(T0 + SPAN - start, 86_400 * (1 + rng.int(900)));
    const seen = new Set<number>();
    let t = start;
    for (let tries = 0; seen.size < n && tries < n * 50; tries++) {
      const m = draw();
      if (seen.has(m)) continue;
      const liked = movieGenre[m].some((g) => g === fav[0] || g === fav[1]);
      if (!liked && rng.next() < 0.5) continue; // taste: favourite genres twice as likely
      seen.add(m);
      t += Math.floor((span / n) * rng.next() * 2);
      const r = Math.min(5, Math.max(0.5, Math.round((3.4 + leniency + (liked ? 0.6 : -0.3) + gauss(rng) * 0.8) * 2) / 2));
      lines.push(`${u},${m + 1},${r.toFixed(1)},${t}\n`);
      if (rng.next() < 0.01) tagLines.push(`${u},${m + 1},${TAGS[rng.int(TAGS.length)]},${t + 60}`);
    }
    written += seen.size;
    if (lines.length > 100_000) {
      bytes += writeSync(fd, lines.join(''));
      lines = [];
    }
  }
  bytes += writeSync(fd, lines.join(''));
  closeSync(fd);
  writeFileSync(join(dir, 'movies.csv'), movieLines.join('\n') + '\n');
  writeFileSync(join(dir, 'tags.csv'), tagLines.join('\n') + '\n');
  return { movies: nMovies, users: u, ratings: written, tags: tagLines.length - 1, bytes };
}

/** A standard normal draw (Box-Muller) from the seeded rng. */
function gauss(rng: { next(): number }): number {
  const a = Math.max(1e-12, rng.next());
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * rng.next());
}
