/** Batch results from one session per recommender claim no interval (they showed [x, x], a certainty one session cannot give). */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ResultsTable from '../../src/ui/batch/ResultsTable.svelte';
import EndReasonChart from '../../src/ui/batch/EndReasonChart.svelte';
import { runBatchRequest } from '../../src/worker/batch-run';

afterEach(() => cleanup());

describe('batch results of one session', () => {
  it('show the mean and say there is no interval', async () => {
    const out = await runBatchRequest({ run: { users: { kind: 'population', size: 1 }, seed: 5, turns: 2, listSize: 3, instructions: true }, recommenders: ['popular'] });
    render(ResultsTable, { summary: out.summary });
    const row = screen.getByTestId('batch-result-row').textContent ?? '';
    const watch = out.summary[0].watchSec.mean.toFixed(1);
    expect(row).toContain(watch);
    expect(row).not.toContain(`[${watch}, ${watch}]`);
    expect(row).toMatch(/no interval/);
  });
});

describe('how sessions ended, for a screen reader', () => {
  it('names the end reasons in words, as the legend and tooltips do (it read the codes: "left_silent 50%")', () => {
    const ci = { mean: 1, lo: 1, hi: 1, n: 2 };
    const summary = [{ recommender: 'popular', sessions: 4, watchSec: ci, turns: ci, itemsViewed: ci, returnProbability: ci, endReasons: { left_silent: 2, turn_limit: 2 }, errors: 0 }];
    render(EndReasonChart, { summary });
    const label = screen.getByRole('img').getAttribute('aria-label') ?? '';
    expect(label).toBe('How sessions ended for popular: the user left without saying what they wanted 50%, the turn limit was reached 50%');
  });
});
