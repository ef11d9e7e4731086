/**
 * Label placement for scatter charts: each point's label goes where it covers neither
 * another label nor any point (its own included), inside the plot. Candidates are tried
 * nearest first: beside the point (right, left, above, below, and the diagonals), then
 * further out on rings, where a leader line joins label and point. Greedy, most crowded
 * points first, so the points with the least room choose first. Pure geometry (no DOM):
 * widths come from the caller.
 */

/** A point to label: its position and its label's width in px. */
export interface LabelPoint {
  key: string;
  x: number;
  y: number;
  width: number;
}

/** A placed label: its box's left edge, top edge and text baseline, and whether it needs a leader line. */
export interface PlacedLabel {
  key: string;
  left: number;
  top: number;
  baseline: number;
  width: number;
  height: number;
  /**
   * Where to draw the text: `textX` with this `text-anchor`, the side facing the point, so a
   * text a little wider than its estimated width grows away from the point, not over it.
   */
  anchor: 'start' | 'middle' | 'end';
  textX: number;
  /** The label sits away from its point: draw a line from the point to (leaderX, leaderY). */
  leader: boolean;
  leaderX: number;
  leaderY: number;
}

export interface PlaceOptions {
  /** Where labels may go. */
  bounds: { left: number; top: number; right: number; bottom: number };
  /** Label box height (px) and the baseline's offset from its top. */
  height?: number;
  baseline?: number;
  /** Radius of the drawn points, and the gap kept between a label and a point. */
  radius?: number;
  gap?: number;
  /** Rings of candidates beyond the adjacent ones (each one label height further out). */
  rings?: number;
  /** Other texts already drawn (left, top, right, bottom) that labels should not cover. */
  obstacles?: readonly { left: number; top: number; right: number; bottom: number }[];
}

interface Box { l: number; t: number; r: number; b: number }

const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l)) * Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t));

/** Place every label; the result follows the input order. */
export function placeLabels(points: readonly LabelPoint[], opts: PlaceOptions): PlacedLabel[] {
  const h = opts.height ?? 13;
  const base = opts.baseline ?? 10;
  const rad = opts.radius ?? 5;
  const gap = opts.gap ?? 3;
  const rings = opts.rings ?? 6;
  const { bounds } = opts;
  const dots: Box[] = points.map((p) => ({ l: p.x - rad - gap, t: p.y - rad - gap, r: p.x + rad + gap, b: p.y + rad + gap }));
  // Most crowded first: the number of other points within two label heights.
  const crowd = points.map((p) => points.filter((q) => q !== p && Math.hypot(q.x - p.x, q.y - p.y) < 4 * h).length);
  const order = points.map((_, k) => k).sort((a, b) => crowd[b] - crowd[a] || points[a].y - points[b].y || a - b);
  const placed: Box[] = (opts.obstacles ?? []).map((o) => ({ l: o.left, t: o.top, r: o.right, b: o.bottom }));
  const out: PlacedLabel[] = new Array(points.length);
  for (const k of order) {
    const p = points[k];
    const w = p.width;
    const d = rad + gap;
    // Adjacent candidates (left, top of the box), nearest first.
    const cands: { l: number; t: number; far: boolean }[] = [
      { l: p.x + d, t: p.y - h / 2, far: false },
      { l: p.x - d - w, t: p.y - h / 2, far: false },
      { l: p.x + d, t: p.y - d - h + 2, far: false },
      { l: p.x + d, t: p.y + d - 2, far: false },
      { l: p.x - d - w, t: p.y - d - h + 2, far: false },
      { l: p.x - d - w, t: p.y + d - 2, far: false },
      { l: p.x - w / 2, t: p.y - d - h, far: false },
      { l: p.x - w / 2, t: p.y + d, far: false },
    ];
    for (let ring = 1; ring <= rings; ring++) {
      const dy = ring * h;
      for (const t of [p.y - h / 2 - dy, p.y - h / 2 + dy]) {
        cands.push({ l: p.x + d + ring * 4, t, far: true }, { l: p.x - d - w - ring * 4, t, far: true });
      }
    }
    let best = cands[0];
    let bestCost = Infinity;
    for (const [idx, c] of cands.entries()) {
      const box = { l: c.l, t: c.t, r: c.l + w, b: c.t + h };
      let cost = 0;
      // Outside the plot: as bad as covering a label.
      cost += (Math.max(0, bounds.left - box.l) + Math.max(0, box.r - bounds.right)) * h * 4;
      cost += (Math.max(0, bounds.top - box.t) + Math.max(0, box.b - bounds.bottom)) * w * 4;
      for (const q of placed) cost += overlap(box, q) * 4;
      for (const q of dots) cost += overlap(box, q) * 2;
      // Among free spots, the first in `cands` (nearest first, right before left).
      cost += idx * 1e-3;
      if (cost < bestCost - 1e-9) (bestCost = cost), (best = c);
    }
    const box = { l: best.l, t: best.t, r: best.l + w, b: best.t + h };
    placed.push(box);
    const leftSide = box.r <= p.x;
    const rightSide = box.l >= p.x;
    const anchor = leftSide ? 'end' : rightSide ? 'start' : 'middle';
    out[k] = {
      key: p.key,
      left: box.l,
      top: box.t,
      baseline: box.t + base,
      width: w,
      height: h,
      anchor,
      textX: anchor === 'end' ? box.r : anchor === 'start' ? box.l : box.l + w / 2,
      leader: best.far,
      leaderX: leftSide ? box.r : rightSide ? box.l : box.l + w / 2,
      leaderY: box.t + h / 2,
    };
  }
  return out;
}
