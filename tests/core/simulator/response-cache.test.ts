/**
 * The response model's user cache is bounded by the entries of the cached users' maps, not
 * only by their number (a user's neighbourhood on a full release is a few hundred thousand
 * entries, and 1,000 of them ran a 25M-rating fidelity run out of heap), and a user that
 * left the cache is rebuilt to exactly the same predictions.
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { createRng } from '../../../src/core/rng';
import { CACHE_ENTRIES, MovieResponseModel } from '../../../src/core/simulator/movie-response';
import { buildResponseModel } from '../../../src/core/simulator/response-fit';
import { movieWorldCsv } from './movie-fixture';

describe('response model cache', () => {
  const { catalog, users } = importMovieLens(movieWorldCsv({ users: 40, movies: 300, seed: 9 }));
  const roomy = buildResponseModel(catalog, users, createRng(3));
  const ids = users.map((u) => u.id).filter((id) => roomy.user(id));
  const probe = catalog.items.slice(0, 40).map((it) => it.id);
  const predictions = (m: MovieResponseModel, id: string) => probe.map((it) => m.user(id)!.predict(it));

  it('keeps every user of a small world under the default bound', () => {
    expect(roomy.cacheSize.users).toBe(ids.length);
    expect(roomy.cacheSize.entries).toBeGreaterThan(0);
    expect(roomy.cacheSize.entries).toBeLessThan(CACHE_ENTRIES);
  });

  it('drops the least recently used users once their entries pass the bound, and rebuilds them identically', () => {
    const per = ids.map((id) => roomy.user(id)!.entries);
    const bound = Math.max(...per) * 3;
    const tight = new MovieResponseModel(roomy.log, roomy.content, roomy.checkpoints, roomy.weights, roomy.foldIn, bound);
    const before = new Map(ids.map((id) => [id, predictions(tight, id)]));
    const size = tight.cacheSize;
    // The newest user always stays; the others fit the bound together.
    expect(size.users).toBeLessThan(ids.length);
    expect(size.entries - tight.user(ids[ids.length - 1])!.entries).toBeLessThanOrEqual(bound);
    // The first user left long ago: asking again rebuilds it, with the same predictions, and
    // the same as the model that kept everyone.
    for (const id of [ids[0], ids[1], ids[ids.length - 1]]) {
      expect(predictions(tight, id)).toEqual(before.get(id));
      expect(predictions(tight, id)).toEqual(predictions(roomy, id));
    }
  });

  it('recently used users stay (least recently used leave first)', () => {
    const per = ids.map((id) => roomy.user(id)!.entries);
    const tight = new MovieResponseModel(roomy.log, roomy.content, roomy.checkpoints, roomy.weights, roomy.foldIn, Math.max(...per) * 3);
    const kept = tight.user(ids[0])!;
    for (const id of ids.slice(1)) {
      tight.user(id);
      tight.user(ids[0]);
    }
    expect(tight.user(ids[0])).toBe(kept);
    const other = tight.user(ids[1]);
    expect(tight.user(ids[1])).toBe(other);
  });
});
