import { describe, expect, it } from 'vitest';
import { ratingToAction, splitByTime } from '../../../src/core/users/split';

describe('splitByTime', () => {
  it('sorts by time (stable on ties) and keeps the first 80% as history', () => {
    const xs = [5, 1, 3, 3, 2, 9, 8, 7, 6, 4].map((at, i) => ({ at, i }));
    const s = splitByTime(xs);
    expect(s.history.map((x) => x.at)).toEqual([1, 2, 3, 3, 4, 5, 6, 7]);
    expect(s.history.filter((x) => x.at === 3).map((x) => x.i)).toEqual([2, 3]);
    expect(s.heldOut.map((x) => x.at)).toEqual([8, 9]);
  });
  it('keeps at least one entry in the history and handles empty logs', () => {
    expect(splitByTime([{ at: 1 }])).toEqual({ history: [{ at: 1 }], heldOut: [] });
    expect(splitByTime([{ at: 2 }, { at: 1 }]).history).toEqual([{ at: 1 }]);
    expect(splitByTime([])).toEqual({ history: [], heldOut: [] });
  });
  it('rejects fractions outside (0, 1]', () => {
    expect(() => splitByTime([], 0)).toThrow(RangeError);
    expect(() => splitByTime([], 1.5)).toThrow(RangeError);
  });
  it('maps ratings to actions', () => {
    expect([5, 4, 3.5, 3, 2.5, 0.5].map(ratingToAction)).toEqual(['like', 'like', 'watch', 'watch', 'skip', 'skip']);
  });
});
