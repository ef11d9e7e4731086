/**
 * Human mode, found by exploratory QA: the watch button says the seconds that will be
 * recorded (an emptied, negative or too large number field said "watch s", "watch -5s",
 * "watch 99999s"), and refuses 0 s (it recorded "watch 0s" as a watch), and Step (N) while a person plays lets one item through and then holds
 * (the status said "paused" while the session went on asking); a session stopped by New run
 * or Restart asks the person nothing more (it asked for an instruction inside the new run).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HumanControls from '../../src/ui/human/HumanControls.svelte';
import { HumanInput } from '../../src/ui/human/human-input.svelte';
import type { HumanChoice } from '../../src/ui/human/human-simulator';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';
import { item } from './fixtures';

afterEach(() => cleanup());

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  await vi.waitFor(() => {
    if (!cond()) throw new Error('condition not met');
  }, { timeout: ms, interval: 20 });
}

describe('human controls', () => {
  it('label the seconds that will be recorded, clamped to the item', async () => {
    const input = new HumanInput();
    const choices: HumanChoice[] = [];
    input.decide = (c) => void choices.push(c);
    render(HumanControls, { input, item: item('a', { durationSec: 60 }) });
    const secs = screen.getByTestId('human-watch-seconds');
    const button = screen.getByTestId('human-watch') as HTMLButtonElement;
    const label = () => button.textContent?.trim();
    for (const [typed, shown] of [['99999', 'watch 60s'], ['12.4', 'watch 12s']] as const) {
      await fireEvent.input(secs, { target: { value: typed } });
      expect(label()).toBe(shown);
      expect(button.disabled).toBe(false);
      expect(screen.queryByTestId('human-watch-problem')).toBeNull();
    }
    // A watch of 0 s is not a watch: an emptied, 0 or negative field is refused, said beside it.
    for (const typed of ['', '0', '-5', '0.4']) {
      await fireEvent.input(secs, { target: { value: typed } });
      expect(button.disabled, typed).toBe(true);
      expect(screen.getByTestId('human-watch-problem').textContent).toBe('A watch is at least 1 s: set the seconds, or skip.');
      expect(button.getAttribute('aria-describedby')).toBe('human-watch-problem');
    }
    await fireEvent.click(button);
    expect(choices).toHaveLength(0);
    await fireEvent.input(secs, { target: { value: '99999' } });
    await fireEvent.click(screen.getByTestId('human-watch'));
    expect(choices[0].watchSec).toBe(60);
  });
});

describe('step in human mode', () => {
  it('lets the person decide one item, then holds until resumed', async () => {
    const c = new LiveController();
    const done = c.run(decodeSettings('sim=human&turns=1&k=3&seed=7'), new DataStore(), { record: false });
    await until(() => c.human.pendingItem?.position === 0);
    // What Step / N does while a session plays (App.svelte).
    c.playback.step();
    c.session.status = 'paused';
    c.human.decide({ actions: ['watch'], watchSec: 5 });
    await until(() => c.session.series.length === 1);
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    expect(c.human.pendingItem).toBeNull();
    expect(c.session.status).toBe('paused');
    c.toggle();
    await until(() => c.human.pendingItem?.position === 1);
    expect(c.session.status).toBe('running');
    await c.stop();
    await done;
  });
});

describe('stopping a human session', () => {
  it('asks nothing more once stopped, so the next run gets the person’s answers', async () => {
    const c = new LiveController();
    const first = c.run(decodeSettings('sim=human&turns=3&k=3&seed=7'), new DataStore(), { record: false });
    await until(() => c.human.pendingItem?.position === 0);
    c.human.decide({ actions: ['watch'], watchSec: 5 });
    await until(() => c.human.pendingItem?.position === 1);
    // Restart: the stopped run must end without a question (it asked for an instruction).
    const second = c.run(decodeSettings('sim=human&turns=3&k=3&seed=8'), new DataStore(), { record: false });
    await first;
    await until(() => c.human.pendingItem !== null);
    expect(c.human.awaitingInstruction).toBe(false);
    expect(c.human.pendingItem?.position).toBe(0);
    expect(c.session.series).toHaveLength(0);
    c.human.decide({ actions: ['watch'], watchSec: 5 });
    await until(() => c.session.series.length === 1);
    await c.stop();
    await second;
    expect(c.human.awaitingInstruction).toBe(false);
  });
});
