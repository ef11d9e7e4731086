/**
 * The live transport as a keyboard user meets it. Run became a new Pause button when the
 * session started (and Pause a new Run again button when it ended), so the focus fell to the
 * page's top at each start and end; "Stop and start over" dropped it the same way. Now the
 * main button is one button that changes its label, and the question hands the focus to it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Controls from '../../src/ui/live/Controls.svelte';

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
});
