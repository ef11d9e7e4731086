/**
 * MovieLens importer, the common layouts:
 * - ml-latest / ml-latest-small (and ml-20m, ml-25m, ml-32m): movies.csv, ratings.csv,
 *   optional tags.csv and links.csv
 * - ml-1m / ml-10m: movies.dat, ratings.dat ("::"-separated), optional users.dat (ml-1m,
 *   ISO-8859-1) or tags.dat (ml-10m)
 * - ml-100k: u.item, u.data, optional u.user (ISO-8859-1)
 *
 * Input is a map of file base name -> contents (text or bytes), so the same code runs in
 * the page (File objects), a worker and Node (src/cli/read-dataset.ts). Import is
 * all-or-nothing: everything is built in local structures and returned at the end; the
 * first problem throws an `ImportError` naming the file, the line and what is wrong.
 * See docs/movielens.md for what maps to what.
 */
import type { Catalog, Interaction, UserProfile } from '../types';
import { buildCatalogIndex } from './catalog-index';
import { ImportError } from './import-error';
import { parseMl100k } from './movielens-100k';
import { parseMlDat } from './movielens-dat';
import { buildMovieItems, movieItemId } from './movielens-catalog';
import { parseMlLatest } from './movielens-latest';
import type { RawDataset, RawTag } from './movielens-raw';
import { activityPercentiles, splitRatings } from './movielens-split';
import { profileFromHistory, type HistoryCatalogView } from '../users/from-history';
import { ratingToAction } from '../users/split';

/** Which MovieLens layout a folder holds. */
export type MovieLensLayout = 'ml-latest' | 'ml-100k' | 'ml-1m' | 'ml-10m';

/** Every file name the importer reads (the Node and browser adapters load these). */
export const MOVIELENS_FILES = ['movies.csv', 'ratings.csv', 'tags.csv', 'links.csv', 'movies.dat', 'ratings.dat', 'users.dat', 'tags.dat', 'u.item', 'u.data', 'u.user'] as const;

/** Files each family of layouts needs (ml-1m and ml-10m share theirs: told apart on parsing). */
type Family = 'ml-latest' | 'ml-dat' | 'ml-100k';
const REQUIRED: Record<Family, string[]> = {
  'ml-latest': ['movies.csv', 'ratings.csv'],
  'ml-dat': ['movies.dat', 'ratings.dat'],
  'ml-100k': ['u.item', 'u.data'],
};
const NEEDS = 'a MovieLens folder needs movies.csv and ratings.csv (ml-latest), movies.dat and ratings.dat (ml-1m, ml-10m) or u.item and u.data (ml-100k)';

export interface MovieLensOptions {
  /** Share of each user's interactions (oldest first) that forms the history; default 0.8. */
  historyFraction?: number;
  /** Catalog id; default the layout name ("ml-latest", "ml-1m", "ml-10m" or "ml-100k"). */
  catalogId?: string;
  /** Catalog display name. */
  name?: string;
  /** Duration given to every movie item, seconds; default 150 (a trailer). */
  durationSec?: number;
}

/** What an import read and what it did with it (shown after an import, printed by the CLI). */
export interface MovieLensImportSummary {
  movies: number;
  /** Ratings kept (after duplicates were dropped). */
  ratings: number;
  /** Earlier ratings of a movie by a user who rated it again: dropped, the latest stands. */
  duplicateRatingsDropped: number;
  tags: number;
  /** Tags with no letter or digit (only punctuation or emoji): nothing to keep, skipped. */
  tagsSkipped: number;
  users: number;
}

export interface MovieLensImport {
  catalog: Catalog;
  /** One profile per user with ratings, in ascending user id; history and heldOut oldest first. */
  users: UserProfile[];
  layout: MovieLensLayout;
  summary: MovieLensImportSummary;
}

/**
 * Largest file the importer takes, in bytes (or characters for text). A JavaScript string
 * holds at most about 2^29 characters; bigger MovieLens releases (ml-latest's 33 million
 * ratings) would not fit in a tab's memory as profiles anyway.
 */
export const MAX_FILE_BYTES = 500_000_000;

/**
 * Largest ratings file (ratings.csv, ratings.dat, u.data), in bytes. Given as bytes, a
 * ratings file is read by a byte scanner and never held as one string
 * (movielens-ratings.ts), so ml-25m's 678 MB and ml-32m's 877 MB fit; 2,000,000,000 is
 * what Node's readFile and a tab's ArrayBuffer take safely.
 */
export const MAX_RATINGS_FILE_BYTES = 2_000_000_000;

/** The size limit of one file, by base name. */
export function maxFileBytes(name: string): number {
  return name === 'ratings.csv' || name === 'ratings.dat' || name === 'u.data' ? MAX_RATINGS_FILE_BYTES : MAX_FILE_BYTES;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** One line for people: "9,125 movies, 100,004 ratings from 671 users, 1,296 tags" (plus duplicate ratings dropped, when there were any). */
export function describeImportSummary(s: MovieLensImportSummary): string {
  let out = `${fmt(s.movies)} movies, ${fmt(s.ratings)} ratings from ${fmt(s.users)} users, ${fmt(s.tags)} tags`;
  if (s.duplicateRatingsDropped) {
    out += ` (${fmt(s.duplicateRatingsDropped)} duplicate rating${s.duplicateRatingsDropped === 1 ? '' : 's'} dropped: when a user rated a movie more than once, the latest rating stands)`;
  }
  if (s.tagsSkipped) {
    out += ` (${fmt(s.tagsSkipped)} tag${s.tagsSkipped === 1 ? '' : 's'} skipped: no letter or digit to keep)`;
  }
  return out;
}

/** Throws an ImportError naming the first file over its limit (`maxFileBytes`). */
export function checkFileSizes(files: Record<string, string | Uint8Array | undefined>): void {
  for (const [name, content] of Object.entries(files)) {
    const size = content === undefined ? 0 : typeof content === 'string' ? content.length : content.byteLength;
    const max = maxFileBytes(name);
    if (size > max) {
      throw new ImportError(name, null, `file is ${fmt(size)} bytes; the importer reads ${max === MAX_FILE_BYTES ? 'files' : 'a ratings file'} up to ${fmt(max)} bytes (ml-32m fits)`);
    }
  }
}

/** User id -> profile id. */
export const movieLensUserId = (userId: number): string => `ml-user-${userId}`;

/**
 * Which layout the files form: ml-latest wins when complete, then ml-1m / ml-10m (the .dat
 * files; which of the two is told on parsing), then ml-100k. Throws an ImportError naming
 * the first missing file when none is complete.
 */
export function detectLayout(files: Record<string, unknown>): MovieLensLayout {
  return layoutOf(familyOf(files), files);
}

function familyOf(files: Record<string, unknown>): Family {
  const has = (f: string): boolean => files[f] !== undefined;
  const families: Family[] = ['ml-latest', 'ml-dat', 'ml-100k'];
  const complete = families.find((f) => REQUIRED[f].every(has));
  if (complete) return complete;
  // Report the missing file of the layout the folder looks most like (the first with a file present).
  const layout = families.find((f) => REQUIRED[f].some(has)) ?? 'ml-latest';
  const missing = REQUIRED[layout].find((f) => !has(f)) as string;
  const found = Object.keys(files).sort().join(', ') || 'none';
  throw new ImportError(missing, null, `file is missing: ${NEEDS}; found: ${found}`);
}

/** The layout a complete family most likely is, before parsing (ml-10m has tags.dat, ml-1m users.dat). */
function layoutOf(family: Family, files: Record<string, unknown>): MovieLensLayout {
  if (family !== 'ml-dat') return family;
  return files['tags.dat'] !== undefined && files['users.dat'] === undefined ? 'ml-10m' : 'ml-1m';
}

const LAYOUT_NAMES: Record<MovieLensLayout, string> = {
  'ml-latest': 'MovieLens (latest)',
  'ml-1m': 'MovieLens 1M',
  'ml-10m': 'MovieLens 10M',
  'ml-100k': 'MovieLens 100K',
};

/** Import a MovieLens dataset. Throws `ImportError`; returns nothing partial. */
export function importMovieLens(
  files: Record<string, string | Uint8Array>,
  opts: MovieLensOptions = {},
): MovieLensImport {
  const family = familyOf(files);
  checkFileSizes(files);
  const raw: RawDataset = family === 'ml-latest' ? parseMlLatest(files) : family === 'ml-dat' ? parseMlDat(files) : parseMl100k(files);
  return buildImport(raw, opts);
}

/**
 * What the catalog may be built from: the tags applied up to their tagger's cut-off (the
 * time of the tagger's last history rating; a tag written later belongs to the held-out
 * part, as the user profiles already treat it). Tags by people without ratings are
 * nobody's held-out part and stay visible. Held-out ratings never reach the catalog
 * (docs/movielens.md, "No leak from the held-out part").
 */
function visibleTags(tags: RawTag[], cutoffOf: Map<number, number>): RawTag[] {
  return tags.filter((t) => {
    const cut = cutoffOf.get(t.userId);
    return cut === undefined || t.at <= cut;
  });
}

function buildImport(raw: RawDataset, opts: MovieLensOptions): MovieLensImport {
  const R = raw.ratings;
  const split = splitRatings(R, opts.historyFraction ?? 0.8, raw.movies.length);
  const { userIds, start, rows, cut } = split;
  const nU = userIds.length;

  // History rows (users ascending, each in time order), each user's cut-off, and "now":
  // the latest visible rating or tag.
  const sizes = cut;
  let nHistory = 0;
  for (let u = 0; u < nU; u++) nHistory += cut[u];
  const historyRows = new Int32Array(nHistory);
  const cutoffOf = new Map<number, number>();
  let now = 0;
  for (let u = 0, k = 0; u < nU; u++) {
    for (let q = start[u]; q < start[u] + cut[u]; q++) {
      const j = rows[q];
      historyRows[k++] = j;
      if (R.at[j] > now) now = R.at[j];
    }
    cutoffOf.set(userIds[u], cut[u] ? R.at[rows[start[u] + cut[u] - 1]] : -Infinity);
  }
  const tags = visibleTags(raw.tags, cutoffOf);
  for (const t of tags) if (t.at > now) now = t.at;

  const built = buildMovieItems({
    movies: raw.movies,
    ratings: { columns: R, rows: historyRows },
    tags,
    ratingMin: raw.ratingMin,
    ratingMax: raw.ratingMax,
    now,
    durationSec: opts.durationSec,
  });
  const catalog: Catalog = {
    id: opts.catalogId ?? raw.layout,
    name: opts.name ?? LAYOUT_NAMES[raw.layout],
    items: built.items,
    topics: built.topics,
    creators: [],
    now: now || built.items.reduce((m, it) => Math.max(m, it.publishedAt), 0),
  };

  const index = buildCatalogIndex(catalog);
  const view: HistoryCatalogView = {
    byId: index.byId,
    topicIds: new Set(catalog.topics.map((t) => t.id)),
    topicLabels: new Map(catalog.topics.map((t) => [t.id, t.label])),
    popularity: index.popularity,
  };
  const pct = activityPercentiles(sizes);

  const tagsByUser = new Map<number, { itemId: string; at: number; tag: string }[]>();
  for (const t of raw.tags) {
    const list = tagsByUser.get(t.userId) ?? [];
    list.push({ itemId: movieItemId(t.movieId), at: t.at, tag: t.tag });
    tagsByUser.set(t.userId, list);
  }

  // One interaction per rating (the profiles' shape); the item id string is shared per movie.
  const toInteraction = (j: number): Interaction => {
    const item = built.items[R.movie[j]];
    const rating = R.rating[j];
    const action = ratingToAction(rating);
    const x: Interaction = { itemId: item.id, action, at: R.at[j], rating };
    if (action !== 'skip') x.watchSec = item.durationSec;
    return x;
  };

  const users: UserProfile[] = new Array<UserProfile>(nU);
  for (let u = 0; u < nU; u++) {
    const id = userIds[u];
    const history: Interaction[] = new Array<Interaction>(cut[u]);
    const heldOut: Interaction[] = new Array<Interaction>(start[u + 1] - start[u] - cut[u]);
    for (let q = start[u]; q < start[u + 1]; q++) {
      const k = q - start[u];
      if (k < cut[u]) history[k] = toInteraction(rows[q]);
      else heldOut[k - cut[u]] = toInteraction(rows[q]);
    }
    const cutAt = history.length ? history[history.length - 1].at : -Infinity;
    const tagged = (tagsByUser.get(id) ?? []).filter((t) => t.at <= cutAt);
    const demo = raw.users.get(id);
    users[u] = profileFromHistory(
      {
        id: movieLensUserId(id),
        name: `MovieLens user ${id}`,
        history,
        heldOut,
        taggedItems: tagged,
        age: demo?.age ?? null,
        gender: demo?.gender ?? '',
        occupation: demo?.occupation ?? '',
        location: demo?.zip ? `ZIP ${demo.zip}` : '',
        activityPercentile: pct[u],
      },
      view,
    );
  }

  const summary: MovieLensImportSummary = {
    movies: raw.movies.length,
    ratings: rows.length,
    duplicateRatingsDropped: split.duplicates,
    tags: raw.tags.length,
    tagsSkipped: raw.tagsSkipped,
    users: users.length,
  };
  return { catalog, users, layout: raw.layout, summary };
}
