import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { advance, initialWorld } from '../../../src/core/population/week';
import { cascadeTree, treeStats } from '../../../src/core/population/cascade';
import { EV_VIEW } from '../../../src/core/population/world';
import { cascadeSetup } from './helpers';

function viewsUntil(w: ReturnType<typeof initialWorld>, item: number, min: number): number {
  let v = 0;
  for (let e = 0; e < w.evCount; e++) if (w.evKind[e] === EV_VIEW && w.evItem[e] === item && w.evMin[e] < min) v++;
  return v;
}

/** Mean pairwise distance by brute force (BFS from every node), the known answer for the tree stats. */
function bruteVirality(parent: Int32Array): number {
  const N = parent.length + 1; // node 0 = root, node i+1 = viewer i
  const adj: number[][] = Array.from({ length: N }, () => []);
  parent.forEach((p, i) => {
    const a = i + 1;
    const b = p < 0 ? 0 : p + 1;
    adj[a].push(b);
    adj[b].push(a);
  });
  let sum = 0;
  for (let s = 0; s < N; s++) {
    const d = new Array(N).fill(-1);
    d[s] = 0;
    const q = [s];
    while (q.length) {
      const x = q.shift()!;
      for (const y of adj[x]) if (d[y] < 0) { d[y] = d[x] + 1; q.push(y); }
    }
    for (let t = s + 1; t < N; t++) sum += d[t];
  }
  return sum / ((N * (N - 1)) / 2);
}

describe('cascades on graphs with known answers (view and share with probability 1)', () => {
  it('a line of 10: one new viewer per hour, depth 10, breadth 1', async () => {
    const n = 10;
    const setup = await cascadeSetup(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]), [0]);
    const post = setup.posts[0].item;
    const w = advance(initialWorld(setup), setup, 24 * 60, createRng(3));
    // User k views in hour k (a share is visible from the next hour on).
    expect(viewsUntil(w, post, 6 * 60)).toBe(6);
    expect(w.views[post]).toBe(10);
    expect(w.exposures[post]).toBe(10); // a share back to an earlier viewer is not shown again
    expect(w.shares[post]).toBe(10);
    const tree = cascadeTree(w, post);
    expect(tree.users).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const s = treeStats(tree.parent);
    expect(s).toMatchObject({ size: 10, depth: 10, breadth: 1, viaShares: 9 });
    // A path of 11 nodes (root included): mean distance (N + 1) / 3 = 4.
    expect(s.structuralVirality).toBeCloseTo(4, 10);
    expect(s.structuralVirality).toBeCloseTo(bruteVirality(tree.parent), 10);
  });

  it('a star of 1 + 9: the centre, then all nine leaves in the next hour', async () => {
    const setup = await cascadeSetup(10, Array.from({ length: 9 }, (_, i) => [0, i + 1] as [number, number]), [0]);
    const post = setup.posts[0].item;
    const w = advance(initialWorld(setup), setup, 6 * 60, createRng(3));
    expect(viewsUntil(w, post, 60)).toBe(1);
    expect(viewsUntil(w, post, 120)).toBe(10);
    const s = treeStats(cascadeTree(w, post).parent);
    expect(s).toMatchObject({ size: 10, depth: 2, breadth: 9, viaShares: 9 });
    // root-centre 1, centre-leaf 9 x 1, root-leaf 9 x 2, leaf-leaf 36 x 2: 100 / 55.
    expect(s.structuralVirality).toBeCloseTo(100 / 55, 10);
  });

  it('without shares the post stays with its seeded audience', async () => {
    const setup = await cascadeSetup(10, Array.from({ length: 9 }, (_, i) => [0, i + 1] as [number, number]), [0, 3], 0);
    const w = advance(initialWorld(setup), setup, 24 * 60, createRng(3));
    expect(w.views[setup.posts[0].item]).toBe(2);
    expect(treeStats(cascadeTree(w, setup.posts[0].item).parent)).toMatchObject({ size: 2, depth: 1, breadth: 2, viaShares: 0 });
  });
});
