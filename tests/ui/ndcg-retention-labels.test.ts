/**
 * The Train view's NDCG-versus-retention chart: baseline labels whose points sit close
 * together are stacked a full line apart (popular and random, 0.04 apart in retention,
 * used to print over each other).
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import NdcgRetentionChart from '../../src/ui/train/NdcgRetentionChart.svelte';

describe('NDCG versus retention labels', () => {
  afterEach(() => cleanup());

  it('stacks the labels of close points at least a line apart; far ones stay by their point', () => {
    const baselines = [
      { name: 'random', ndcg: 0.014, retention: 0.32 },
      { name: 'popular', ndcg: 0.01, retention: 0.36 },
      { name: 'linucb', ndcg: 0.25, retention: 0.8 },
    ];
    render(NdcgRetentionChart, { points: [], baselines });
    const svg = screen.getByTestId('ndcg-retention').querySelector('svg')!;
    const at = (name: string) => {
      const t = Array.from(svg.querySelectorAll('text')).find((e) => e.textContent === name)!;
      return { x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')) };
    };
    const r = at('random');
    const p = at('popular');
    expect(Math.abs(r.x - p.x)).toBeLessThan(50);
    expect(Math.abs(r.y - p.y)).toBeGreaterThanOrEqual(13);
    const circle = svg.querySelectorAll('circle');
    expect(circle.length).toBeGreaterThanOrEqual(3);
    // linucb is far from both: its label stays just above its point.
    const l = at('linucb');
    expect(Math.abs(l.y - r.y)).toBeGreaterThan(13);
  });
});
