/**
 * The learned user-response model for movie catalogs with real histories (issue 8), in the
 * spirit of KuaiSim's user-response model fitted on logs. For one user, at that user's
 * cut-off, from data strictly before it (rating-log.ts), it predicts:
 * - a **rating** r = mu(t) + b_i(t) + w_u . [1, q_i, g_i]: the global and item means as of
 *   the cut-off (the item bias shrunk towards 0), and a per-user ridge fit (the user's
 *   leniency, taste in latent space and taste per genre) on the user's own history, where
 *   q_i are explicit-ALS item factors from the latest checkpoint <= the cut-off and g_i the
 *   movie's genres;
 * - an **engagement** logit: would this user pick this movie and like it? A logistic model
 *   over as-of features (how many people rated it, lately, how similar raters rated it,
 *   the predicted rating, genre lift, era), fitted on a tuning split of users
 *   (response-fit.ts); `engage` is the logit above a threshold fitted the same way;
 * - **likes**: whether the rating would be a like (>= 4), by a threshold on the predicted
 *   rating fitted on the tuning split.
 * The parts of each prediction are kept so a card can say what drove the decision.
 * Everything is deterministic given the log, the checkpoints and the weights.
 */
import { linearScore, type LinearModel } from './linear-model';
import type { Catalog, Item } from '../types';
import { solveSpd, type ItemFactors } from './movie-als';
import { treeScore } from './response-trees';
import { globalMeanAsOf, itemAsOf, scaleAsOf, itemCountBetween, itemFirstAt, lowerBound, userCountAsOf, type RatingLog } from './rating-log';
import { userPosition } from './rating-sequence';
import { titleTokens } from './title-tokens';

const YEAR_MS = 365.25 * 86_400_000;
const MONTH_MS = YEAR_MS / 12;
/** How many of the user's latest history movies form "what I watched lately". */
const RECENT = 20;
/** A rating at or above this is a like (MovieLens convention, both scales). */
const LIKE = 4;
/** Nearest raters kept for the user-kNN feature. */
const NEIGHBOURS = 50;
/** History movies whose co-occurrence cosines with a candidate are averaged ("mean of top-k"). */
const TOP_COSINE = 10;
/** My latest history movies whose session neighbours, era and arrival time are "what I just watched". */
const SESSION_RECENT = 10;
/** How many places before and after one of my movies, in another rater's sequence, count as "watched together". */
const SESSION_WINDOW = 10;
const DAY_MS = 86_400_000;
/**
 * Raters per history movie that a user's neighbourhood is built from: the latest ones
 * before the cut-off. Bounds the per-user cost on full releases (a blockbuster has 80,000
 * raters in ml-25m). On ml-latest-small, 200 and 500 gave the same AUC to within 0.001.
 */
const MAX_RATERS = 200;
/** Users whose response stays cached (least recently used leave first). */
const USER_CACHE = 1000;
/**
 * ... and at most this many entries in their neighbourhood maps together (about 75 bytes of
 * heap each, so about 600 MB). A user's maps grow with the raters of their movies: on
 * ml-latest-small all 671 users take 3.6M entries and all stay; on a full release one
 * user takes up to a few hundred thousand, and 1,000 of them would not fit in the heap.
 */
export const CACHE_ENTRIES = 8_000_000;
/** The same for "watched together" (each rater costs a window of 2 x SESSION_WINDOW places; the latest 50 did as well as all on ml-latest-small). */
const SESSION_RATERS = 50;
/**
 * RP3beta (a random walk me -> my movie -> its rater -> their movie, each step uniform over
 * the as-of ratings, the end divided by the movie's as-of count to this power): the
 * feature is where a movie's walk score ranks among all movies that existed by my cut-off
 * and I had not rated (a per-user percentile). The walk starts from the latest MAX_RATERS
 * raters of each history movie; at most RP3_RATERS of them (the heaviest walkers) take
 * the last step, over their latest RP3_RATER_ITEMS ratings before the cut-off (neither
 * bound binds on ml-latest-small).
 */
const RP3_BETA = 0.5;
const RP3_RATERS = 1000;
const RP3_RATER_ITEMS = 5000;

/** Names of the engagement features, in order (the weights follow this order). */
export const ENGAGE_FEATURES = ['ratings', 'recentRatings', 'similarRaters', 'predictedVsMean', 'itemBias', 'genreLift', 'eraGap', 'yearsInCatalog', 'ratingsXActivity', 'lastMonthRatings', 'neighbourRaters', 'itemCosine', 'recentItemCosine', 'movieAge', 'ratingShare', 'lastYearShare', 'neighboursLiked', 'wideNeighbours', 'itemCosineSum', 'topItemCosine', 'maxItemCosine', 'popularityGap', 'recentNeighbours', 'recentWide', 'topRecentCosine', 'sessionNeighbours', 'recentSessionNeighbours', 'recentEraGap', 'arrivalGap', 'closestRater', 'titleOverlap', 'walkRank'] as const;

/** Fitted weights of the model (response-fit.ts); plain numbers so they serialise. */
export interface ResponseWeights {
  /** Standardisation of each engagement feature (mean, sd) and logistic weights (intercept first). */
  engageMean: number[];
  engageSd: number[];
  engageW: number[];
  /** Boosted trees over [features..., logistic logit], added to the logit (response-trees.ts); absent = none. */
  trees?: number[][];
  /** Engage when the logit is at least this (fitted for balanced accuracy on the tuning split). */
  engageThreshold: number;
  /** Like when the predicted rating is at least this. */
  likeThreshold: number;
  /**
   * A linear correction of the fold-in rating (ridge on its residual over `ratingInputs`,
   * standardised, intercept first), fitted on the tuning split; absent = none.
   */
  ratingCorrection?: LinearModel;
}

/**
 * What the rating correction reads: the engagement features, then the fold-in rating,
 * the user's mean, and the latent, genre and leniency parts of the rating.
 */
export function ratingInputs(x: readonly number[], rating: number, userMean: number, parts: ResponseParts): number[] {
  return [...x, rating, userMean, parts.latent, parts.genre, parts.userBias];
}

/** Ridge strengths of the per-user fold-in and the item-mean shrinkage. */
export interface FoldInOptions {
  biasLambda: number;
  factorLambda: number;
  genreLambda: number;
  /** Pseudo-ratings at the global mean added to each item's mean. */
  itemShrink: number;
}

export const DEFAULT_FOLD_IN: FoldInOptions = Object.freeze({ biasLambda: 3, factorLambda: 8, genreLambda: 12, itemShrink: 10 });

/** What drove one prediction (for reason codes and the card). */
export interface ResponseParts {
  /** User leniency: their bias against the global mean. */
  userBias: number;
  /** The item's bias as of the cut-off (crowd verdict). */
  itemBias: number;
  /** Latent taste: people with my taste rated it above/below what its mean says. */
  latent: number;
  /** The user's own genre effect, and the genre with the largest |effect|. */
  genre: number;
  genreTopic: string | null;
  /** Ratings of the movie before the cut-off, and in the year before it. */
  ratings: number;
  recentRatings: number;
  /** Co-rating overlap of this movie's raters with the user (sum of cosines). */
  similarRaters: number;
  /** The movie's share of all ratings before the cut-off. */
  share: number;
  /** How often other raters rated it within a few places of my latest movies (distance-weighted). */
  sessionNeighbours: number;
  /** Title words shared with one of my history movies (a series), and that movie's index in the log. */
  titleOverlap: number;
  titleMatch: number;
}

/** One prediction. */
export interface ResponsePrediction {
  rating: number;
  likes: boolean;
  engageLogit: number;
  engage: boolean;
  parts: ResponseParts;
}

/** Static per-item content: genres (topic ids) and release year. */
export interface ItemContent {
  genres: string[][];
  year: Float64Array;
  /** Genre id -> column. */
  genreIndex: Map<string, number>;
  /** Genre share in the catalog (for the lift). */
  genreShare: Float64Array;
  /** Distinctive title words of each item (title-tokens.ts: a series shares them). */
  titles: string[][];
}

/** Genres and years of the log's items, from the catalog's metadata (never from ratings). */
export function itemContent(log: RatingLog, catalog: Catalog): ItemContent {
  const topics = new Set(catalog.topics.map((t) => t.id));
  const byId = new Map(catalog.items.map((it) => [it.id, it] as const));
  const genreIndex = new Map<string, number>();
  const genres: string[][] = [];
  const year = new Float64Array(log.itemIds.length);
  const titles: string[][] = [];
  const counts: number[] = [];
  let total = 0;
  const genresOf = (it: Item): string[] => {
    const out = [it.topic];
    for (const t of it.tags) if (t !== it.topic && topics.has(t)) out.push(t);
    return out;
  };
  for (const it of catalog.items) {
    for (const g of genresOf(it)) {
      let c = genreIndex.get(g);
      if (c === undefined) genreIndex.set(g, (c = counts.length)), counts.push(0);
      counts[c]++;
      total++;
    }
  }
  for (let i = 0; i < log.itemIds.length; i++) {
    const it = byId.get(log.itemIds[i]);
    genres.push(it ? genresOf(it) : []);
    titles.push(it ? titleTokens(it.title) : []);
    year[i] = it ? new Date(it.publishedAt).getUTCFullYear() : NaN;
  }
  return { genres, year, genreIndex, genreShare: Float64Array.from(counts, (c) => c / Math.max(1, total)), titles };
}

/** The model over one dataset: the log, item content, checkpoint factors and weights. */
export class MovieResponseModel {
  private readonly users = new Map<string, UserResponse>();
  private positions: Int32Array | null = null;
  private firsts: Float64Array | null = null;

  /** Each item-row rating's place in its rater's sequence (rating-sequence.ts), built on first use. */
  get userPositions(): Int32Array {
    return (this.positions ??= userPosition(this.log));
  }

  /** Time of each item's first rating (when it entered the catalog as far as the log knows). */
  get firstRated(): Float64Array {
    return (this.firsts ??= Float64Array.from(this.log.itemIds, (_, i) => itemFirstAt(this.log, i)));
  }

  constructor(
    readonly log: RatingLog,
    readonly content: ItemContent,
    /** Sorted by checkpoint time, ascending. */
    readonly checkpoints: ItemFactors[],
    public weights: ResponseWeights,
    readonly foldIn: FoldInOptions = DEFAULT_FOLD_IN,
    /** Bound on the cached users' map entries (tests set a small one). */
    readonly cacheEntries: number = CACHE_ENTRIES,
  ) {}

  /** Users cached now and their map entries together (what the cache bound counts). */
  get cacheSize(): { users: number; entries: number } {
    let entries = 0;
    for (const r of this.users.values()) entries += r.entries;
    return { users: this.users.size, entries };
  }

  /**
   * The response of one user of the log at their cut-off; null for an unknown user. The
   * latest USER_CACHE users are kept (a user's neighbourhood takes megabytes on a full
   * release; ml-latest-small's 671 users all stay).
   */
  user(userId: string): UserResponse | null {
    let r = this.users.get(userId);
    if (r) {
      this.users.delete(userId);
      this.users.set(userId, r);
      return r;
    }
    const u = this.log.userIndex.get(userId);
    if (u === undefined) return null;
    r = new UserResponse(this, u);
    // Maps fill lazily (the "watched together" ones on first use), so the total is counted
    // anew on each miss rather than kept as a running sum.
    let entries = r.entries;
    for (const c of this.users.values()) entries += c.entries;
    for (const [id, c] of this.users) {
      if (this.users.size < USER_CACHE && entries <= this.cacheEntries) break;
      this.users.delete(id);
      entries -= c.entries;
    }
    this.users.set(userId, r);
    return r;
  }
}

/** One user at their cut-off. */
export class UserResponse {
  readonly cutoff: number;
  readonly mu: number;
  /** Mean of the user's own history ratings. */
  readonly userMean: number;
  readonly historySize: number;
  private readonly cp: ItemFactors | null;
  /** Fold-in weights: [bias, k factors, G genres]. */
  private readonly w: Float64Array;
  /** Rating-weighted overlap with each other user (as of the cut-off), normalised (cosine). */
  private readonly sim = new Map<number, number>();
  private readonly neighbours = new Map<number, number>();
  private readonly wide = new Map<number, number>();
  private readonly itemW = new Map<number, number>();
  private readonly recentW = new Map<number, number>();
  private readonly lift: Float64Array;
  private readonly eraCenter: number;
  private readonly seen = new Set<number>();
  /**
   * Implicit "would I watch it" structure as of the cut-off: for each other rater, the
   * positions (in my history) of my movies they rated before my cut-off, and for each of
   * my movies, how many people had rated it by then; a candidate's co-occurrence cosine
   * with each of my movies is then one pass over the candidate's raters.
   */
  private readonly raterHist = new Map<number, number[]>();
  private readonly histRaters: Float64Array;
  private readonly co: Float64Array;
  /** Mean log(1 + ratings as of the cut-off) of my history movies: how mainstream I watch. */
  private readonly popCenter: number;
  /** All ratings before the cut-off, and in the year before it (to turn counts into shares). */
  private readonly totalAsOf: number;
  private readonly totalLastYear: number;
  /** Other raters' movies rated within SESSION_WINDOW places of mine (all / latest), distance-weighted. */
  private readonly session = new Map<number, number>();
  private readonly recentSession = new Map<number, number>();
  /** My latest SESSION_RECENT history movies. */
  private readonly latest: number[] = [];
  /** Title word -> my history movies with it. */
  private readonly titleIndex = new Map<string, number[]>();
  /** RP3beta walk score of every item, and the sorted scores of the unrated movies that existed by my cut-off (built on first use). */
  private walk: { score: Float64Array; pool: Float64Array } | null = null;

  /** Entries in this user's maps and sets: what the model's cache bound counts. */
  get entries(): number {
    let n = this.seen.size + this.titleIndex.size;
    for (const map of [this.sim, this.neighbours, this.wide, this.itemW, this.recentW, this.raterHist, this.session, this.recentSession]) n += map.size;
    // Typed arrays take 8 bytes an element, about a ninth of a map entry.
    if (this.walk) n += Math.ceil((this.walk.score.length + this.walk.pool.length) / 9);
    return n;
  }

  constructor(private readonly m: MovieResponseModel, readonly u: number) {
    const log = m.log;
    const t = (this.cutoff = log.cutoff[u]);
    this.mu = globalMeanAsOf(log, t);
    const scale = scaleAsOf(log, t);
    this.ratingMin = scale.min;
    this.ratingMax = scale.max;
    this.totalAsOf = lowerBound(log.allAt, 0, log.allAt.length, t);
    this.totalLastYear = this.totalAsOf - lowerBound(log.allAt, 0, log.allAt.length, t - YEAR_MS);
    const a = log.userStart[u];
    const n = (this.historySize = log.historyLen[u]);
    let cp: ItemFactors | null = null;
    for (const c of m.checkpoints) if (c.at <= t) cp = c;
    this.cp = cp;
    const k = cp ? cp.k : 0;
    const G = m.content.genreShare.length;
    const d = 1 + k + G;
    const A = new Float64Array(d * d);
    const b = new Float64Array(d);
    const x = new Float64Array(d);
    let sum = 0;
    const years: number[] = [];
    const genreMass = new Float64Array(G);
    for (let q = a; q < a + n; q++) {
      const i = log.userItem[q];
      const r = log.userRating[q];
      this.seen.add(i);
      sum += r;
      const y = r - this.mu - this.itemBias(i);
      this.features(i, x, k, G);
      for (let p = 0; p < d; p++) {
        if (x[p] === 0) continue;
        b[p] += x[p] * y;
        for (let s = 0; s <= p; s++) A[p * d + s] += x[p] * x[s];
      }
      const yr = m.content.year[i];
      if (Number.isFinite(yr)) years.push(yr);
      // Genre taste for the lift: liked movies count fully, others a little.
      const gs = m.content.genres[i];
      const pref = Math.max(0.05, (r - 2.5) / 2.5);
      for (const g of gs) genreMass[m.content.genreIndex.get(g) as number] += pref / gs.length;
    }
    this.userMean = n ? sum / n : this.mu;
    const F = m.foldIn;
    for (let p = 0; p < d; p++) {
      for (let s = 0; s < p; s++) A[s * d + p] = A[p * d + s];
      A[p * d + p] += p === 0 ? F.biasLambda : p <= k ? F.factorLambda : F.genreLambda;
    }
    solveSpd(A, b, d);
    this.w = b;
    let mass = 0;
    for (const v of genreMass) mass += v;
    this.lift = Float64Array.from(genreMass, (v, g) => (mass > 0 ? v / mass / Math.max(1e-6, m.content.genreShare[g]) : 1));
    years.sort((p, q) => p - q);
    this.eraCenter = years.length ? years[years.length >> 1] : NaN;
    // Similar raters: for every movie in my history, everyone who rated it before my cut-off.
    // sim: co-rating overlap (cosine); itemW / recentW: each rater's share of item-item cosine
    // mass towards my whole history / my last RECENT movies (sum over my movies j they rated
    // of 1 / sqrt(raters of j)), so a candidate's item-kNN score is one pass over its raters.
    const recentFrom = a + Math.max(0, n - RECENT);
    this.histRaters = new Float64Array(n);
    this.co = new Float64Array(n);
    let popSum = 0;
    for (let q = a; q < a + n; q++) {
      const i = log.userItem[q];
      const end = lowerBound(log.itemAt, log.itemStart[i], log.itemStart[i + 1], t);
      const inv = 1 / Math.sqrt(Math.max(1, end - log.itemStart[i]));
      this.histRaters[q - a] = end - log.itemStart[i];
      popSum += Math.log1p(end - log.itemStart[i]);
      for (let z = Math.max(log.itemStart[i], end - MAX_RATERS); z < end; z++) {
        const v = log.itemUser[z];
        if (v === u) continue;
        let hs = this.raterHist.get(v);
        if (!hs) this.raterHist.set(v, (hs = []));
        hs.push(q - a);
        this.sim.set(v, (this.sim.get(v) ?? 0) + 1);
        this.itemW.set(v, (this.itemW.get(v) ?? 0) + inv);
        if (q >= recentFrom) this.recentW.set(v, (this.recentW.get(v) ?? 0) + inv);
      }
    }
    this.popCenter = n ? popSum / n : 0;
    this.sessionNeighbours(a, n, t);
    for (let q = a; q < a + n; q++) {
      for (const w of m.content.titles[log.userItem[q]]) {
        let l = this.titleIndex.get(w);
        if (!l) this.titleIndex.set(w, (l = []));
        l.push(log.userItem[q]);
      }
    }
    for (const [v, o] of this.sim) this.sim.set(v, o / Math.sqrt(Math.max(1, n) * Math.max(1, userCountAsOf(log, v, t))));
    const ranked = [...this.sim.entries()].sort((p, q) => q[1] - p[1] || p[0] - q[0]);
    for (const [v, w] of ranked.slice(0, NEIGHBOURS)) this.neighbours.set(v, w);
    for (const [v, w] of ranked.slice(0, 4 * NEIGHBOURS)) this.wide.set(v, w);
  }

  /**
   * For each of my history movies and each person who rated it before my cut-off: the
   * movies that person rated (before my cut-off) within SESSION_WINDOW places of it, weighted
   * by 1 / (1 + distance). Everything read is strictly before the cut-off: the places in
   * between two such ratings are earlier still.
   */
  private sessionNeighbours(a: number, n: number, t: number): void {
    const log = this.m.log;
    const pos = this.m.userPositions;
    const from = a + Math.max(0, n - SESSION_RECENT);
    for (let q = a; q < a + n; q++) {
      const j = log.userItem[q];
      const recent = q >= from;
      if (recent) this.latest.push(j);
      const end = lowerBound(log.itemAt, log.itemStart[j], log.itemStart[j + 1], t);
      for (let z = Math.max(log.itemStart[j], end - SESSION_RATERS); z < end; z++) {
        const v = log.itemUser[z];
        const p = pos[z];
        if (v === this.u || p < 0) continue;
        const lo = Math.max(log.userStart[v], p - SESSION_WINDOW);
        const hi = Math.min(log.userStart[v + 1] - 1, p + SESSION_WINDOW);
        for (let y = lo; y <= hi; y++) {
          if (y === p || log.userAt[y] >= t) continue;
          const c = log.userItem[y];
          const w = 1 / (1 + Math.abs(y - p));
          this.session.set(c, (this.session.get(c) ?? 0) + w);
          if (recent) this.recentSession.set(c, (this.recentSession.get(c) ?? 0) + w);
        }
      }
    }
  }

  /**
   * The RP3beta walk (see RP3_BETA) from my history as of the cut-off: every step reads
   * only ratings strictly before it (my movies' raters, their ratings, the counts).
   */
  private walkScores(): { score: Float64Array; pool: Float64Array } {
    if (this.walk) return this.walk;
    const log = this.m.log;
    const t = this.cutoff;
    const I = log.itemIds.length;
    const raters: [number, number][] = [];
    for (const [v, hs] of this.raterHist) {
      let w = 0;
      for (const h of hs) w += 1 / this.histRaters[h];
      const b = log.userStart[v];
      const e = lowerBound(log.userAt, b, log.userStart[v + 1], t);
      if (e > b) raters.push([v, w / (e - b)]);
    }
    raters.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
    const score = new Float64Array(I);
    const n = Math.max(1, this.historySize);
    for (const [v, w] of raters.slice(0, RP3_RATERS)) {
      const b = log.userStart[v];
      const e = lowerBound(log.userAt, b, log.userStart[v + 1], t);
      for (let y = Math.max(b, e - RP3_RATER_ITEMS); y < e; y++) score[log.userItem[y]] += w / n;
    }
    const pool: number[] = [];
    for (let i = 0; i < I; i++) {
      const c = lowerBound(log.itemAt, log.itemStart[i], log.itemStart[i + 1], t) - log.itemStart[i];
      score[i] = c > 0 ? score[i] / Math.pow(c, RP3_BETA) : 0;
      if (c > 0 && !this.seen.has(i)) pool.push(score[i]);
    }
    return (this.walk = { score, pool: Float64Array.from(pool).sort() });
  }

  /** Where the movie's walk score ranks among the unrated movies that existed by my cut-off (0..1; 0 when it did not exist). */
  private walkRank(i: number | undefined): number {
    if (i === undefined) return 0;
    const { score, pool } = this.walkScores();
    // Scores are >= 0, so a movie the walk never reaches (or that did not exist) ranks 0.
    return pool.length ? lowerBound(pool, 0, pool.length, score[i]) / pool.length : 0;
  }

  /** Item bias as of the cut-off: shrunk mean minus the global mean. */
  itemBias(i: number): number {
    const { count, sum } = itemAsOf(this.m.log, i, this.cutoff);
    return (sum - count * this.mu) / (count + this.m.foldIn.itemShrink);
  }

  private features(i: number, x: Float64Array, k: number, G: number): void {
    x.fill(0);
    x[0] = 1;
    const cp = this.cp;
    if (cp) for (let c = 0; c < k; c++) x[1 + c] = cp.factors[i * k + c];
    const gs = this.m.content.genres[i];
    const norm = gs.length ? 1 / Math.sqrt(gs.length) : 0;
    for (const g of gs) x[1 + k + (this.m.content.genreIndex.get(g) as number)] = norm;
  }

  /** The engagement threshold of the model's current weights (a logit). */
  get threshold(): number {
    return this.m.weights.engageThreshold;
  }

  /** The rating scale as seen before the cut-off (lowest and highest rating anyone gave). */
  readonly ratingMin: number;
  readonly ratingMax: number;

  /** Whether the user rated the movie before the cut-off. */
  hasSeen(itemId: string): boolean {
    const i = this.m.log.itemIndex.get(itemId);
    return i !== undefined && this.seen.has(i);
  }

  /** The engagement features of a movie (ENGAGE_FEATURES order) and the prediction parts. */
  featuresOf(itemId: string, genresOfUnknown: string[] = []): { x: number[]; rating: number; parts: ResponseParts } {
    const m = this.m;
    const log = m.log;
    const i = log.itemIndex.get(itemId);
    const t = this.cutoff;
    const k = this.cp ? this.cp.k : 0;
    const G = m.content.genreShare.length;
    const w = this.w;
    let latent = 0;
    let count = 0;
    let recent = 0;
    let similar = 0;
    let knn = 0;
    let knnLiked = 0;
    let wide = 0;
    let cosAll = 0;
    let cosAllRaw = 0;
    let cosRecent = 0;
    let month = 0;
    let topCos = 0;
    let topRecent = 0;
    let knnRecent = 0;
    let wideRecent = 0;
    let maxCos = 0;
    let closest = 0;
    let firstAt = Infinity;
    let ib = 0;
    const genres = i !== undefined ? m.content.genres[i] : genresOfUnknown;
    if (i !== undefined) {
      if (this.cp) for (let c = 0; c < k; c++) latent += w[1 + c] * this.cp.factors[i * k + c];
      const s = itemAsOf(log, i, t);
      count = s.count;
      ib = this.itemBias(i);
      recent = itemCountBetween(log, i, t - YEAR_MS, t);
      firstAt = itemFirstAt(log, i);
      const end = lowerBound(log.itemAt, log.itemStart[i], log.itemStart[i + 1], t);
      const co = this.co;
      co.fill(0);
      for (let z = log.itemStart[i]; z < end; z++) {
        const v = log.itemUser[z];
        const hs = this.raterHist.get(v);
        if (hs) for (const h of hs) co[h]++;
        const sv = this.sim.get(v) ?? 0;
        similar += sv;
        if (sv > closest) closest = sv;
        const nb = this.neighbours.get(v);
        if (nb !== undefined) {
          knn += nb;
          if (log.itemRating[z] >= LIKE) knnLiked += nb;
        }
        const wd = this.wide.get(v);
        if (wd !== undefined) {
          wide += wd;
          if (log.itemAt[z] >= t - YEAR_MS) {
            wideRecent += wd;
            if (nb !== undefined) knnRecent += nb;
          }
        }
        cosAll += this.itemW.get(v) ?? 0;
        cosRecent += this.recentW.get(v) ?? 0;
      }
      const norm = 1 / Math.sqrt(Math.max(1, end - log.itemStart[i]));
      cosAllRaw = cosAll;
      const ni = Math.max(1, end - log.itemStart[i]);
      for (let h = 0; h < co.length; h++) co[h] = co[h] / Math.sqrt(ni * Math.max(1, this.histRaters[h]));
      const top = topValues(co, TOP_COSINE);
      maxCos = top.length ? top[0] : 0;
      for (const c of top) topCos += c / TOP_COSINE;
      const last = topValues(co.subarray(Math.max(0, co.length - RECENT)), 5);
      for (const c of last) topRecent += c / 5;
      cosAll *= norm;
      cosRecent *= norm;
      month = itemCountBetween(log, i, t - MONTH_MS, t);
    }
    let genre = 0;
    let top: string | null = null;
    let topAbs = 0;
    let liftSum = 0;
    const norm = genres.length ? 1 / Math.sqrt(genres.length) : 0;
    for (const g of genres) {
      const c = m.content.genreIndex.get(g);
      if (c === undefined) continue;
      const e = w[1 + k + c] * norm;
      genre += e;
      if (Math.abs(e) > topAbs) (topAbs = Math.abs(e)), (top = g);
      liftSum += this.lift[c];
    }
    const rating = Math.min(this.ratingMax, Math.max(this.ratingMin, this.mu + ib + w[0] + latent + genre));
    const yr = i !== undefined ? m.content.year[i] : NaN;
    const gap = Number.isFinite(yr) && Number.isFinite(this.eraCenter) ? Math.min(3, Math.abs(yr - this.eraCenter) / 10) : 1;
    const years = Number.isFinite(firstAt) && firstAt < t ? (t - firstAt) / YEAR_MS : 0;
    const lr = Math.log1p(count);
    const near = this.nearLatest(i, yr);
    const series = this.seriesMatch(i);
    const session = i !== undefined ? this.session.get(i) ?? 0 : 0;
    const x = [
      lr,
      Math.log1p(recent),
      Math.log1p(20 * similar),
      rating - this.userMean,
      ib,
      Math.log(0.1 + (genres.length ? liftSum / genres.length : 0)),
      gap,
      Math.log1p(years),
      lr * Math.log1p(this.historySize),
      Math.log1p(month),
      Math.log1p(10 * knn),
      Math.log1p(cosAll),
      Math.log1p(5 * cosRecent),
      Number.isFinite(yr) ? Math.log1p(Math.max(0, new Date(t).getUTCFullYear() - yr)) : 1,
      Math.log((count + 1) / (this.totalAsOf + 1)),
      Math.log((recent + 1) / (this.totalLastYear + 1)),
      Math.log1p(10 * knnLiked),
      Math.log1p(10 * wide),
      Math.log1p(cosAllRaw),
      Math.log1p(20 * topCos),
      Math.log1p(10 * maxCos),
      Math.abs(lr - this.popCenter),
      Math.log1p(10 * knnRecent),
      Math.log1p(10 * wideRecent),
      Math.log1p(20 * topRecent),
      Math.log1p(session),
      Math.log1p(i !== undefined ? this.recentSession.get(i) ?? 0 : 0),
      near.years,
      near.days,
      closest,
      series.words,
      this.walkRank(i),
    ];
    return { x, rating, parts: { userBias: w[0], itemBias: ib, latent, genre, genreTopic: top, ratings: count, recentRatings: recent, similarRaters: similar, share: count / Math.max(1, this.totalAsOf), sessionNeighbours: session, titleOverlap: series.words, titleMatch: series.item } };
  }

  /**
   * How close the movie is to what I just watched: the smallest gap in release year
   * (10 when unknown) and log(1 + days) between first ratings (when each entered the
   * catalog; 10 when unknown) to one of my latest movies.
   */
  private nearLatest(i: number | undefined, yr: number): { years: number; days: number } {
    let years = 10;
    let days = 10;
    if (i === undefined) return { years, days };
    const first = this.m.firstRated;
    for (const j of this.latest) {
      const yj = this.m.content.year[j];
      if (Number.isFinite(yr) && Number.isFinite(yj)) years = Math.min(years, Math.abs(yr - yj));
      const fi = first[i];
      const fj = first[j];
      if (fi < this.cutoff && fj < this.cutoff) days = Math.min(days, Math.log1p(Math.abs(fi - fj) / DAY_MS));
    }
    return { years, days };
  }

  /** The most distinctive title words the movie shares with one of my history movies (a series), and which movie. */
  private seriesMatch(i: number | undefined): { words: number; item: number } {
    if (i === undefined) return { words: 0, item: -1 };
    const hits = new Map<number, number>();
    for (const w of this.m.content.titles[i]) for (const j of this.titleIndex.get(w) ?? []) if (j !== i) hits.set(j, (hits.get(j) ?? 0) + 1);
    let words = 0;
    let item = -1;
    for (const [j, c] of hits) if (c > words || (c === words && j < item)) (words = c), (item = j);
    return { words, item };
  }

  /** The fold-in rating with the weights' correction applied (if any), clamped to the scale. */
  corrected(x: readonly number[], rating: number, parts: ResponseParts): number {
    const c = this.m.weights.ratingCorrection;
    if (!c) return rating;
    const v = ratingInputs(x, rating, this.userMean, parts);
    if (c.w.length !== v.length + 1) throw new Error(`response model rating correction has ${c.w.length - 1} weights for ${v.length} inputs: refit them`);
    return Math.min(this.ratingMax, Math.max(this.ratingMin, linearScore(c, v, rating)));
  }

  /** Predict the user's response to a movie. */
  predict(itemId: string, genresOfUnknown?: string[]): ResponsePrediction {
    const W = this.m.weights;
    const { x, rating: base, parts } = this.featuresOf(itemId, genresOfUnknown);
    const rating = this.corrected(x, base, parts);
    if (W.engageW.length !== x.length + 1) throw new Error(`response model weights have ${W.engageW.length - 1} engagement weights for ${x.length} features (${ENGAGE_FEATURES.length} expected): refit them`);
    let z = linearScore({ mean: W.engageMean, sd: W.engageSd, w: W.engageW }, x);
    if (W.trees?.length) z += treeScore(W.trees, [...x, z]);
    return { rating, likes: rating >= W.likeThreshold, engageLogit: z, engage: z >= W.engageThreshold, parts };
  }
}

/** The k largest values of `a`, largest first (a small insertion buffer; k is small). */
function topValues(a: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < a.length; j++) {
    const v = a[j];
    if (v <= 0 || (out.length === k && v <= out[k - 1])) continue;
    let p = Math.min(out.length, k - 1);
    if (out.length < k) out.push(v);
    while (p > 0 && out[p - 1] < v) (out[p] = out[p - 1]), p--;
    out[p] = v;
  }
  return out;
}

/** The response model attached to a catalog (the rule-based simulator looks it up). */
const attached = new WeakMap<Catalog, MovieResponseModel>();

/** Attach a fitted model to a catalog: rule-based sessions over it use the model for movies. */
export function attachResponseModel(catalog: Catalog, model: MovieResponseModel | null): void {
  if (model) attached.set(catalog, model);
  else attached.delete(catalog);
}

/** The model attached to a catalog, if any. */
export function responseModelFor(catalog: Catalog): MovieResponseModel | undefined {
  return attached.get(catalog);
}
