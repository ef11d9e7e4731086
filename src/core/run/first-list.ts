/**
 * A hand-picked first list: the run's first slate for each user is the given items (in
 * that order, cut to the list size); every later list comes from the wrapped recommender,
 * which still observes what the user did with the hand-picked one.
 */
import type { Observation, Recommender, Rng, Slate, SlateFeedback, TrainingData } from '../types';

/** Wrap `inner` so that each user's first list is `itemIds`. The name stays the inner one's. */
export function withFirstList(inner: Recommender, itemIds: readonly string[]): Recommender {
  const served = new Set<string>();
  return {
    get name() {
      return inner.name;
    },
    get followsInstructions() {
      return inner.followsInstructions;
    },
    fit: inner.fit ? (data: TrainingData, rng: Rng) => inner.fit!(data, rng) : undefined,
    recommend(observation: Observation, k: number, rng: Rng): Slate | Promise<Slate> {
      if (observation.turn === 0 && !served.has(observation.userId)) {
        served.add(observation.userId);
        return { itemIds: itemIds.slice(0, k) };
      }
      return inner.recommend(observation, k, rng);
    },
    observe: inner.observe ? (f: SlateFeedback) => inner.observe!(f) : undefined,
    resetSession: inner.resetSession ? (userId: string) => inner.resetSession!(userId) : undefined,
  };
}
