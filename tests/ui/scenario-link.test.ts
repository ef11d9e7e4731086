/**
 * A link naming a scenario with settings changed since it was opened: the scenario's values
 * replaced the link's own (Share link after changing table2's seed to 99 reopened on seed 5,
 * and a reload did the same), and a setting changed back to its default (instructions on in
 * `instructions-off`) was left out of the link, so the scenario's value came back. The link's
 * parameters now win; the scenario fills only what the link leaves out.
 */
import { cleanup, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../src/ui/App.svelte';
import { scenarioById, TABLE2_FIRST_LIST } from '../../src/core/scenarios';
import { scenarioPatch } from '../../src/ui/scenarios/apply-scenario';
import { decodeSettings, defaultSettings, encodeSettings, type Settings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

/** The settings the app holds after opening `query` (it writes them back to the address bar). */
async function opened(query: string): Promise<Settings> {
  history.replaceState(null, '', `/?${query}`);
  render(App);
  await waitFor(() => expect(document.querySelector('[data-testid="scenario-note"]')).not.toBeNull());
  return decodeSettings(location.search);
}

/** The link Share gives after opening scenario `id` and changing `change`. */
function shared(id: string, change: Partial<Settings>): string {
  return encodeSettings({ ...defaultSettings(), ...scenarioPatch(scenarioById(id)!), ...change });
}

describe('a scenario link with changed settings', () => {
  it('a bare scenario link still opens the scenario', async () => {
    const s = await opened('scenario=table2');
    expect([s.seed, s.rec, s.firstList]).toEqual([5, 'content', [...TABLE2_FIRST_LIST]]);
  });

  it("keeps the link's own seed", async () => {
    const link = shared('table2', { seed: 99 });
    expect(link).toContain('seed=99');
    const s = await opened(link);
    expect(s.seed).toBe(99);
    expect(s.scenario).toBe('table2');
    expect(s.firstList).toEqual([...TABLE2_FIRST_LIST]);
  });

  it('a setting the link gives but that cannot be read, or another it refuses, leaves the rest to the scenario', async () => {
    // The refused recommender is put back to the default (and the address bar rewritten) before the scenario opens.
    const s = await opened('scenario=table2&rec=no-such-recommender&seed=abc');
    expect([s.seed, s.turns, s.firstList]).toEqual([5, 6, [...TABLE2_FIRST_LIST]]);
  });

  it("keeps a first list emptied (the recommender's) under the scenario", async () => {
    const s = await opened(shared('table2', { firstList: [] }));
    expect([s.firstList, s.seed]).toEqual([[], 5]);
  });

  it('keeps a setting changed back to its default (instructions on in instructions-off)', async () => {
    const s = await opened(shared('instructions-off', { instructions: true }));
    expect(s.instructions).toBe(true);
    expect(s.seed).toBe(5);
  });
});
