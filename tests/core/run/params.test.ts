import { describe, expect, it } from 'vitest';
import { checkParams } from '../../../src/core/registry';
import { recommenders } from '../../../src/core/recommenders/registry';

/** A recommender's configuration before fitting, as plain data (its constructor's reading of the options). */
const snapshot = (o?: Record<string, unknown>, name = '') => JSON.stringify(recommenders.get(name).create(o));

describe('declared recommender parameters', () => {
  for (const entry of recommenders.list()) {
    it(`${entry.name}: the declared defaults are the constructor's, and every parameter is read`, () => {
      expect(entry.params, 'every built-in declares its parameters (possibly none)').toBeDefined();
      const none = snapshot(undefined, entry.name);
      for (const p of entry.params!) {
        expect(p.default).toBeGreaterThanOrEqual(p.min);
        expect(p.default).toBeLessThanOrEqual(p.max);
        expect(snapshot({ [p.name]: p.default }, entry.name), `${p.name} default`).toBe(none);
        const other = p.default === p.max ? p.min : p.type === 'integer' ? Math.min(p.max, p.default + 1) : Math.min(p.max, p.default * 1.5 + 0.01);
        expect(snapshot({ [p.name]: other }, entry.name), `${p.name} is read`).not.toBe(none);
      }
    });
  }

  it('checkParams accepts numeric text and rejects unknown names, non-numbers and out-of-range values', () => {
    const knn = recommenders.get('item-knn');
    expect(checkParams('recommender', knn, { neighbours: '20', coldScale: 0.1 })).toEqual({ neighbours: 20, coldScale: 0.1 });
    expect(() => checkParams('recommender', knn, { k: 3 })).toThrow(/no parameter "k". Known: neighbours, coldScale, contentWeight/);
    expect(() => checkParams('recommender', knn, { neighbours: 'many' })).toThrow(/must be a number/);
    expect(() => checkParams('recommender', knn, { coldScale: 2 })).toThrow(/between 0 and 1, got 2/);
    expect(() => checkParams('recommender', recommenders.get('random'), { x: 1 })).toThrow(/takes no parameters/);
  });
});
