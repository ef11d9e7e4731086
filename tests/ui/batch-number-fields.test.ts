/**
 * Batch's number fields: an emptied seed ran seed 0 (bind:value holds null, and the request
 * turned null into 0) without a word. Now an emptied, fractional or out-of-range number is
 * said beside its field, Run is disabled, and nothing reaches the runner.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import { BatchState } from '../../src/ui/batch/batch-state.svelte';
import type { BatchRequest } from '../../src/worker/protocol';

afterEach(() => cleanup());

describe('Batch number fields', () => {
  it('an emptied seed is refused beside the field and Run is disabled; a valid seed runs that seed', async () => {
    const sent: BatchRequest[] = [];
    render(BatchView, { runner: async (req: BatchRequest) => (sent.push(req), Promise.reject(new Error('stop here'))) });
    const seed = screen.getByTestId('batch-seed') as HTMLInputElement;
    const run = screen.getByTestId('batch-run') as HTMLButtonElement;
    await fireEvent.input(seed, { target: { value: '' } });
    expect(screen.getByTestId('batch-seed-problem').textContent).toBe('Seed: enter a whole number from 0 to 4294967295.');
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(seed.getAttribute('aria-describedby')).toBe('batch-seed-problem');
    expect(run.disabled).toBe(true);
    await fireEvent.submit(run.form!);
    expect(sent).toHaveLength(0);

    expect(screen.getByRole('alert').textContent).toBe('Seed: enter a whole number from 0 to 4294967295.');

    await fireEvent.input(seed, { target: { value: '12' } });
    expect(screen.queryByTestId('batch-seed-problem')).toBeNull();
    // The sentence under the form went with the field's own (it stayed until the next Run).
    expect(screen.queryByRole('alert')).toBeNull();
    expect(run.disabled).toBe(false);
    await fireEvent.click(run);
    await screen.findByRole('alert');
    expect(sent.map((r) => r.run.seed)).toEqual([12]);
  });

  it('the results line names the seed, turns and list size the run used', async () => {
    const runner = async (req: BatchRequest) => ({ request: req, rows: [], summary: [], stopped: false, elapsedMs: 1200 }) as never;
    render(BatchView, { runner });
    await fireEvent.input(screen.getByTestId('batch-seed'), { target: { value: '4242' } });
    await fireEvent.input(screen.getByTestId('batch-turns'), { target: { value: '9' } });
    await fireEvent.click(screen.getByTestId('batch-run'));
    expect((await screen.findByTestId('batch-done')).textContent?.trim()).toBe('Done: 0 sessions in 1.2 s (seed 4242, up to 9 turns of 5 items).');
  });

  it('the state refuses fractional and out-of-range numbers, naming the field', async () => {
    const cases: [Partial<Record<'users' | 'seed' | 'maxTurns' | 'listSize', number | null>>, RegExp][] = [
      [{ seed: null }, /^Seed: /],
      [{ seed: -1 }, /^Seed: /],
      [{ seed: 4_294_967_296 }, /^Seed: /],
      [{ seed: 1.5 }, /^Seed: /],
      [{ users: null }, /^Users: enter a whole number from 1 to 10000/],
      [{ maxTurns: 0 }, /^Turns: /],
      [{ listSize: 101 }, /^List size: enter a whole number from 1 to 100/],
    ];
    for (const [patch, why] of cases) {
      const b = new BatchState(() => Promise.reject(new Error('must not run')));
      Object.assign(b, patch);
      await b.run();
      expect(b.error, JSON.stringify(patch)).toMatch(why);
      expect(b.running).toBe(false);
    }
  });

  it('on a dataset, more users than it holds is said before Run (the worker refused it after)', async () => {
    const dataset = { catalog: { id: 'ml-latest' }, users: [{}, {}, {}] } as never;
    const b = new BatchState(() => Promise.reject(new Error('must not run')), { datasetFor: () => dataset });
    b.catalog = 'ml-latest';
    b.users = 4;
    expect(b.maxUsers).toBe(3);
    await b.run();
    expect(b.error).toBe('Users: enter a whole number from 1 to 3.');
    b.catalog = 'shortvideo';
    expect(b.problems.users).toBeNull();
  });
});

describe("Batch starts from the app's run", () => {
  it("takes a share link's seed, turns, list size and instructions (it took only the catalog)", async () => {
    const { SettingsState } = await import('../../src/ui/state/settings.svelte');
    const settings = new SettingsState('?seed=9&turns=3&k=4&instr=0');
    expect(settings.value).toMatchObject({ seed: 9, turns: 3, listSize: 4, instructions: false });
    const sent: BatchRequest[] = [];
    render(BatchView, { runner: async (req: BatchRequest) => (sent.push(req), Promise.reject(new Error('stop here'))), settings });
    expect((screen.getByTestId('batch-seed') as HTMLInputElement).value).toBe('9');
    expect((screen.getByTestId('batch-turns') as HTMLInputElement).value).toBe('3');
    expect((screen.getByTestId('batch-list-size') as HTMLInputElement).value).toBe('4');
    expect((screen.getByTestId('batch-instructions') as HTMLInputElement).checked).toBe(false);
    const run = screen.getByTestId('batch-run') as HTMLButtonElement;
    await fireEvent.submit(run.form!);
    await screen.findByText(/stop here/);
    expect(sent).toHaveLength(1);
    expect(sent[0].run).toMatchObject({ seed: 9, turns: 3, listSize: 4, instructions: false });
  });
});
