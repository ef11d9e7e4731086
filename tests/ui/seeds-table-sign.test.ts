/**
 * The many-seeds table writes a negative watch time like every other negative figure, with
 * the minus sign: the watch-time interval read "−188 s [-200 s, -175 s]" (hyphens), the
 * other rows "−1.7 [−3.1, −0.2]".
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SeedsTable from '../../src/ui/compare/SeedsTable.svelte';
import { summariseSeeds } from '../../src/ui/compare/many-seeds';
import { trajectory } from './fixtures';

afterEach(() => cleanup());

const m = (watchSec: number, likes: number) => ({ ...trajectory().metrics, watchSec, likes });

describe('many-seeds table signs', () => {
  it('uses the minus sign in every figure, watch time included', () => {
    const rows = summariseSeeds([
      { a: m(300, 3), b: m(100, 1) },
      { a: m(320, 4), b: m(110, 1) },
      { a: m(310, 2), b: m(95, 1) },
    ]);
    render(SeedsTable, { rows, seeds: [7, 8, 9], nameA: 'A', nameB: 'B' });
    const watch = [...screen.getByTestId('compare-seeds').querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes('watch time'))!;
    const diff = watch.querySelectorAll('td')[2].textContent!;
    expect(diff).toMatch(/^−\d+ s \[−\d+ s, −\d+ s\]$/);
    expect(screen.getByTestId('compare-seeds').textContent).not.toMatch(/-\d/);
  });
});
