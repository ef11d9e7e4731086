/**
 * The Train view's numbers and policy buttons, as a careless user meets them: a cleared or
 * out-of-range field is refused with a sentence (it used to start a run with null, which
 * never drew a curve point and threw on the progress bar), "Export current" before any
 * training says why nothing downloads, and a failed import does not leave the previous
 * "Loaded ..." line beside its error.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TrainView from '../../src/ui/train/TrainView.svelte';
import { inProcessTrainRunner } from './train-runner';
import { TrainState, type TrainRunner } from '../../src/ui/train/train-state.svelte';
import { pretrainedPolicy } from '../../src/core/rl/rl-recommender';

const inProcess = inProcessTrainRunner;

describe('Train view inputs', () => {
  afterEach(() => cleanup());

  it('refuses an emptied, fractional or out-of-range number before starting, naming the field', async () => {
    const cases: [Partial<Record<'seed' | 'evalEvery' | 'evalUsers', number | null>>, RegExp][] = [
      [{ evalEvery: null }, /^Evaluate every: enter a whole number/],
      [{ evalUsers: null }, /^Held-out users: enter a whole number from 5 to 500/],
      [{ seed: null }, /^Seed: enter a whole number from 0 to 4294967295/],
      [{ seed: 1.5 }, /^Seed/],
      [{ evalEvery: 0 }, /^Evaluate every/],
      [{ evalUsers: 100_000 }, /^Held-out users/],
    ];
    for (const [patch, why] of cases) {
      const t = new TrainState(inProcess());
      Object.assign(t, patch);
      await t.start();
      expect(t.error, JSON.stringify(patch)).toMatch(why);
      expect(t.started).toBe(false);
      expect(t.running).toBe(false);
    }
  });

  it('in the view: a cleared field shows the reason and nothing starts', async () => {
    render(TrainView, { props: { runner: inProcess() } });
    await fireEvent.input(screen.getByLabelText(/Evaluate every/), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('train-start'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Evaluate every: enter a whole number/));
    expect(screen.getByTestId('train-status').textContent).not.toMatch(/training/);
    // Fixed, the field's sentence goes (it stayed under a form with nothing wrong until the next Start).
    await fireEvent.input(screen.getByLabelText(/Evaluate every/), { target: { value: '40' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a bad number is said beside its field as typed (aria-invalid), and Start focuses the first bad field', async () => {
    render(TrainView, { props: { runner: inProcess() } });
    const every = screen.getByLabelText(/Evaluate every/) as HTMLInputElement;
    const users = screen.getByLabelText(/Held-out users/) as HTMLInputElement;
    await fireEvent.input(users, { target: { value: '3' } });
    // Said as typed, before any Start: beside the field, which is marked invalid and described by it.
    expect(users.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(users.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Held-out users: enter a whole number from 5 to 500/);
    expect(every.getAttribute('aria-invalid')).toBeNull();
    await fireEvent.input(every, { target: { value: '' } });
    expect(every.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(every.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Evaluate every: enter a whole number/);
    const start = screen.getByTestId('train-start') as HTMLButtonElement;
    start.focus();
    await fireEvent.click(start);
    // Refused, with focus on the first bad field (in the form's order), not on the button.
    await waitFor(() => expect(document.activeElement).toBe(every));
    expect(screen.getByTestId('train-status').textContent).not.toMatch(/training/);
    await fireEvent.input(every, { target: { value: '40' } });
    expect(every.getAttribute('aria-invalid')).toBeNull();
    expect(users.getAttribute('aria-invalid')).toBe('true');
  });

  it('Export current before training says why; a failed import clears the previous "Loaded" line', async () => {
    render(TrainView, { props: { runner: inProcess() } });
    await fireEvent.click(screen.getByTestId('policy-export'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Nothing to export yet/));
    const input = screen.getByTestId('policy-import') as HTMLInputElement;
    const pick = async (name: string, text: string) => {
      Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
      await fireEvent.change(input);
    };
    await pick('good.json', JSON.stringify(pretrainedPolicy()));
    await waitFor(() => expect(document.body.textContent).toMatch(/Loaded good\.json/));
    await pick('bad.json', '{oops');
    await waitFor(() => expect(document.body.textContent).toMatch(/Policy file is not valid JSON/));
    expect(document.body.textContent).not.toMatch(/Loaded good\.json/);
  });

  it('a policy file over the limit is refused by its size, before it is read', async () => {
    render(TrainView, { props: { runner: inProcess() } });
    const input = screen.getByTestId('policy-import') as HTMLInputElement;
    const big = new File(['x'.repeat(1_000_001)], 'huge.json', { type: 'application/json' });
    let read = 0;
    // Counts reads only; the file is real. A multi-GB file picked by mistake was read whole first.
    const text = big.text.bind(big);
    Object.defineProperty(big, 'text', { value: () => (read++, text()) });
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    await fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Policy file is 1\.0 MB, larger than 1000000 bytes/));
    expect(read).toBe(0);
  });

  it('the policy it starts from is named with a hidden direction control flagged, not applied (a file name holding a U+202E read reversed)', async () => {
    render(TrainView, { props: { runner: inProcess() } });
    const input = screen.getByTestId('policy-import') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(pretrainedPolicy())], 'rl\u202Enosj.exe', { type: 'application/json' })], configurable: true });
    await fireEvent.change(input);
    const line = await screen.findByText(/^Starting from the policy/);
    expect(line.textContent).toBe('Starting from the policy "rlU+202Enosj.exe".');
  });
});

