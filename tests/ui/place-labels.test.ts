/**
 * Scatter label placement (src/ui/charts/place-labels.ts): labels cover no point, no other
 * label and nothing outside the plot whenever there is room, stay beside their point when
 * it is alone, and take a leader line only when moved away.
 */
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelPoint, type PlacedLabel } from '../../src/ui/charts/place-labels';
import { createRng } from '../../src/core/rng';

const bounds = { left: 50, top: 10, right: 520, bottom: 300 };
const R = 5;
const GAP = 3;

function problems(points: LabelPoint[], labels: PlacedLabel[]): string[] {
  const out: string[] = [];
  const hit = (a: { l: number; t: number; r: number; b: number }, b: typeof a) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.01 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.01;
  const boxes = labels.map((l) => ({ l: l.left, t: l.top, r: l.left + l.width, b: l.top + l.height }));
  boxes.forEach((b, k) => {
    if (b.l < bounds.left || b.r > bounds.right || b.t < bounds.top || b.b > bounds.bottom) out.push(`${labels[k].key} outside`);
    points.forEach((p) => {
      if (hit(b, { l: p.x - R, t: p.y - R, r: p.x + R, b: p.y + R })) out.push(`${labels[k].key} covers point ${p.key}`);
    });
    for (let j = k + 1; j < boxes.length; j++) if (hit(b, boxes[j])) out.push(`${labels[k].key} overlaps ${labels[j].key}`);
  });
  return out;
}

describe('placeLabels', () => {
  it('places an alone point\'s label right beside it, without a leader line', () => {
    const [l] = placeLabels([{ key: 'a', x: 200, y: 100, width: 40 }], { bounds, radius: R, gap: GAP });
    expect(l.left).toBe(200 + R + GAP);
    expect(l.top + l.height / 2).toBe(100);
    expect(l.leader).toBe(false);
  });

  it('flips to the left at the right edge', () => {
    const [l] = placeLabels([{ key: 'a', x: 510, y: 100, width: 60 }], { bounds, radius: R, gap: GAP });
    expect(l.left + l.width).toBeLessThanOrEqual(510 - R);
  });

  it('keeps the leaderboard\'s real cluster clear (random, popular, trending, plain and +follow, at nearly the same NDCG)', () => {
    // The leaderboard chart's positions of docs/evaluation.md's table (x: NDCG 0.0138-0.021, y: retention 0.35-0.55).
    const rows: [string, number, number][] = [
      ['random', 0.0138, 0.358], ['random+follow', 0.0138, 0.44], ['popular', 0.0211, 0.351], ['popular+follow', 0.0211, 0.438],
      ['trending', 0.0163, 0.494], ['trending+follow', 0.0163, 0.554], ['content', 0.3458, 0.53], ['content+follow', 0.3458, 0.578],
      ['item-knn', 0.101, 0.451], ['item-knn+follow', 0.101, 0.526], ['mf-bpr', 0.0743, 0.464], ['mf-bpr+follow', 0.0743, 0.544],
      ['linucb', 0.2507, 0.755], ['linucb+follow', 0.2507, 0.762],
    ];
    const points = rows.map(([key, n, r]) => ({ key, x: 52 + (n / 0.4) * 450, y: 298 - ((r - 0.3) / 0.5) * 280, width: key.length * 6.8 }));
    const labels = placeLabels(points, { bounds, radius: R, gap: GAP });
    expect(problems(points, labels)).toEqual([]);
    expect(labels.map((l) => l.key)).toEqual(rows.map((r) => r[0]));
    // The old rule (right of the point, pushed down past other labels) covered points here.
    const old = points.map((p) => ({ key: p.key, left: p.x + 7, top: p.y - 16, baseline: p.y - 6, width: p.width, height: 13, anchor: 'start' as const, textX: p.x + 7, leader: false, leaderX: 0, leaderY: 0 }));
    expect(problems(points, old).length).toBeGreaterThan(0);
  });

  it('finds room for every label in seeded random scatters of 6 to 16 points', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 40; trial++) {
      const n = 6 + rng.int(11);
      const points = Array.from({ length: n }, (_, k) => ({ key: `p${k}`, x: 80 + rng.next() * 380, y: 40 + rng.next() * 230, width: 30 + rng.int(70) }));
      const labels = placeLabels(points, { bounds, radius: R, gap: GAP });
      expect(problems(points, labels), `trial ${trial}`).toEqual([]);
      for (const l of labels) if (!l.leader) {
        const p = points.find((q) => q.key === l.key)!;
        // An adjacent label touches its point's neighbourhood.
        expect(Math.min(Math.abs(l.left - p.x), Math.abs(l.left + l.width - p.x), Math.abs(l.left + l.width / 2 - p.x))).toBeLessThanOrEqual(R + GAP + 0.01);
      }
    }
  });

  it('keeps clear of obstacles (the quadrant names)', () => {
    const obstacles = [{ left: 180, top: 90, right: 300, bottom: 110 }];
    const [l] = placeLabels([{ key: 'a', x: 170, y: 100, width: 60 }], { bounds, radius: R, gap: GAP, obstacles });
    expect(l.left + l.width <= 180 || l.left >= 300 || l.top + l.height <= 90 || l.top >= 110).toBe(true);
  });
});
