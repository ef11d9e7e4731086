/**
 * Content-based: TF-IDF vectors of the items (title, description, tags, topic, subtopic,
 * creator); the user's vector is the sum of the vectors of the items in their history,
 * weighted by action strength (share/comment/like > watch by fraction > click; skips
 * subtract) and recency, plus a weak prior from the declared interests. Items are ranked
 * by cosine similarity to it; a tiny popularity term breaks ties (and ranks for a user
 * with no history and no interests).
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import type { Observation, TrainingData } from '../types';
import { ScoringRecommender } from './base';
import { numOption } from './options';
import { weightHistory } from './signals';
import { addCosineScores, buildTfIdf, combineRows, type SparseVector, type TfIdfMatrix } from './text-features';
import { UserCache } from './user-cache';

/** Popularity weight that only breaks ties between equally similar items. */
export const TIE_BREAK = 1e-3;

export class ContentRecommender extends ScoringRecommender {
  readonly name = 'content';
  private tfidf: TfIdfMatrix | null = null;
  private popularity: Float64Array = new Float64Array(0);
  private readonly cache = new UserCache<SparseVector>();
  private readonly interestPrior: number;

  constructor(options?: Record<string, unknown>) {
    super();
    this.interestPrior = numOption(options, 'interestPrior', 0.3, 0, 10);
  }

  protected train(data: TrainingData, index: CatalogIndex): void {
    this.tfidf = buildTfIdf(data.catalog.items);
    this.popularity = popularityArray(index);
    this.cache.clear();
  }

  /** The user's profile vector (cached per user and history length). */
  userVector(obs: Observation): SparseVector {
    const index = this.requireIndex();
    const m = this.tfidf as TfIdfMatrix;
    return this.cache.get(profileKey(obs), obs.history, () => profileVector(m, index, obs, this.interestPrior));
  }

  protected score(obs: Observation, index: CatalogIndex, scores: Float64Array): void {
    const v = this.userVector(obs);
    const pop = this.popularity;
    for (let i = 0; i < scores.length; i++) scores[i] = TIE_BREAK * pop[i];
    addCosineScores(this.tfidf as TfIdfMatrix, v, scores);
  }
}

/** Cache key of the parts of an observation a profile vector depends on besides the history. */
export function profileKey(obs: Observation): string {
  return `${obs.userId}\u0000${JSON.stringify(obs.profile.interests ?? {})}`;
}

/** Catalog popularity per position. */
export function popularityArray(index: CatalogIndex): Float64Array {
  const items = index.catalog.items;
  const out = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = index.popularity.get(items[i].id) ?? 0;
  return out;
}

/**
 * A user's TF-IDF profile: strength- and recency-weighted history rows, plus the declared
 * interests as `topic:` features (weight `prior` x interest, relative to the history mass).
 */
export function profileVector(m: TfIdfMatrix, index: CatalogIndex, obs: Observation, prior: number): SparseVector {
  const wh = weightHistory(obs.history, index);
  let mass = 0;
  for (const w of wh.weights) mass += Math.abs(w);
  const extra = new Map<number, number>();
  const scale = prior * Math.max(1, mass / 4);
  for (const [topic, w] of Object.entries(obs.profile.interests ?? {})) {
    const c = m.vocab.get(`topic:${topic}`);
    if (c !== undefined && w > 0) extra.set(c, scale * w);
  }
  return combineRows(m, wh.items, wh.weights, extra);
}

/** Factory for the registry. */
export function createContent(options?: Record<string, unknown>): ContentRecommender {
  return new ContentRecommender(options);
}
