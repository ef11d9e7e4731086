/**
 * The response model's rating correction (issue 8): a ridge fit of the fold-in rating's
 * residual, fitted on the tuning split and applied to every predicted rating.
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { createRng } from '../../../src/core/rng';
import { buildResponseModel, fitRidge } from '../../../src/core/simulator/response-fit';
import { ratingInputs } from '../../../src/core/simulator/movie-response';
import { movieWorldCsv } from './movie-fixture';

describe('rating correction', () => {
  it('fitRidge recovers a linear rule and shrinks towards zero as the ridge grows', () => {
    const rng = createRng(4);
    const X = Array.from({ length: 400 }, () => [rng.next() * 4, rng.next() * 2 - 1]);
    const y = X.map(([a, b]) => 1.5 + 0.5 * a - 2 * b);
    const f = fitRidge(X, y, 1e-6);
    const at = (x: number[], g = f) => g.w[0] + g.w[1] * ((x[0] - g.mean[0]) / g.sd[0]) + g.w[2] * ((x[1] - g.mean[1]) / g.sd[1]);
    for (const x of [[0, 0], [3, -0.5], [1, 1]]) expect(at(x)).toBeCloseTo(1.5 + 0.5 * x[0] - 2 * x[1], 6);
    const strong = fitRidge(X, y, 1e6);
    expect(Math.abs(strong.w[1]) + Math.abs(strong.w[2])).toBeLessThan(0.01);
    expect(strong.w[0]).toBeCloseTo(y.reduce((s, v) => s + v, 0) / y.length, 6);
  });

  it('is applied to every predicted rating, within the scale, and only when fitted', () => {
    const { catalog, users } = importMovieLens(movieWorldCsv({ users: 30, movies: 150, seed: 8 }));
    const model = buildResponseModel(catalog, users, createRng(3));
    const ur = model.user(users[2].id)!;
    const ids = catalog.items.slice(0, 25).map((it) => it.id);
    const base = ids.map((id) => ur.featuresOf(id));
    const n = ratingInputs(base[0].x, base[0].rating, ur.userMean, base[0].parts).length;
    const saved = model.weights;
    // An intercept-only correction of +0.4 moves every rating up by 0.4 (within the scale).
    model.weights = { ...saved, ratingCorrection: { mean: new Array(n).fill(0), sd: new Array(n).fill(1), w: [0.4, ...new Array(n).fill(0)] } };
    ids.forEach((id, k) => expect(ur.predict(id).rating).toBeCloseTo(Math.min(ur.ratingMax, base[k].rating + 0.4), 9));
    model.weights = { ...saved, ratingCorrection: undefined };
    ids.forEach((id, k) => expect(ur.predict(id).rating).toBe(base[k].rating));
    model.weights = { ...saved, ratingCorrection: { mean: [0], sd: [1], w: [0, 1] } };
    expect(() => ur.predict(ids[0])).toThrow(/refit/);
    model.weights = saved;
  });
});
