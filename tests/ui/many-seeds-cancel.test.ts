/**
 * Many seeds cancelled after one seed: one pair has no interval, so nothing is called
 * better or worse (a zero-width [x, x] "interval" excluded 0 and the table said "B worse"),
 * and the view says it needs at least two seeds instead of showing such a table.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CompareView from '../../src/ui/compare/CompareView.svelte';
import { summariseSeeds } from '../../src/ui/compare/many-seeds';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { trajectory } from './fixtures';

afterEach(() => cleanup());

const metrics = (watchSec: number) => ({ ...trajectory().metrics, watchSec });

describe('many seeds with too few seeds', () => {
  it('calls nothing better or worse from one pair', () => {
    const rows = summariseSeeds([{ a: metrics(100), b: metrics(300) }]);
    expect(rows.find((r) => r.label === 'watch time')!.diff.mean).toBe(200);
    expect(rows.every((r) => r.verdict === 'unclear')).toBe(true);
  });

  it('says a fractional or out-of-range seeds count beside the field instead of rounding it', async () => {
    const settings = new SettingsState('view=compare&turns=1&k=2&speed=16&seed=7');
    render(CompareView, { settings, data: new DataStore() });
    const run = screen.getByTestId('compare-seeds-run') as HTMLButtonElement;
    for (const v of ['2.5', '500', '1', '']) {
      await fireEvent.input(screen.getByTestId('compare-seeds-n'), { target: { value: v } });
      expect(screen.getByTestId('compare-seeds-n-problem').textContent).toBe('Seeds: enter a whole number from 2 to 200.');
      expect(run.disabled).toBe(true);
    }
    await fireEvent.input(screen.getByTestId('compare-seeds-n'), { target: { value: '3' } });
    expect(screen.queryByTestId('compare-seeds-n-problem')).toBeNull();
    expect(run.disabled).toBe(false);
  });

  it('says a cancel after one seed leaves no interval, rather than showing a table', async () => {
    const settings = new SettingsState('view=compare&turns=1&k=2&speed=16&seed=7');
    render(CompareView, { settings, data: new DataStore() });
    await fireEvent.input(screen.getByTestId('compare-seeds-n'), { target: { value: '50' } });
    await fireEvent.click(screen.getByTestId('compare-seeds-run'));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const alert = await waitFor(() => screen.getByText(/Many seeds stopped/), { timeout: 20_000 });
    expect(alert.textContent).toMatch(/after 1 seed.*at least 2/);
    expect(screen.queryByTestId('compare-seeds')).toBeNull();
  });
});
