/**
 * How much a user would want to watch a given movie (format 'movie', e.g. MovieLens),
 * from what the profile shows: the genres they favour *relative to how common each genre
 * is in the catalog*, the era of the movies they rated, and the movie's own appeal
 * (how many people liked it, scaled by the user's conformity).
 *
 * Why a separate model for movies: in a movie catalog every user "likes" the broad genres
 * (drama, comedy) that most movies carry, so interest in an item's primary genre says
 * little; what separates the movies a real user goes on to watch and like from the rest
 * of a large catalog is mostly familiarity (most catalog movies have a handful of
 * ratings), then distinctive genre taste and era. See docs/simulator.md ("Movies").
 *
 * Built once per session on the first movie (O(interests); the era centre, O(history), is
 * cached per history array); `appeal` is O(tags).
 * Reads only the visible profile (interests, traits, history) and the catalog.
 */
import type { Interaction, Item, UserProfile } from '../types';
import type { CatalogFeatures } from './item-features';

const YEAR_DAYS = 365.25;

/** Weights of the movie appeal (logit scale); fitted on ml-latest-small, see docs/simulator.md. */
export const MOVIE_WEIGHTS = Object.freeze({
  /** Per unit of catalog popularity, at conformity 0.5. */
  popularity: 6,
  /** How much conformity moves the popularity weight: x(1 - k/2 + k x conformity). */
  conformityGain: 0.8,
  /** Per unit of log(0.1 + genre lift). */
  genre: 1.35,
  /** Per decade between the movie and the user's typical era (capped at 3 decades). */
  eraPerDecade: 0.65,
  /** Subtracted per unit of conformity: users who watch what everyone watches want it more popular still. */
  conformityShift: 3,
  /** Intercept of the logit: sets how selective users are (they engage from an appeal of about 0.39). */
  offset: -0.9,
});

/** Genre statistics of a catalog: share of each topic among the items' topic-like tags. */
interface GenreShares {
  share: Map<string, number>;
  topics: Set<string>;
}

const genreCache = new WeakMap<CatalogFeatures, GenreShares>();

function genreShares(f: CatalogFeatures): GenreShares {
  let g = genreCache.get(f);
  if (g) return g;
  const topics = new Set(f.catalog.topics.map((t) => t.id));
  const counts = new Map<string, number>();
  let total = 0;
  for (const it of f.catalog.items) {
    for (const t of itemGenres(it, topics)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      total++;
    }
  }
  const share = new Map<string, number>();
  for (const [t, c] of counts) share.set(t, c / total);
  g = { share, topics };
  genreCache.set(f, g);
  return g;
}

/** The item's topic-like tags (its genres for MovieLens), its topic first. */
function itemGenres(item: Item, topics: Set<string>): string[] {
  const out = [item.topic];
  for (const t of item.tags) if (t !== item.topic && topics.has(t)) out.push(t);
  return out;
}

/** Era centres per history array (sessions of one user share it); the length guards in-place appends. */
const eraCache = new WeakMap<readonly Interaction[], { f: CatalogFeatures; length: number; center: number }>();

/** Median age in days (before the catalog's now) of the catalog movies in a history; NaN when none is known. */
function eraCenter(history: readonly Interaction[], f: CatalogFeatures): number {
  const hit = eraCache.get(history);
  if (hit && hit.f === f && hit.length === history.length) return hit.center;
  const times: number[] = [];
  for (const x of history) {
    const i = f.itemIndex.get(x.itemId);
    if (i !== undefined) times.push(f.ageDays[i]);
  }
  times.sort((a, b) => a - b);
  const center = times.length ? times[times.length >> 1] : NaN;
  eraCache.set(history, { f, length: history.length, center });
  return center;
}

/** One user's movie taste over one catalog. */
export class MovieTaste {
  /** Genre lift: the user's share of interest in a genre over the catalog's share of it. */
  private readonly lift = new Map<string, number>();
  private readonly topics: Set<string>;
  /** Median age (days before the catalog's now) of the movies in the history; NaN when unknown. */
  readonly eraCenter: number;
  private readonly popWeight: number;
  private readonly bias: number;
  /** Outputs of the last `appeal` call, for reason codes. */
  genreLift = 0;
  eraGapYears = 0;

  constructor(user: UserProfile, private readonly f: CatalogFeatures) {
    const g = genreShares(f);
    this.topics = g.topics;
    let sum = 0;
    for (const id of Object.keys(user.interests)) sum += user.interests[id];
    for (const id of Object.keys(user.interests)) {
      const cat = g.share.get(id);
      if (sum > 0 && cat) this.lift.set(id, user.interests[id] / sum / cat);
    }
    this.eraCenter = eraCenter(user.history, f);
    const k = MOVIE_WEIGHTS.conformityGain;
    this.popWeight = MOVIE_WEIGHTS.popularity * (1 - k / 2 + k * user.traits.conformity);
    this.bias = MOVIE_WEIGHTS.offset - MOVIE_WEIGHTS.conformityShift * user.traits.conformity;
  }

  /**
   * Appeal of item `item` (feature index `i`) in [0, 1]; 0.5 is an even chance of a real
   * user wanting it. Sets `genreLift` (mean over the item's genres; 1 = as common in the
   * user's taste as in the catalog) and `eraGapYears`.
   */
  appeal(item: Item, i: number): number {
    const W = MOVIE_WEIGHTS;
    let liftSum = 0;
    let n = 0;
    liftSum += this.lift.get(item.topic) ?? 0;
    n++;
    for (const t of item.tags) {
      if (t === item.topic || !this.topics.has(t)) continue;
      liftSum += this.lift.get(t) ?? 0;
      n++;
    }
    const lift = liftSum / n;
    this.genreLift = lift;
    const gap = Number.isFinite(this.eraCenter) ? Math.abs(this.f.ageDays[i] - this.eraCenter) / YEAR_DAYS : 0;
    this.eraGapYears = gap;
    const z = this.bias + this.popWeight * this.f.popularity[i] + W.genre * Math.log(0.1 + lift) - W.eraPerDecade * Math.min(3, gap / 10);
    return 1 / (1 + Math.exp(-z));
  }
}
