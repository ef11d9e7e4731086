/**
 * The creator lab's comparison table: a difference is called clear only when its 95%
 * interval excludes zero, and one replicate has no interval (its bounds equal its mean,
 * which coloured a one-replicate difference as if it were clear).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import ComparePanel from '../../src/ui/creator/ComparePanel.svelte';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState } from '../../src/ui/creator/creator-state.svelte';
import { parseExperiment, runExperiment, prepareExperiment } from '../../src/core/creator';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';

afterEach(() => cleanup());

describe('Creator lab comparison', () => {
  it('one replicate: no interval, no difference called clear', async () => {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const post = { title: 'Hauling lobster traps at sunrise', topic: 'fishing' };
    const exp = { users: 300, followers: 60, replicates: 1, strategies: [{ post, schedule: 'once' }, { post, schedule: 'three-a-day' }] };
    const result = runExperiment(await prepareExperiment(parseExperiment(exp), { catalog, personas }));
    expect(result.difference!['1w'].views.n).toBe(1);
    expect(result.difference!['1w'].views.mean).not.toBe(0); // three posts reach more people than one
    render(ComparePanel, { result, metric: 'views' });
    const rows = screen.getByTestId('compare-table').querySelectorAll('tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.querySelectorAll('td')[3].textContent).toBe('none (one replicate)');
      expect(row.querySelector('.up, .down')).toBeNull();
    }
    cleanup();
    // The headline said "95% interval 412 .. 412" for it.
    const c = new CreatorState(() => ({ calls: [], close() {} }));
    c.result = result;
    render(CreatorView, { props: { data: { catalog: null, use: async () => undefined } as never, c } });
    expect(screen.getByTestId('creator-done').textContent).toMatch(/One-week views of A: mean [\d.]+ \(one replicate: no interval\)/);
  });

  it('"Compare with a variant" on a catalog item is said beside it and Run waits (it ran A alone under a form comparing two)', async () => {
    const c = new CreatorState(() => ({ calls: [], close() {} }));
    render(CreatorView, { props: { data: { catalog: null, use: async () => undefined } as never, c } });
    await fireEvent.change(screen.getByTestId('creator-compare'), { target: { value: 'variant' } });
    expect(c.compare).toBe('variant');
    expect((c.experiment().strategies as unknown[]).length).toBe(2);
    await fireEvent.click(screen.getByTestId('creator-source-item'));
    c.itemId = 'sv-0100';
    // The select still read "a variant of the post", Title B and Length B still showed, and Run ran one strategy.
    expect(screen.getByTestId('creator-compare-problem').textContent).toMatch(/variant.*composed post/);
    expect(screen.getByTestId('creator-compare').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('creator-run') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('creator-compare'), { target: { value: 'schedule' } });
    expect(screen.queryByTestId('creator-compare-problem')).toBeNull();
    expect((c.experiment().strategies as unknown[]).length).toBe(2);
  });
});

