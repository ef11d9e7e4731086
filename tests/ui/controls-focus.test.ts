/**
 * The live transport as a keyboard user meets it. Run became a new Pause button when the
 * session started (and Pause a new Run again button when it ended), so the focus fell to the
 * page's top at each start and end; "Stop and start over" dropped it the same way. Now the
 * main button is one button that changes its label, and the question hands the focus to it.
 * A human-mode session that ended on the person's last decision left the focus nowhere (the
 * card that held it went away); it now lands on Run again.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Controls from '../../src/ui/live/Controls.svelte';
import LiveView from '../../src/ui/live/LiveView.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => cleanup());

const props = (status: 'idle' | 'running' | 'paused' | 'ended', log: string[]) => ({
  status,
  speed: 1,
  onrun: () => log.push('run'),
  ontoggle: () => log.push('toggle'),
  onstep: () => log.push('step'),
  onreset: () => log.push('reset'),
  onspeed: () => {},
});

describe('live transport focus', () => {
  it('keeps the focus on the main button when a session starts, pauses and ends', async () => {
    const log: string[] = [];
    const { rerender } = render(Controls, props('idle', log));
    const run = screen.getByTestId('run');
    run.focus();
    await fireEvent.click(run);
    expect(log).toEqual(['run']);
    await rerender(props('running', log));
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('pause');
    expect(document.activeElement?.textContent).toMatch(/Pause/);
    await fireEvent.click(document.activeElement!);
    expect(log).toEqual(['run', 'toggle']);
    await rerender(props('paused', log));
    expect(document.activeElement?.textContent).toMatch(/Resume/);
    expect(document.activeElement?.getAttribute('aria-pressed')).toBe('true');
    await rerender(props('ended', log));
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('run');
    expect(document.activeElement?.textContent).toMatch(/Run again/);
    expect(document.activeElement?.hasAttribute('aria-pressed')).toBe(false);
  });

  it('"Stop and start over" hands the focus to the main button', async () => {
    const log: string[] = [];
    render(Controls, props('running', log));
    await fireEvent.click(screen.getByText('New run'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    expect(log).toEqual(['run']);
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('pause');
    await fireEvent.click(screen.getByTestId('reset'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    expect(log).toEqual(['run', 'reset']);
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('pause');
  });

  it('a session that ends with the focus nowhere (human mode: the card or the instruction box that held it went away) puts it on Run again', async () => {
    const log: string[] = [];
    const { rerender } = render(Controls, props('running', log));
    const card = document.body.appendChild(document.createElement('button'));
    card.focus();
    card.remove();
    expect(document.activeElement).toBe(document.body);
    await rerender(props('ended', log));
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('run');
  });

  it('leaves the focus where the person put it when a session ends', async () => {
    const log: string[] = [];
    const { rerender } = render(Controls, props('running', log));
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    await rerender(props('ended', log));
    expect(document.activeElement).toBe(field);
    field.remove();
  });

  it('human mode by keyboard: each card takes the focus, and after the last decision it is on Run again', async () => {
    const settings = new SettingsState('?sim=human&turns=1&k=2&seed=7&instr=0');
    const data = new DataStore();
    const live = new LiveController();
    const run = () => void live.run(JSON.parse(JSON.stringify(settings.value)), data);
    render(LiveView, { settings, data, live, onrun: run, onstep: () => {}, onreset: run });
    const main = screen.getByTestId('run');
    main.focus();
    await fireEvent.click(main);
    await waitFor(() => expect(live.human.pendingItem?.position).toBe(0), { timeout: 10_000 });
    expect(document.activeElement).toBe(screen.getByTestId('human-watch'));
    await fireEvent.click(screen.getByTestId('human-skip'));
    await waitFor(() => expect(live.human.pendingItem?.position).toBe(1), { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('human-watch')));
    await fireEvent.click(screen.getByTestId('human-leave'));
    await waitFor(() => expect(live.session.status).toBe('ended'), { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(main));
    expect(main.textContent).toMatch(/Run again/);
  }, 30_000);
});
