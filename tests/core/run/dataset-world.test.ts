/**
 * The world of an imported dataset (core/run/dataset-world.ts) and its trip to a worker
 * (worker/dataset.ts): the model is fitted once and reused, never for users without real
 * histories; the cache key follows the data (a clone keeps it, one changed rating, tag or
 * user field changes it); the size bounds name what is too large.
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { ensureResponseModel, hasRealHistories, prepareDatasetWorld } from '../../../src/core/run/dataset-world';
import { responseModelFor } from '../../../src/core/simulator/movie-response';
import { checkDataset, datasetKey, DATASET_LIMITS } from '../../../src/worker/dataset';
import { movieWorldCsv } from '../simulator/movie-fixture';

const files = movieWorldCsv({ users: 16, movies: 80, seed: 2 });

describe('dataset world', () => {
  it('fits the response model once per catalog, and only for real histories', () => {
    const { catalog, users } = importMovieLens(files);
    expect(hasRealHistories(users)).toBe(true);
    const world = prepareDatasetWorld(catalog, users);
    expect(world.personas).toBeUndefined();
    expect(world.users).toBe(users);
    const model = responseModelFor(catalog);
    expect(model).toBeDefined();
    expect(ensureResponseModel(catalog, users)).toBe(model);
    const personaLike = users.map((u) => ({ ...u, source: 'persona' as const }));
    const other = { ...catalog };
    expect(ensureResponseModel(other, personaLike)).toBeNull();
    expect(responseModelFor(other)).toBeUndefined();
  });

  it('the cache key follows the data', () => {
    const d = importMovieLens(files);
    const key = datasetKey(d);
    expect(datasetKey(structuredClone({ catalog: d.catalog, users: d.users }))).toBe(key);
    const rating = structuredClone({ catalog: d.catalog, users: d.users });
    rating.users[3].history[0].rating = rating.users[3].history[0].rating === 5 ? 4 : 5;
    expect(datasetKey(rating)).not.toBe(key);
    const held = structuredClone({ catalog: d.catalog, users: d.users });
    held.users[0].heldOut![0].at += 1000;
    expect(datasetKey(held)).not.toBe(key);
    const tag = structuredClone({ catalog: d.catalog, users: d.users });
    tag.catalog.items[5].tags = [...tag.catalog.items[5].tags, 'heist'];
    expect(datasetKey(tag)).not.toBe(key);
    const trait = structuredClone({ catalog: d.catalog, users: d.users });
    trait.users[1].traits.activity += 0.01;
    expect(datasetKey(trait)).not.toBe(key);
  });

  it('checks shape, id and size, naming what is wrong', () => {
    const d = importMovieLens(files);
    expect(checkDataset(d, 'ml-latest')).toBe(d);
    expect(() => checkDataset({ catalog: d.catalog }, 'ml-latest')).toThrow(/not a catalog with users/);
    expect(() => checkDataset(d, 'ml-100k')).toThrow(/names catalog "ml-100k" but the dataset sent is "ml-latest"/);
    const many = { catalog: d.catalog, users: [{ ...d.users[0], history: new Array(DATASET_LIMITS.interactions + 1), heldOut: [] }] };
    expect(() => checkDataset(many, 'ml-latest')).toThrow(/5,000,001 ratings; a run in the app takes at most 5,000,000/);
    const users = { catalog: d.catalog, users: new Array(DATASET_LIMITS.users + 1).fill(d.users[0]) };
    expect(() => checkDataset(users, 'ml-latest')).toThrow(/200,001 users/);
  });
});
