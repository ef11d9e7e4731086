/**
 * MovieLens movies -> catalog items and topics. Item statistics (engagement counts and
 * quality) come from the ratings passed in, which the importer restricts to the users'
 * history part, so held-out ratings never leak into what a simulator or recommender sees.
 */
import type { Item, TopicInfo } from '../types';
import { genreTopicId, NO_GENRE, type RawMovie, type RawTag } from './movielens-raw';
import type { RatingColumns } from './movielens-ratings';

/** Seconds: every movie item is "watched" as a trailer-length clip (a full movie would dwarf a feed session). */
export const MOVIE_DURATION_SEC = 150;
/** Pseudo-count pulling an item's mean rating toward the prior (few ratings say little). */
export const QUALITY_PRIOR_COUNT = 5;
/** How many of the most frequent user tags an item keeps. */
export const MAX_USER_TAGS = 5;
/** Labels that are formats rather than genres: kept as tags, never a topic. */
const NOT_A_TOPIC = new Set(['IMAX']);

export interface BuildItemsInput {
  movies: RawMovie[];
  /** Ratings that feed the statistics (history part only): these rows of the columns, summed in this order. */
  ratings: { columns: RatingColumns; rows: Int32Array };
  tags: RawTag[];
  ratingMin: number;
  ratingMax: number;
  /** The catalog's "now" (epoch ms), the fallback publish time of undated movies. */
  now: number;
  durationSec?: number;
}

export interface BuiltItems {
  items: Item[];
  topics: TopicInfo[];
  /** Item id -> topic ids of its genres (no IMAX), for the users' interests. */
  genreTopics: Map<string, string[]>;
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Movie id -> item id. */
export const movieItemId = (movieId: number): string => `ml-${movieId}`;

function describe(year: number | null, genres: string[], userTags: string[]): string {
  let s = year === null ? 'Film' : `${year} film`;
  if (genres.length) s += `; genres: ${genres.join(', ')}`;
  if (userTags.length) s += `; tagged: ${userTags.map((t) => t.replace(/-/g, ' ')).join(', ')}`;
  return s + '.';
}

/** Build items (in file order) and topics (most frequent first) from parsed movies. */
export function buildMovieItems(input: BuildItemsInput): BuiltItems {
  const { movies, ratingMin, ratingMax } = input;
  // Per-movie statistics in columns (indexed like `movies`): ml-25m has 25 million ratings.
  const nM = movies.length;
  const count = new Float64Array(nM);
  const sum = new Float64Array(nM);
  const likes = new Float64Array(nM);
  const shares = new Float64Array(nM);
  const firstAt = new Float64Array(nM);
  /** Movies in the order of their first rating (the prior sums their means in this order). */
  const rated: number[] = [];
  const { columns, rows } = input.ratings;
  for (let q = 0; q < rows.length; q++) {
    const j = rows[q];
    const m = columns.movie[j];
    const r = columns.rating[j];
    const at = columns.at[j];
    if (count[m] === 0) {
      rated.push(m);
      firstAt[m] = at;
    }
    count[m]++;
    sum[m] += r;
    if (r >= 4) likes[m]++;
    if (r >= ratingMax - 0.5) shares[m]++;
    if (at < firstAt[m]) firstAt[m] = at;
  }
  // The prior is the mean of the movies' mean ratings, not the mean of all ratings: the
  // latter is dominated by popular (and better-rated) movies, and the items that lean on
  // the prior most are the obscure ones with few or no ratings.
  let itemMeanSum = 0;
  for (const m of rated) itemMeanSum += sum[m] / count[m];
  const prior = rated.length ? itemMeanSum / rated.length : (ratingMin + ratingMax) / 2;

  const tagCounts = new Map<number, Map<string, number>>();
  for (const t of input.tags) {
    let m = tagCounts.get(t.movieId);
    if (!m) tagCounts.set(t.movieId, (m = new Map()));
    m.set(t.tag, (m.get(t.tag) ?? 0) + 1);
  }

  // Genre frequency: the files list genres alphabetically, so the primary genre is the
  // movie's most distinctive one (least frequent in the catalog), not the first listed.
  const genreFreq = new Map<string, number>();
  for (const m of movies) for (const g of m.genres) genreFreq.set(g, (genreFreq.get(g) ?? 0) + 1);

  // A user tag that spells a genre id ("comedy" on a drama) is not kept as a tag: readers
  // take an item's tags that are topic ids as its genres, and a tag is written at some
  // time, so the movie's genres would depend on who tagged it when (the response model
  // reads genres as fixed metadata, as of any cut-off).
  const genreIds = new Set<string>([NO_GENRE]);
  for (const m of movies) for (const g of m.genres) if (!NOT_A_TOPIC.has(g)) genreIds.add(genreTopicId(g));

  const cooc = new Map<string, Map<string, number>>();
  const topicCount = new Map<string, number>();
  const topicLabel = new Map<string, string>();
  const genreTopics = new Map<string, string[]>();
  const items: Item[] = [];
  const duration = input.durationSec ?? MOVIE_DURATION_SEC;

  for (let mi = 0; mi < nM; mi++) {
    const m = movies[mi];
    const id = movieItemId(m.movieId);
    const topical = m.genres.filter((g) => !NOT_A_TOPIC.has(g));
    const ranked = topical
      .map((g, i) => ({ g, i }))
      .sort((a, b) => (genreFreq.get(a.g) ?? 0) - (genreFreq.get(b.g) ?? 0) || a.i - b.i)
      .map((x) => x.g);
    const topic = ranked.length ? genreTopicId(ranked[0]) : NO_GENRE;
    const subtopic = ranked.length > 1 ? genreTopicId(ranked[1]) : '';
    const topicIds = topical.length ? topical.map(genreTopicId) : [NO_GENRE];
    genreTopics.set(id, topicIds);
    if (!topical.length) topicLabel.set(NO_GENRE, 'Unclassified');
    topical.forEach((g) => topicLabel.set(genreTopicId(g), g));
    for (const a of topicIds) {
      topicCount.set(a, (topicCount.get(a) ?? 0) + 1);
      let row = cooc.get(a);
      if (!row) cooc.set(a, (row = new Map()));
      for (const b of topicIds) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }

    const userTags = [...(tagCounts.get(m.movieId) ?? new Map<string, number>()).entries()]
      .filter(([t]) => !genreIds.has(t))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_USER_TAGS)
      .map(([t]) => t);
    const tags = [...new Set([...m.genres.map(genreTopicId), ...userTags])];
    if (!m.genres.length) tags.unshift(NO_GENRE);

    const shrunk = (sum[mi] + QUALITY_PRIOR_COUNT * prior) / (count[mi] + QUALITY_PRIOR_COUNT);
    let comments = 0;
    for (const c of tagCounts.get(m.movieId)?.values() ?? []) comments += c;
    items.push({
      id,
      title: m.title,
      description: describe(m.year, m.genres, userTags.slice(0, 3)),
      topic,
      subtopic,
      tags,
      creator: '',
      format: 'movie',
      durationSec: duration,
      publishedAt: m.releasedAt ?? (m.year !== null ? Date.UTC(m.year, 0, 1) : count[mi] ? firstAt[mi] : input.now),
      locale: '',
      likes: likes[mi],
      shares: shares[mi],
      comments,
      quality: round3(Math.max(0, Math.min(1, (shrunk - ratingMin) / (ratingMax - ratingMin)))),
    });
  }

  // Related topics: the three with the highest co-occurrence cosine cooc(a,b)/sqrt(n_a n_b).
  const topics: TopicInfo[] = [...topicCount.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, n]) => {
      const row = cooc.get(id) ?? new Map<string, number>();
      const related = [...row.entries()]
        .map(([b, c]) => [b, c / Math.sqrt(n * (topicCount.get(b) ?? 1))] as const)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, 3)
        .map(([b]) => b);
      return { id, label: topicLabel.get(id) ?? id, related };
    });
  return { items, topics, genreTopics };
}
