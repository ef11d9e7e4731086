/** Batch results from one session per recommender claim no interval (they showed [x, x], a certainty one session cannot give). */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ResultsTable from '../../src/ui/batch/ResultsTable.svelte';
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
