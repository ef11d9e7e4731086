/**
 * The semantic-ID code tree as an icicle: d3-hierarchy's partition lays out prefixes
 * (level 1 at the top, one row per level), each rectangle as wide as its item count.
 * d3 computes; SidInspector.svelte renders.
 */
import { hierarchy, partition } from 'd3-hierarchy';
import { sidPrefix, type SemanticIds } from '../../core/embed/semantic-ids';

export interface IcicleCell {
  /** Prefix key ("3", "3-1", ...). */
  key: string;
  depth: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  items: number;
  label: string;
}

interface Node {
  key: string;
  children: Map<string, Node>;
  items: number;
}

/** Cells of the icicle for a width and height (the root row is left out). */
export function icicleCells(s: SemanticIds, width: number, height: number): IcicleCell[] {
  const root: Node = { key: '', children: new Map(), items: 0 };
  for (let i = 0; i < s.ids.length; i++) {
    let node = root;
    for (let d = 1; d <= s.levels; d++) {
      const key = sidPrefix(s, i, d);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { key, children: new Map(), items: 0 }));
      next.items++;
      node = next;
    }
  }
  const h = hierarchy<Node>(root, (n) => [...n.children.values()].sort((a, b) => (a.key < b.key ? -1 : 1)))
    .sum((n) => (n.children.size ? 0 : n.items))
    .sort((a, b) => (a.data.key < b.data.key ? -1 : a.data.key > b.data.key ? 1 : 0));
  const rows = s.levels + 1;
  partition<Node>().size([width, (height * rows) / s.levels])(h);
  const shift = height / s.levels;
  return h
    .descendants()
    .filter((n) => n.depth > 0)
    .map((n) => {
      const r = n as typeof n & { x0: number; x1: number; y0: number; y1: number };
      return { key: n.data.key, depth: n.depth, x0: r.x0, x1: r.x1, y0: r.y0 - shift, y1: r.y1 - shift, items: n.value ?? 0, label: (s.labels.get(n.data.key) ?? []).join(', ') };
    });
}

/** Catalog positions of the items under a prefix, in code order (catalog order mixed 3-7-3-0 with 3-2-7-0). */
export function itemsUnder(s: SemanticIds, key: string): number[] {
  const depth = key.split('-').length;
  const out: number[] = [];
  for (let i = 0; i < s.ids.length; i++) if (sidPrefix(s, i, depth) === key) out.push(i);
  const byCode = (a: number, b: number): number => {
    for (let l = 0; l < s.levels; l++) {
      const d = s.codes[a * s.levels + l] - s.codes[b * s.levels + l];
      if (d) return d;
    }
    return s.suffix[a] - s.suffix[b] || a - b;
  };
  return out.sort(byCode);
}
