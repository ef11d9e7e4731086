/**
 * Cached vectors are used only for the very items they were computed for: the Items view's
 * cache is keyed by catalog id and model, and a catalog re-imported under the same id with
 * other movies (same count) got the old rows, each read as another item's vector.
 */
import { describe, expect, it } from 'vitest';
import { rowsMatch, type ItemVectors } from '../../../src/core/embed/vectors';

const v = (ids: string[]): ItemVectors => ({ catalogId: 'c', model: 'offline', dim: 1, ids, data: new Float32Array(ids.length) });

describe('rowsMatch', () => {
  it('needs the same ids in the same order, not only the same count', () => {
    expect(rowsMatch(v(['a', 'b', 'c']), ['a', 'b', 'c'])).toBe(true);
    expect(rowsMatch(v(['a', 'b', 'c']), ['x', 'y', 'z'])).toBe(false);
    expect(rowsMatch(v(['a', 'b', 'c']), ['a', 'c', 'b'])).toBe(false);
    expect(rowsMatch(v(['a', 'b']), ['a', 'b', 'c'])).toBe(false);
  });
});
