/**
 * The Train view's NDCG-versus-retention chart: labels of close points (popular and random,
 * 0.04 apart in retention, used to print over each other) sit apart, cover no point, and
 * the policy's latest point is labelled clear of them too. Label boxes are read back from
 * the drawn text (its anchor, x, baseline) with the chart's width estimate.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import NdcgRetentionChart from '../../src/ui/train/NdcgRetentionChart.svelte';

type Box = { name: string; l: number; t: number; r: number; b: number };

function boxes(svg: SVGSVGElement): { labels: Box[]; dots: Box[] } {
  const labels = Array.from(svg.querySelectorAll('text'))
    .filter((t) => !t.getAttribute('transform') && !['middle'].includes(t.getAttribute('text-anchor') ?? '') && !/^\d/.test(t.textContent ?? ''))
    .map((t) => {
      const name = t.textContent ?? '';
      const w = name.length * 6.8;
      const x = Number(t.getAttribute('x'));
      const base = Number(t.getAttribute('y'));
      const a = t.getAttribute('text-anchor') ?? 'start';
      const l = a === 'end' ? x - w : a === 'middle' ? x - w / 2 : x;
      return { name, l, r: l + w, t: base - 10, b: base + 3 };
    });
  const dots = Array.from(svg.querySelectorAll('circle')).map((c) => {
    const cx = Number(c.getAttribute('cx'));
    const cy = Number(c.getAttribute('cy'));
    const r = Number(c.getAttribute('r'));
    return { name: 'dot', l: cx - r, r: cx + r, t: cy - r, b: cy + r };
  });
  return { labels, dots };
}
const hit = (a: Box, b: Box) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;

describe('NDCG versus retention labels', () => {
  afterEach(() => cleanup());

  it('keeps every label off the points and off the other labels, the policy\'s included', () => {
    const baselines = [
      { name: 'random', ndcg: 0.014, retention: 0.32 },
      { name: 'popular', ndcg: 0.01, retention: 0.36 },
      { name: 'linucb', ndcg: 0.25, retention: 0.8 },
    ];
    const point = (episode: number, ndcg: number, retention: number) => ({ episode, ndcg, retention, reward: 0, sessionSeconds: 0, diversity: 0, trainReward: 0 });
    // The policy ends between random and popular: four labels in a small corner.
    render(NdcgRetentionChart, { points: [point(50, 0.02, 0.3), point(100, 0.015, 0.34)], baselines });
    const svg = screen.getByTestId('ndcg-retention').querySelector('svg')!;
    const { labels, dots } = boxes(svg);
    expect(labels.map((l) => l.name).sort()).toEqual(['linucb', 'popular', 'random', 'rl-policy']);
    expect(dots).toHaveLength(4);
    const problems: string[] = [];
    labels.forEach((a, i) => {
      dots.forEach((d, k) => hit(a, d) && problems.push(`${a.name} covers point ${k}`));
      labels.slice(i + 1).forEach((b) => hit(a, b) && problems.push(`${a.name} overlaps ${b.name}`));
    });
    expect(problems).toEqual([]);
    // A far point's label stays beside it (no leader line needed).
    const linucb = labels.find((l) => l.name === 'linucb')!;
    const [lx, ly] = [Number(svg.querySelectorAll('circle')[2].getAttribute('cx')), Number(svg.querySelectorAll('circle')[2].getAttribute('cy'))];
    expect(Math.min(Math.abs(linucb.l - lx), Math.abs(linucb.r - lx))).toBeLessThan(15);
    expect(Math.abs((linucb.t + linucb.b) / 2 - ly)).toBeLessThan(20);
  });
});
