/**
 * Random: a uniform draw of unseen items from the seeded rng. The floor every other
 * recommender should beat, and a maximally exploring baseline.
 */
import type { Rng } from '../types';
import { ScoringRecommender } from './base';

export class RandomRecommender extends ScoringRecommender {
  readonly name = 'random';

  protected train(): void {}

  protected score(): void {}

  protected override pick(want: number, m: number, marks: Uint8Array, rng: Rng): number[] {
    const n = marks.length;
    const chosen: number[] = [];
    if (m <= 0 || n === 0) return chosen;
    const taken = new Set<number>();
    // Rejection sampling is O(m) while most of the catalog is free; bounded tries, then
    // an exact draw from the remaining candidates.
    let tries = 0;
    const maxTries = 8 * m + 32;
    while (chosen.length < m && tries < maxTries) {
      tries++;
      const p = rng.int(n);
      if (marks[p] === want && !taken.has(p)) {
        taken.add(p);
        chosen.push(p);
      }
    }
    if (chosen.length < m) {
      const rest: number[] = [];
      for (let p = 0; p < n; p++) if (marks[p] === want && !taken.has(p)) rest.push(p);
      while (chosen.length < m && rest.length > 0) {
        const j = rng.int(rest.length);
        chosen.push(rest[j]);
        rest[j] = rest[rest.length - 1];
        rest.pop();
      }
    }
    return chosen;
  }
}

/** Factory for the registry. */
export function createRandom(): RandomRecommender {
  return new RandomRecommender();
}

