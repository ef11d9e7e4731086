/**
 * The rng a recommender is fitted with in a run: forked from the run's seed by the base
 * recommender's name, so "mf-bpr+follow" trains exactly the model "mf-bpr" does and a
 * plain-versus-following comparison differs only in instruction following.
 */
import { createRng } from '../rng';
import type { Rng } from '../types';

/** "mf-bpr+follow" -> "mf-bpr". */
export function baseRecommenderName(name: string): string {
  return name.replace(/\+follow$/, '');
}

/** The fitting rng of recommender `name` in a run seeded `seed`. */
export function fitRng(seed: number, name: string): Rng {
  return createRng(seed).fork(`fit:${baseRecommenderName(name)}`);
}
