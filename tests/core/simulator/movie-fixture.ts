/**
 * A small, seeded MovieLens-like world written as CSV text (movies.csv, ratings.csv) for
 * the simulator's fidelity tests. Its structure is the one real data shows, made plain:
 * - a few movies are popular and most are obscure (Zipf-like weights);
 * - each user has two favourite genres and an era, rates mostly popular movies near
 *   their era, and rates favourite-genre movies high and the rest middling.
 * So the movies a user goes on to like (the held-out part) are popular, in their genres
 * and era, while movies sampled from the whole catalog are mostly obscure.
 */
import { createRng } from '../../../src/core/rng';

const GENRES = ['Drama', 'Comedy', 'Horror', 'Documentary', 'Animation', 'Sci-Fi', 'Romance', 'Western', 'Thriller', 'Musical'];

export interface MovieWorldOptions {
  movies?: number;
  users?: number;
  seed?: number;
}

/** movies.csv and ratings.csv of the world, as strings. */
export function movieWorldCsv(opts: MovieWorldOptions = {}): Record<string, string> {
  const nMovies = opts.movies ?? 500;
  const nUsers = opts.users ?? 60;
  const rng = createRng(opts.seed ?? 7);
  const movies: { id: number; genres: string[]; year: number; weight: number }[] = [];
  // Popularity ranks are a random permutation, so popularity is independent of genre and year.
  const rank = Array.from({ length: nMovies }, (_, i) => i);
  for (let i = nMovies - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  for (let m = 0; m < nMovies; m++) {
    // Drama and comedy are common (index 0 and 1 drawn more often), as in real catalogs.
    const g1 = GENRES[rng.next() < 0.5 ? rng.int(2) : rng.int(GENRES.length)];
    const genres = rng.next() < 0.5 ? [g1] : [...new Set([g1, GENRES[rng.int(GENRES.length)]])];
    movies.push({ id: m + 1, genres, year: 1950 + rng.int(66), weight: 1 / Math.pow(rank[m] + 3, 1.5) });
  }
  const lines = ['movieId,title,genres'];
  for (const m of movies) lines.push(`${m.id},Movie ${m.id} (${m.year}),${m.genres.join('|')}`);
  const ratings = ['userId,movieId,rating,timestamp'];
  for (let u = 1; u <= nUsers; u++) {
    const fav = new Set([GENRES[rng.int(GENRES.length)], GENRES[2 + rng.int(GENRES.length - 2)]]);
    const era = 1960 + rng.int(50);
    const w = movies.map((m) => m.weight * (m.genres.some((g) => fav.has(g)) ? 6 : 1) * Math.exp(-Math.abs(m.year - era) / 12));
    const total = w.reduce((a, b) => a + b, 0);
    const n = 30 + rng.int(40);
    const rated = new Set<number>();
    let t = 1_000_000_000 + u * 1000;
    for (let tries = 0; rated.size < n && tries < 100_000; tries++) {
      let x = rng.next() * total;
      let k = 0;
      while (k < movies.length - 1 && x >= w[k]) x -= w[k++];
      if (rated.has(k)) continue;
      rated.add(k);
      const liked = movies[k].genres.some((g) => fav.has(g));
      const r = Math.min(5, Math.max(0.5, Math.round(((liked ? 4.3 : 3) + (rng.next() - 0.5) * 1.6) * 2) / 2));
      t += 60 + rng.int(600);
      ratings.push(`${u},${movies[k].id},${r.toFixed(1)},${t}`);
    }
  }
  return { 'movies.csv': lines.join('\n') + '\n', 'ratings.csv': ratings.join('\n') + '\n' };
}
