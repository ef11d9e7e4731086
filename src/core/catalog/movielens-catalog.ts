/**
 * MovieLens movies -> catalog items and topics. Item statistics (engagement counts and
 * quality) come from the ratings passed in, which the importer restricts to the users'
 * history part, so held-out ratings never leak into what a simulator or recommender sees.
 */
import type { Item, TopicInfo } from '../types';
import { genreTopicId, NO_GENRE, type RawMovie, type RawRating, type RawTag } from './movielens-raw';

/** Seconds: every movie item is "watched" as a trailer-length clip (a full movie would dwarf a feed session). */
export const MOVIE_DURATION_SEC = 150;
/** Pseudo-count pulling an item's mean rating toward the prior (few ratings say little). */
export const QUALITY_PRIOR_COUNT = 5;
/** How many of the most frequent user tags an item keeps. */
export const MAX_USER_TAGS = 5;
/** Labels that are formats rather than genres: kept as tags, never a topic. */
const NOT_A_TOPIC = new Set(['IMAX']);

/** Per-movie rating statistics. */
interface Stats {
  count: number;
  sum: number;
  likes: number;
  shares: number;
  firstAt: number;
}

export interface BuildItemsInput {
  movies: RawMovie[];
  /** Ratings that feed the statistics (history part only). */
  ratings: RawRating[];
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
  const stats = new Map<number, Stats>();
  for (const r of input.ratings) {
    let s = stats.get(r.movieId);
    if (!s) stats.set(r.movieId, (s = { count: 0, sum: 0, likes: 0, shares: 0, firstAt: r.at }));
    s.count++;
    s.sum += r.rating;
    if (r.rating >= 4) s.likes++;
    if (r.rating >= ratingMax - 0.5) s.shares++;
    if (r.at < s.firstAt) s.firstAt = r.at;
  }
  // The prior is the mean of the movies' mean ratings, not the mean of all ratings: the
  // latter is dominated by popular (and better-rated) movies, and the items that lean on
  // the prior most are the obscure ones with few or no ratings.
  let itemMeanSum = 0;
  for (const s of stats.values()) itemMeanSum += s.sum / s.count;
  const prior = stats.size ? itemMeanSum / stats.size : (ratingMin + ratingMax) / 2;

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

  const cooc = new Map<string, Map<string, number>>();
  const topicCount = new Map<string, number>();
  const topicLabel = new Map<string, string>();
  const genreTopics = new Map<string, string[]>();
  const items: Item[] = [];
  const duration = input.durationSec ?? MOVIE_DURATION_SEC;

  for (const m of movies) {
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
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_USER_TAGS)
      .map(([t]) => t);
    const tags = [...new Set([...m.genres.map(genreTopicId), ...userTags])];
    if (!m.genres.length) tags.unshift(NO_GENRE);

    const s = stats.get(m.movieId);
    const shrunk = ((s?.sum ?? 0) + QUALITY_PRIOR_COUNT * prior) / ((s?.count ?? 0) + QUALITY_PRIOR_COUNT);
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
      publishedAt: m.releasedAt ?? (m.year !== null ? Date.UTC(m.year, 0, 1) : (s?.firstAt ?? input.now)),
      locale: '',
      likes: s?.likes ?? 0,
      shares: s?.shares ?? 0,
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
