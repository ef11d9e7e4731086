/**
 * The Train view with the real trainer in-process (the worker's handlers): start, live
 * curve points, pause, resume, reset; the same seed gives the same points; saved policies
 * round-trip through IndexedDB (fake-indexeddb here; the worker path runs in Chromium).
 */
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import TrainView from '../../src/ui/train/TrainView.svelte';
import { PolicyStore, readPolicyFile } from '../../src/ui/train/policy-store';
import { inProcessTrainRunner } from './train-runner';
import { TrainState, type TrainRunner } from '../../src/ui/train/train-state.svelte';
import { pretrainedPolicy } from '../../src/core/rl/rl-recommender';

const inProcess = inProcessTrainRunner;

describe('Train view', () => {
  it('trains live: start adds curve points, pause stops, reset clears', { timeout: 60_000 }, async () => {
    const runner = inProcess();
    render(TrainView, { props: { runner } });
    const evalEvery = screen.getByLabelText(/Evaluate every/) as HTMLInputElement;
    await fireEvent.input(evalEvery, { target: { value: '4' } });
    const users = screen.getByLabelText(/Held-out users/) as HTMLInputElement;
    await fireEvent.input(users, { target: { value: '5' } });
    await fireEvent.click(screen.getByTestId('train-start'));
    await waitFor(() => expect(screen.getByTestId('train-status').textContent).toMatch(/Episode (1[2-9]|[2-9]\d|\d{3})/), { timeout: 40_000 });
    await fireEvent.click(screen.getByTestId('train-pause'));
    await waitFor(() => expect(screen.getByTestId('train-status').textContent).toMatch(/paused/), { timeout: 20_000 });
    expect(screen.getByTestId('curve-retention').querySelectorAll('circle').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByTestId('curve-session').textContent).toMatch(/episodes/);
    // The NDCG-versus-retention chart: the policy's point beside the three baselines.
    const nr = screen.getByTestId('ndcg-retention');
    for (const name of ['popular', 'random', 'linucb', 'rl-policy']) expect(nr.textContent).toContain(name);
    expect(nr.querySelector('svg')!.getAttribute('aria-label')).toMatch(/rl-policy at NDCG 0\.\d{3}, retention 0\.\d\d/);
    await fireEvent.click(screen.getByTestId('train-reset'));
    await waitFor(() => expect(screen.getByTestId('curve-retention').querySelectorAll('circle').length).toBe(0));
  });

  it('the same seed gives the same curve (state with the in-process trainer)', { timeout: 60_000 }, async () => {
    const curve = async () => {
      const t = new TrainState(inProcess(), () => new Promise((r) => setTimeout(r, 0)));
      t.evalEvery = 4;
      t.evalUsers = 5;
      t.speed = 'slow';
      await t.start();
      for (let i = 0; t.episode < 8 && i < 1500 && !t.error; i++) await new Promise((r) => setTimeout(r, 20));
      expect(t.error).toBeNull();
      await t.pause();
      return t.points.slice(0, 3);
    };
    const a = await curve();
    expect(a.map((p) => p.episode)).toEqual([0, 4, 8]);
    expect(await curve()).toEqual(a);
  });

  it('saves, lists and removes policies; refuses a malformed file', async () => {
    const store = new PolicyStore(`test-policies-${Date.now()}`);
    const id = await store.save('shipped', pretrainedPolicy(), 1000);
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, name: 'shipped', savedAt: 1000 });
    expect(list[0].policy.theta).toEqual(pretrainedPolicy().theta);
    await expect(store.save('bad', { ...pretrainedPolicy(), theta: [1] }, 1)).rejects.toThrow(/theta/);
    expect(await store.list()).toHaveLength(1);
    await store.remove(id);
    expect(await store.list()).toHaveLength(0);
    expect(() => readPolicyFile('{oops')).toThrow(/not valid JSON/);
    expect(readPolicyFile(JSON.stringify(pretrainedPolicy())).theta).toEqual(pretrainedPolicy().theta);
    store.close();
  });

  // An emptied field read "every null episodes"; and the fields fixed for a training (disabled
  // once it starts) gave no reason.
  it('says the evaluation plainly with an emptied field, and why the fields are fixed once training started', async () => {
    // A trainer that starts at once and whose first chunk never ends: the view stays "training".
    const runner: TrainRunner = {
      start: async () => ({ episode: 0, points: [], theta: [], baselines: [] }),
      run: () => new Promise(() => undefined),
      close: () => undefined,
    };
    const view = within(render(TrainView, { props: { runner } }).container);
    const intro = () => view.getByText(/Curves show the policy/).textContent!;
    expect(intro()).toContain('on 30 held-out users (never trained on) every 40 episodes');
    await fireEvent.input(view.getByLabelText(/Evaluate every/), { target: { value: '' } });
    await fireEvent.input(view.getByLabelText(/Held-out users/), { target: { value: '' } });
    expect(intro()).not.toMatch(/null|undefined|NaN/);
    expect(intro()).toContain('on the held-out users (never trained on) every few episodes (Evaluate every, below)');
    expect(view.queryByTestId('train-fixed')).toBeNull();
    await fireEvent.input(view.getByLabelText(/Evaluate every/), { target: { value: '8' } });
    await fireEvent.input(view.getByLabelText(/Held-out users/), { target: { value: '5' } });
    await fireEvent.click(view.getByTestId('train-start'));
    await waitFor(() => expect(view.getByTestId('train-status').textContent).toMatch(/training/));
    expect((view.getByLabelText(/Evaluate every/) as HTMLInputElement).disabled).toBe(true);
    expect((view.getByLabelText(/Held-out users/) as HTMLInputElement).disabled).toBe(true);
    expect(view.getByTestId('train-fixed').textContent).toBe('Seed, Reward, Evaluate every and Held-out users are fixed for this training: Reset to change them (Speed changes at any time).');
  });
});
