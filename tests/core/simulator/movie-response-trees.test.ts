import { describe, expect, it } from 'vitest';
import { auc } from '../../../src/core/eval/fidelity-metrics';
import { createRng } from '../../../src/core/rng';
import { fitTrees, treeScore } from '../../../src/core/simulator/response-trees';

describe('response trees (boosting on top of the engagement logit)', () => {
  it('reads a hand-built depth-1 tree: feature, threshold, then left and right leaves', () => {
    const tree = [1, 0.5, -2, 3];
    expect(treeScore([tree], [9, 0.4])).toBe(-2);
    expect(treeScore([tree], [9, 0.5])).toBe(3);
    // Feature -1: always left.
    expect(treeScore([[-1, 0, 7, 11]], [100])).toBe(7);
    expect(treeScore([tree, tree], [0, 1])).toBe(6);
  });

  it('learns an interaction a linear logit cannot (XOR of two features), and is deterministic', () => {
    const rng = createRng(3);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = rng.next();
      const b = rng.next();
      X.push([a, b]);
      y.push((a > 0.5) !== (b > 0.5) ? 1 : 0);
    }
    const f0 = new Array<number>(X.length).fill(0);
    const opts = { trees: 30, depth: 2, learningRate: 0.3, lambda: 1, bins: 16, minRows: 20 };
    const trees = fitTrees(X, y, f0, opts);
    expect(trees).toHaveLength(30);
    expect(trees[0]).toHaveLength(3 * 3 + 1);
    const labels = y.map(Boolean);
    expect(auc(X.map((x) => x[0] + x[1]), labels)).toBeLessThan(0.6);
    expect(auc(X.map((x) => treeScore(trees, x)), labels)).toBeGreaterThan(0.95);
    expect(fitTrees(X, y, f0, opts)).toEqual(trees);
  });
});
