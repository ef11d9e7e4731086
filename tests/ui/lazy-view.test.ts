/**
 * A view's chunk that fails to load after the person has moved on to another view: its error
 * was shown as the new view's ("Could not load this view: ...") while that one was loading.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LazyView from '../../src/ui/shell/LazyView.svelte';
import type { DataStore } from '../../src/ui/state/data.svelte';
import type { SettingsState } from '../../src/ui/state/settings.svelte';

const gates = vi.hoisted(() => {
  const make = () => {
    let release!: () => void;
    const p = new Promise<void>((r) => (release = r));
    return { p, release };
  };
  return { fidelity: make(), leaderboard: make() };
});

vi.mock('../../src/ui/fidelity/FidelityView.svelte', async () => {
  await gates.fidelity.p;
  throw new Error('fidelity chunk gone');
});
vi.mock('../../src/ui/leaderboard/LeaderboardView.svelte', async () => {
  await gates.leaderboard.p;
  throw new Error('leaderboard chunk gone');
});

afterEach(() => cleanup());

describe('LazyView', () => {
  it("says a view's load failure only while that view is the one asked for", async () => {
    const props = { settings: {} as SettingsState, data: {} as DataStore };
    const { rerender } = render(LazyView, { ...props, view: 'fidelity' as const });
    await rerender({ ...props, view: 'leaderboard' as const });
    gates.fidelity.release();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('loading…')).toBeTruthy();
    gates.leaderboard.release();
    // Its own failure is said (vitest words a failing mock's error its own way).
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load this view');
  });
});
