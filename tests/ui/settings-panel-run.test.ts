/**
 * The settings panel draws the run's fields from the run description's table and the
 * recommender's parameters from its registry schema; what it sets lands in the link.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { RUN_FIELDS } from '../../src/core/run/fields';
import { recommenders } from '../../src/core/recommenders/registry';
import RecommenderParams from '../../src/ui/settings/RecommenderParams.svelte';
import RunFields from '../../src/ui/settings/RunFields.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { encodeSettings } from '../../src/ui/state/url-settings';

afterEach(() => cleanup());

describe('settings panel: run fields and recommender parameters', () => {
  it('takes ranges and defaults from the table, and clamps to them', async () => {
    const settings = new SettingsState('');
    render(RunFields, { settings });
    const k = screen.getByTestId('setting-list-size') as HTMLInputElement;
    expect(k.min).toBe(String(RUN_FIELDS.listSize.min));
    expect(k.max).toBe(String(RUN_FIELDS.listSize.max));
    expect(k.value).toBe(String(RUN_FIELDS.listSize.default));
    expect((screen.getByTestId('setting-turns') as HTMLInputElement).max).toBe(String(RUN_FIELDS.turns.max));
    await fireEvent.change(k, { target: { value: '500' } });
    expect(settings.value.listSize).toBe(RUN_FIELDS.listSize.max);
    await fireEvent.change(screen.getByTestId('setting-reward'), { target: { value: 'likes' } });
    expect(describeRun(settings.value).reward).toBe('likes');
  });

  it("offers the chosen recommender's declared parameters; a changed one goes into the link and the run", async () => {
    const settings = new SettingsState('?rec=mf-bpr');
    render(RecommenderParams, { settings });
    for (const p of recommenders.get('mf-bpr').params!) {
      const input = screen.getByTestId(`rec-param-${p.name}`) as HTMLInputElement;
      expect(input.value).toBe(String(p.default));
      expect(input.max).toBe(String(p.max));
    }
    await fireEvent.change(screen.getByTestId('rec-param-factors'), { target: { value: '16' } });
    expect(settings.value.recParams).toEqual({ factors: 16 });
    expect(new URLSearchParams(encodeSettings(settings.value)).get('rp')).toBe('factors:16');
    expect(describeRun(settings.value).recommender.params).toEqual({ factors: 16 });
    // Out of range is clamped; back to the default drops it.
    await fireEvent.change(screen.getByTestId('rec-param-factors'), { target: { value: '9999' } });
    expect(settings.value.recParams.factors).toBe(256);
    await fireEvent.change(screen.getByTestId('rec-param-factors'), { target: { value: '32' } });
    expect(settings.value.recParams).toEqual({});
  });

  it('shows nothing for a recommender without parameters', () => {
    render(RecommenderParams, { settings: new SettingsState('?rec=random') });
    expect(screen.queryByTestId('rec-params')).toBeNull();
  });
});
