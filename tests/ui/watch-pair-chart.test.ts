/**
 * The leaderboard's watch-time chart: a few short names sit level under their bars; the
 * full benchmark's nine names would run into each other ("linucbembedding") and off the
 * edge, so they are tilted and the chart grows to make room.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import WatchPairChart from '../../src/ui/leaderboard/WatchPairChart.svelte';
import type { LeaderboardResult } from '../../src/core/eval/leaderboard';
import { fixtureResult } from '../core/eval/leaderboard-fixture';

const BASES = ['random', 'popular', 'trending', 'content', 'item-knn', 'mf-bpr', 'linucb', 'embedding', 'rl-policy'];

function withBases(bases: string[]): LeaderboardResult {
  const [plain, follow] = fixtureResult.rows;
  return {
    ...fixtureResult,
    bases,
    rows: bases.flatMap((b) => [{ ...plain, recommender: b, base: b }, { ...follow, recommender: `${b}+follow`, base: b }]),
  };
}

/** The SVG's x-axis labels (the texts that name a base). */
function labels(bases: string[]): SVGTextElement[] {
  const svg = screen.getByTestId('chart-watch-pairs').querySelector('svg')!;
  return Array.from(svg.querySelectorAll('text')).filter((t) => bases.includes(t.textContent ?? ''));
}

describe('watch pair chart labels', () => {
  afterEach(() => cleanup());

  it('keeps two short names level', () => {
    render(WatchPairChart, { result: withBases(['random', 'popular']) });
    const ls = labels(['random', 'popular']);
    expect(ls).toHaveLength(2);
    for (const l of ls) expect(l.getAttribute('transform')).toBeNull();
    expect(screen.getByTestId('chart-watch-pairs').querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 520 260');
  });

  it('tilts the nine benchmark names and makes room below', () => {
    render(WatchPairChart, { result: withBases(BASES) });
    const ls = labels(BASES);
    expect(ls).toHaveLength(9);
    for (const l of ls) {
      expect(l.getAttribute('transform')).toMatch(/^rotate\(-35 /);
      expect(l.getAttribute('text-anchor')).toBe('end');
    }
    const [, , , h] = (screen.getByTestId('chart-watch-pairs').querySelector('svg')!.getAttribute('viewBox') ?? '').split(' ').map(Number);
    expect(h).toBeGreaterThan(260);
  });
});
