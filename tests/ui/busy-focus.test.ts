/**
 * Keyboard focus through long work: the button pressed is disabled while its work runs, and
 * focus on a disabled button falls to <body> in a browser (the next Tab starts at the top of
 * the page). Focus goes to Cancel / Pause while it runs and back when it ends. jsdom keeps
 * focus on a disabled button, so the tests check where focus is, not that it was lost.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BatchView from '../../src/ui/batch/BatchView.svelte';
import TrainView from '../../src/ui/train/TrainView.svelte';
import FidelityView from '../../src/ui/fidelity/FidelityView.svelte';
import type { FidelityRunner } from '../../src/ui/fidelity/fidelity-state.svelte';
import type { DataStore } from '../../src/ui/state/data.svelte';
import { runBatchRequest } from '../../src/worker/batch-run';
import { inProcessTrainRunner } from './train-runner';

afterEach(() => cleanup());

describe('focus through long work', () => {
  it('Batch: Run hands focus to Cancel while it runs and takes it back at the end', { timeout: 30_000 }, async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    render(BatchView, { runner: async (req, opts) => { const out = await runBatchRequest(req, opts); await held; return out; } });
    await fireEvent.input(screen.getByTestId('batch-users'), { target: { value: '2' } });
    const run = screen.getByTestId('batch-run') as HTMLButtonElement;
    const cancel = screen.getByTestId('batch-cancel') as HTMLButtonElement;
    run.focus();
    await fireEvent.click(run);
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(run.disabled).toBe(true);
    release();
    await screen.findByTestId('batch-done', {}, { timeout: 20_000 });
    await waitFor(() => expect(document.activeElement).toBe(run));
  });

  it('Batch: focus the user put in a field stays there', { timeout: 30_000 }, async () => {
    render(BatchView, { runner: runBatchRequest });
    const users = screen.getByTestId('batch-users') as HTMLInputElement;
    await fireEvent.input(users, { target: { value: '2' } });
    users.focus();
    await fireEvent.submit(users.form!);
    await screen.findByTestId('batch-done', {}, { timeout: 20_000 });
    expect(document.activeElement).toBe(users);
  });

  it('Train: Start hands focus to Pause, Pause to Resume, Reset to Start', { timeout: 60_000 }, async () => {
    render(TrainView, { props: { runner: inProcessTrainRunner() } });
    await fireEvent.input(screen.getByLabelText(/Evaluate every/), { target: { value: '4' } });
    await fireEvent.input(screen.getByLabelText(/Held-out users/), { target: { value: '5' } });
    const start = screen.getByTestId('train-start') as HTMLButtonElement;
    const pause = screen.getByTestId('train-pause') as HTMLButtonElement;
    const reset = screen.getByTestId('train-reset') as HTMLButtonElement;
    start.focus();
    await fireEvent.click(start);
    // The seconds before the first episode said nothing ("Episode 0" beside a disabled Start).
    expect(screen.getByTestId('train-status').textContent).toMatch(/Episode 0 · starting: evaluating popular, random and linucb/);
    await waitFor(() => expect(document.activeElement).toBe(pause), { timeout: 30_000 });
    await fireEvent.click(pause);
    await waitFor(() => expect(document.activeElement).toBe(start), { timeout: 30_000 });
    expect(start.textContent).toBe('Resume');
    reset.focus();
    await fireEvent.click(reset);
    await waitFor(() => expect(document.activeElement).toBe(start), { timeout: 30_000 });
    expect(start.textContent).toBe('Start');
  });
});

describe('focus through a Fidelity run', () => {
  it('Run hands focus to Cancel while it runs and takes it back when it ends (it fell to the page)', async () => {
    let fail!: (e: Error) => void;
    const runner: FidelityRunner = () => new Promise((_, reject) => (fail = reject));
    const data = { imported: { ml: { catalog: { id: 'ml', name: 'ml', items: [] }, users: [{ id: 'u1' }] } } } as unknown as DataStore;
    render(FidelityView, { data, runner });
    const run = screen.getByTestId('fidelity-run') as HTMLButtonElement;
    run.focus();
    await fireEvent.click(run);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('fidelity-cancel')));
    expect(run.disabled).toBe(true);
    fail(new Error('server gone'));
    await screen.findByTestId('fidelity-error');
    await waitFor(() => expect(document.activeElement).toBe(run));
  });
});

describe('focus hand-back after the page is gone', () => {
  it('ends quietly when the work finishes after the global document is gone (a closed page, a torn-down test DOM)', async () => {
    const { followWork } = await import('../../src/ui/shell/busy-focus');
    const start = document.createElement('button');
    document.body.append(start);
    start.focus();
    let finish!: () => void;
    const work = new Promise<void>((r) => (finish = r));
    const followed = followWork(start, () => null, work);
    // As after a test file's environment is torn down: the global document is no more.
    // (CI once failed on the unhandled "document is not defined" this threw.)
    vi.stubGlobal('document', undefined);
    try {
      finish();
      await expect(followed).resolves.toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
    start.remove();
  });

  it('ends quietly when neither the button nor a global document is left', async () => {
    const { handFocus } = await import('../../src/ui/shell/busy-focus');
    vi.stubGlobal('document', undefined);
    try {
      await expect(handFocus(null, () => null)).resolves.toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
