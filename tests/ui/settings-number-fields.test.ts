/**
 * The settings' number fields show the value the run uses. Typing past a limit (or
 * emptying a field) when the setting already held the clamped value left the typed text
 * in the field: "999" beside a list size of 100, an empty turn limit that was 6, "-5"
 * for seed 0, "1e9" for 256 factors.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import RecommenderParams from '../../src/ui/settings/RecommenderParams.svelte';
import RunFields from '../../src/ui/settings/RunFields.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

async function type(input: HTMLInputElement, v: string): Promise<void> {
  input.value = v;
  await fireEvent.change(input);
}

describe('settings number fields', () => {
  it('list size, turns and seed show the clamped value, also when it did not change', async () => {
    const settings = new SettingsState('');
    render(RunFields, { settings });
    const k = screen.getByTestId('setting-list-size') as HTMLInputElement;
    const turns = screen.getByTestId('setting-turns') as HTMLInputElement;
    const seed = screen.getByTestId('setting-seed') as HTMLInputElement;
    for (let i = 0; i < 2; i++) {
      await type(k, '999');
      expect(settings.value.listSize).toBe(100);
      expect(k.value).toBe('100');
      await type(seed, '-5');
      expect(settings.value.seed).toBe(0);
      expect(seed.value).toBe('0');
    }
    await type(turns, '');
    expect(turns.value).toBe(String(settings.value.turns));
  });

  it('a recommender parameter shows the clamped value, also when it did not change', async () => {
    history.replaceState(null, '', '/?rec=mf-bpr');
    const settings = new SettingsState();
    render(RecommenderParams, { settings });
    const f = screen.getByTestId('rec-param-factors') as HTMLInputElement;
    for (let i = 0; i < 2; i++) {
      await type(f, '1e9');
      expect(f.value).toBe(String(settings.value.recParams.factors));
    }
    await type(f, '');
    await type(f, '');
    expect(f.value).not.toBe('');
  });
});
