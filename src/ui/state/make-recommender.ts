/**
 * Builds the recommender for a run. The instruction-following toggle (`follow`) is
 * passed through here; the instruction-following recommender issue wires it up by
 * editing this file (for now `follow` is handed to the factory as an option).
 */
import { recommenders } from '../../core/recommenders/registry';
import type { Recommender } from '../../core/types';

/** A fresh, not yet fitted recommender registered as `name`. */
export function makeRecommender(name: string, follow: boolean): Recommender {
  return recommenders.get(name).create({ follow });
}
