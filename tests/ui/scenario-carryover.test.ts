/**
 * Opening a scenario after playing with the settings. The scenario set its recommender but
 * kept the previous one's parameters: from LinUCB with alpha changed, every run of "The
 * paper's Table 2" failed ("recommender \"content\" has no parameter \"alpha\""), and a
 * changed content parameter, the LLM planner or another reward ran silently inside the
 * scenario, whose note then promised what the run did not show.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioById } from '../../src/core/scenarios';
import { scenarioMatches } from '../../src/ui/scenarios/apply-scenario';
import ScenarioPicker from '../../src/ui/scenarios/ScenarioPicker.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, defaultSettings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a scenario opened over changed settings', () => {
  for (const before of ['rec=linucb&rp=alpha:2', 'rec=content&rp=interestPrior:5&planner=llm&reward=likes']) {
    it(`runs as the scenario after ${before}`, async () => {
      const settings = new SettingsState(`?${before}`);
      render(ScenarioPicker, { settings });
      for (const s of SCENARIOS) {
        await fireEvent.change(screen.getByTestId('setting-scenario'), { target: { value: s.id } });
        expect(settings.value.scenario).toBe(s.id);
        const d = describeRun(settings.value);
        expect(d.recommender.params, s.id).toEqual({});
        expect(d.recommender.planner, s.id).toBe(defaultSettings().planner);
        expect(d.reward, s.id).toBe(defaultSettings().reward);
        expect(scenarioMatches(scenarioById(s.id)!, settings.value)).toBe(true);
        // The link carries the same.
        expect(decodeSettings(new URL(location.href).search).recParams).toEqual({});
      }
    });
  }

  // The scenarios' users, seeds and first lists are the built-in feed's: opened while an
  // imported catalog was chosen, a scenario ran on that catalog under a note promising
  // fishing and UFC (and "new user" flagged nothing), and switching catalog was not flagged.
  it('opens on the built-in catalog, and a catalog switch is flagged as a change', async () => {
    const settings = new SettingsState('?catalog=My%20Feed');
    render(ScenarioPicker, { settings });
    for (const s of SCENARIOS) {
      await fireEvent.change(screen.getByTestId('setting-scenario'), { target: { value: s.id } });
      expect(settings.value.catalog, s.id).toBe(defaultSettings().catalog);
      expect(scenarioMatches(s, { ...settings.value, catalog: 'My Feed' }), s.id).toBe(false);
      settings.set({ catalog: 'My Feed' });
    }
  });
});
