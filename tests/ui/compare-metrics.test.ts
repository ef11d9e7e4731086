import { describe, expect, it } from 'vitest';
import { compareMetrics } from '../../src/ui/compare/compare-metrics';
import { trajectory } from './fixtures';

describe('compare metrics', () => {
  it('reports B - A for watch time, items, turns and actions', () => {
    const a = trajectory().metrics;
    const b = { ...a, watchSec: 90, itemsViewed: 5, turns: 3, actions: { ...a.actions, like: 4, skip: 0 } };
    const rows = Object.fromEntries(compareMetrics(a, b).map((r) => [r.label, r]));
    expect(rows['watch time'].diff).toBe(60);
    expect(rows['items viewed'].diff).toBe(3);
    expect(rows['turns'].diff).toBe(2);
    expect(rows['likes'].diff).toBe(3);
    expect(rows['skips'].diff).toBe(-1);
    expect(rows['skips'].higherIsBetter).toBe(false);
  });
});
