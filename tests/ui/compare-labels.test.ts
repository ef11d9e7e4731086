/**
 * Compare: the result tables name what was run, not what the menus say now (changing a
 * menu after a run must not relabel its figures), and the many-seeds count is a whole
 * number within the field's range. Leaving Compare and coming back finds its runs where they
 * were (still going, or finished), as Batch and the leaderboard do: the view was rebuilt empty.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CompareView from '../../src/ui/compare/CompareView.svelte';
import { seedCount } from '../../src/ui/compare/many-seeds';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => cleanup());

const head = (testid: string) => (screen.getByTestId(testid).querySelector('thead')?.textContent ?? '').replace(/\s+/g, ' ');

describe('compare labels', () => {
  it('keeps the run’s recommenders and seed on its tables after the menus change', async () => {
    const settings = new SettingsState('view=compare&turns=1&k=2&speed=16&seed=7');
    render(CompareView, { settings, data: new DataStore() });
    await fireEvent.click(screen.getByTestId('compare-run'));
    await waitFor(() => expect(screen.getByTestId('compare-diff')).toBeTruthy(), { timeout: 20_000 });
    expect(head('compare-diff')).toContain('A · content + follows instructions');
    expect(head('compare-diff')).toContain('B · popular + follows instructions');

    await fireEvent.change(screen.getByTestId('compare-rec-a'), { target: { value: 'random' } });
    await fireEvent.click(screen.getByTestId('compare-follow-b'));
    settings.set({ seed: 99 });
    await Promise.resolve();
    expect(settings.value.rec).toBe('random');
    expect(head('compare-diff')).toContain('A · content + follows instructions');
    expect(head('compare-diff')).toContain('B · popular + follows instructions');
    expect(screen.getByTestId('compare-diff').querySelector('caption')?.textContent).toContain('seed 7');

    // Many seeds (2.4 is refused beside the field, many-seeds-cancel.test.ts); its table keeps the names it ran with.
    await fireEvent.input(screen.getByTestId('compare-seeds-n'), { target: { value: '2' } });
    await fireEvent.click(screen.getByTestId('compare-seeds-run'));
    await waitFor(() => expect(screen.getByTestId('compare-seeds')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getByTestId('compare-seeds').querySelector('caption')?.textContent).toMatch(/^\s*2 seeds \(99–100\)/);
    expect(head('compare-seeds')).toContain('A · random + follows instructions');
    expect(head('compare-seeds')).toContain('B · popular');
    await fireEvent.change(screen.getByTestId('compare-rec-b'), { target: { value: 'trending' } });
    await Promise.resolve();
    expect(head('compare-seeds')).toContain('B · popular');
    expect(head('compare-seeds')).not.toContain('trending');
  });

  it('bounds the number of seeds to whole numbers in 2..200', () => {
    expect(seedCount(2.4)).toBe(2);
    expect(seedCount(2.6)).toBe(3);
    expect(seedCount(100_000)).toBe(200);
    expect(seedCount(1)).toBe(2);
    expect(seedCount(Number.NaN)).toBe(2);
  });
});

describe('compare kept across visits', () => {
  it('finds "Run both" and many seeds, started and left mid-run, going on and finished on coming back', async () => {
    const settings = new SettingsState('view=compare&turns=1&k=2&speed=1&seed=31');
    const data = new DataStore();
    const first = render(CompareView, { settings, data });
    await fireEvent.click(screen.getByTestId('compare-run'));
    expect((screen.getByTestId('compare-run') as HTMLButtonElement).disabled).toBe(true);
    first.unmount(); // to Live and back, mid-run
    render(CompareView, { settings, data });
    // Still running on coming back (Run both held), then its table, with the seed it ran.
    expect((screen.getByTestId('compare-run') as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId('compare-diff').querySelector('caption')?.textContent).toContain('seed 31'), { timeout: 20_000 });
    cleanup();

    render(CompareView, { settings, data });
    await fireEvent.input(screen.getByTestId('compare-seeds-n'), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('compare-seeds-run'));
    cleanup();
    render(CompareView, { settings, data });
    expect(screen.getByTestId('compare-diff')).toBeTruthy();
    expect((screen.getByTestId('compare-seeds-n') as HTMLInputElement).value).toBe('3');
    await waitFor(() => expect(screen.getByTestId('compare-seeds').querySelector('caption')?.textContent).toMatch(/^\s*3 seeds \(31–33\)/), { timeout: 20_000 });
  });
});
