/**
 * Scenarios in the app: the settings patch a scenario applies (with its id, so a link
 * names it), and whether the current settings still are the scenario (a note about a
 * scenario the settings no longer match would mislead a class).
 */
import type { Scenario, ScenarioSettings } from '../../core/scenarios';
import type { Settings } from '../state/url-settings';

/** What `settings.set` receives to open a scenario. */
export function scenarioPatch(s: Scenario): Partial<Settings> {
  const { view, firstList, ...rest } = s.settings;
  return { ...rest, firstList: [...(firstList ?? [])], view: view ?? 'live', scenario: s.id, edits: null, dayOfWeek: -1, location: '' };
}

/** True while every setting the scenario sets still has the scenario's value. */
export function scenarioMatches(s: Scenario, settings: Partial<Settings>): boolean {
  for (const [k, v] of Object.entries(s.settings) as [keyof ScenarioSettings, unknown][]) {
    if (k === 'view') continue;
    const cur = (settings as Record<string, unknown>)[k];
    if (Array.isArray(v)) {
      if (!Array.isArray(cur) || cur.length !== v.length || v.some((x, i) => cur[i] !== x)) return false;
    } else if (cur !== undefined && cur !== v) return false;
  }
  return true;
}
