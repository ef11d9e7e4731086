/**
 * The cascade of a tracked post as a tree: the creator at the root, each viewer under the
 * user whose share brought it to them (or under the root when it was seeded to them or
 * recommended). Reported: size, depth (longest root-to-viewer path), breadth (most viewers
 * at one depth) and structural virality (Goel et al. 2016: the mean distance between all
 * pairs of nodes of the tree; about 2 for a broadcast, growing with person-to-person chains).
 */
import { EV_VIEW, type WorldState } from './world';

export interface CascadeStats {
  /** Viewers in the tree (the root not counted). */
  size: number;
  depth: number;
  breadth: number;
  /** Mean pairwise distance over the tree's nodes, root included (0 with fewer than two nodes). */
  structuralVirality: number;
  /** Viewers reached through a share (depth >= 2). */
  viaShares: number;
}

/** Parent arrays of the tree of post `item`: viewer user ids and the index of their parent (-1 = root). */
export function cascadeTree(w: WorldState, item: number, untilMin = Infinity): { users: number[]; parent: Int32Array } {
  const at = new Map<number, number>();
  const users: number[] = [];
  const parents: number[] = [];
  for (let e = 0; e < w.evCount; e++) {
    if (w.evKind[e] !== EV_VIEW || w.evItem[e] !== item || w.evMin[e] > untilMin) continue;
    const u = w.evUser[e];
    if (at.has(u)) continue;
    const p = w.evParent[e];
    at.set(u, users.length);
    users.push(u);
    parents.push(p >= 0 && at.has(p) ? at.get(p)! : -1);
  }
  return { users, parent: Int32Array.from(parents) };
}

/** Statistics of a tree given as parent indices (parents come before children; -1 = the root). */
export function treeStats(parent: Int32Array): CascadeStats {
  const n = parent.length;
  if (n === 0) return { size: 0, depth: 0, breadth: 0, structuralVirality: 0, viaShares: 0 };
  const depth = new Int32Array(n);
  let maxDepth = 0;
  const perDepth: number[] = [];
  let viaShares = 0;
  for (let i = 0; i < n; i++) {
    depth[i] = parent[i] < 0 ? 1 : depth[parent[i]] + 1;
    if (depth[i] > maxDepth) maxDepth = depth[i];
    perDepth[depth[i]] = (perDepth[depth[i]] ?? 0) + 1;
    if (depth[i] >= 2) viaShares++;
  }
  let breadth = 0;
  for (const c of perDepth) if (c !== undefined && c > breadth) breadth = c;
  // Wiener index of a tree: each edge (child, parent) is crossed by size(sub) * (N - size(sub)) pairs.
  const N = n + 1;
  const sub = new Float64Array(n).fill(1);
  let wiener = 0;
  for (let i = n - 1; i >= 0; i--) {
    wiener += sub[i] * (N - sub[i]);
    if (parent[i] >= 0) sub[parent[i]] += sub[i];
  }
  return { size: n, depth: maxDepth, breadth, structuralVirality: wiener / ((N * (N - 1)) / 2), viaShares };
}
