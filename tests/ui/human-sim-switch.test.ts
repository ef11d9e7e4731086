/**
 * The simulator menu changed while a session plays. The feed drew the human-mode controls
 * from the menu, not from the session: switching to another simulator in the middle of a
 * human session took the person's buttons away while the session waited for them (stuck
 * until a restart), and switching to Human during a simulated session put buttons on its
 * current card that did nothing (and took the focus). The controls now follow the session.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LiveView from '../../src/ui/live/LiveView.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

function setup(query: string) {
  const settings = new SettingsState(query);
  const data = new DataStore();
  const live = new LiveController();
  const run = () => void live.run(JSON.parse(JSON.stringify(settings.value)), data, { record: false });
  render(LiveView, { settings, data, live, onrun: run, onstep: () => {}, onreset: run });
  return { settings, live, run };
}

describe('the simulator menu changed mid-session', () => {
  it('a human session keeps its controls, and goes on', async () => {
    const { settings, live, run } = setup('?sim=human&turns=1&k=2&seed=7&instr=0');
    run();
    await waitFor(() => expect(live.human.pendingItem?.position).toBe(0), { timeout: 10_000 });
    settings.set({ sim: 'rule-based' });
    await waitFor(() => expect(screen.getByTestId('human-skip')).toBeTruthy());
    screen.getByTestId('human-skip').click();
    await waitFor(() => expect(live.human.pendingItem?.position).toBe(1), { timeout: 10_000 });
    expect(screen.getByTestId('human-leave')).toBeTruthy();
    await live.stop();
  }, 30_000);

  it('a simulated session gets no human controls', async () => {
    const { settings, live, run } = setup('?turns=1&k=3&seed=7');
    run();
    await waitFor(() => expect(live.session.current).not.toBeNull(), { timeout: 10_000 });
    live.toggle(); // paused on the current card
    settings.set({ sim: 'human' });
    await new Promise((r) => setTimeout(r, 50));
    expect(live.session.current).not.toBeNull();
    expect(screen.queryByTestId('human-watch')).toBeNull();
    await live.stop();
  }, 30_000);
});

describe('the status bar of a human session', () => {
  it('keeps saying it waits for the person after the simulator menu changed', async () => {
    const { default: App } = await import('../../src/ui/App.svelte');
    history.replaceState(null, '', '/?sim=human&turns=1&k=2&seed=7&instr=0');
    render(App);
    screen.getByTestId('run').click();
    const waiting = await screen.findByTestId('session-awaiting', {}, { timeout: 10_000 });
    expect(waiting.textContent).toBe('waiting for you: item 1 of list 1');
    const sim = screen.getByTestId('setting-simulator') as HTMLSelectElement;
    sim.value = 'rule-based';
    sim.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('session-awaiting').textContent).toBe('waiting for you: item 1 of list 1');
    screen.getByTestId('human-leave').click();
    await waitFor(() => expect(screen.getByTestId('session-status').textContent).toBe('ended'), { timeout: 10_000 });
  }, 30_000);
});
