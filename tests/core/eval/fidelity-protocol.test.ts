/**
 * The fidelity protocol end to end on a seeded MovieLens-like world (movie-fixture.ts),
 * in both layouts (ml-latest CSV and ml-100k u.data/u.item): every figure is present,
 * baselines sit beside the simulator, tuning and test users are disjoint halves, the same
 * seed gives the same report, and the simulator with its response model beats the trivial
 * baselines on this world.
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { runFidelityProtocol } from '../../../src/core/eval/fidelity-protocol';
import { createRng } from '../../../src/core/rng';
import { buildResponseModel } from '../../../src/core/simulator/response-fit';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { movieWorldCsv } from '../simulator/movie-fixture';

/** The same world in the ml-100k layout (tab-separated u.data, pipe-separated u.item with 19 genre flags). */
function as100k(files: Record<string, string>): Record<string, string> {
  const G = ['unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western'];
  const items = files['movies.csv'].trim().split('\n').slice(1).map((l) => {
    const [id, title, genres] = l.split(',');
    const gs = new Set(genres.split('|'));
    const year = /\((\d{4})\)/.exec(title)![1];
    return [id, title, `01-Jan-${year}`, '', '', ...G.map((g) => (gs.has(g) ? '1' : '0'))].join('|');
  });
  const data = files['ratings.csv'].trim().split('\n').slice(1).map((l) => {
    const [u, m, r, t] = l.split(',');
    return [u, m, String(Math.max(1, Math.round(Number(r)))), t].join('\t');
  });
  return { 'u.item': items.join('\n') + '\n', 'u.data': data.join('\n') + '\n' };
}

async function run(files: Record<string, string>, seeds: number[]) {
  const { catalog, users } = importMovieLens(files);
  const model = buildResponseModel(catalog, users, createRng(1));
  return runFidelityProtocol(catalog, users, model.log, createRuleBasedSimulator({ snapshots: 'scalars' }), model, { seeds, bootstrap: 100 });
}

describe('fidelity protocol on a seeded MovieLens-like world', () => {
  const files = movieWorldCsv({ users: 60, movies: 400, seed: 5 });

  it('reports every test beside its baselines, on disjoint tuning and test halves', async () => {
    const r = await run(files, [1, 2]);
    expect(r.perSeed).toHaveLength(2);
    for (const part of [r.test, r.tuning]) {
      expect(Object.keys(part.byRatio)).toEqual(['1', '3', '9']);
      const one = part.byRatio['1'];
      expect(Object.keys(one.baselines)).toEqual(['neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean']);
      expect(one.baselines.neverEngage.auc).toBe(0.5);
      expect(one.margin.ci95[0]).toBeLessThanOrEqual(one.margin.auc + 1e-9);
      expect(one.margin.ci95[1]).toBeGreaterThanOrEqual(one.margin.auc - 1e-9);
      expect(part.byRatio['9'].items).toBeCloseTo(5 * one.items, -1);
      expect(part.taste.baselines.userItemMean).toBeDefined();
      expect(part.rating.rmse).toBeGreaterThan(0);
      expect(part.calibration.perUser.length).toBeGreaterThan(5);
    }
    expect(r.test.users + r.tuning.users).toBeGreaterThan(40);
    expect(Math.abs(r.test.users - r.tuning.users)).toBeLessThanOrEqual(1);
    // On this world's test half the simulator beats never/always engage and counting ratings.
    const t = r.test.byRatio['1'];
    expect(t.auc).toBeGreaterThan(t.baselines.numRatings.auc);
    expect(t.balancedAccuracy).toBeGreaterThan(0.6);
    expect(r.test.taste.auc).toBeGreaterThan(0.6);
    expect(r.test.rating.rmse).toBeLessThan(r.test.rating.baselineRmse);
  });

  it('is deterministic for a seed', async () => {
    const a = await run(files, [3]);
    const b = await run(files, [3]);
    expect(b).toEqual(a);
  });

  it('runs unchanged on the ml-100k layout (1-5 stars)', async () => {
    const r = await run(as100k(files), [1]);
    expect(r.test.users).toBeGreaterThan(15);
    expect(r.test.byRatio['1'].auc).toBeGreaterThan(0.6);
    expect(r.test.rating.rmse).toBeGreaterThan(0);
  });
});
