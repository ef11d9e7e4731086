/**
 * Scenarios in the app: the settings patch a scenario applies (with its id, so a link
 * names it), and whether the current settings still are the scenario (a note about a
 * scenario the settings no longer match would mislead a class).
 */
import type { Scenario, ScenarioSettings } from '../../core/scenarios';
import { defaultSettings, SETTINGS_TABLE, type Settings } from '../state/url-settings';

/** What `settings.set` receives to open a scenario. */
export function scenarioPatch(s: Scenario): Partial<Settings> {
  const { view, firstList, ...rest } = s.settings;
  // The run settings a scenario does not name are its defaults: the last recommender's
  // parameters made its runs fail ("content" has no "alpha"), another planner or reward
  // ran silently under the scenario's note.
  const d = defaultSettings();
  return {
    recParams: {}, planner: d.planner, reward: d.reward,
    ...rest, firstList: [...(firstList ?? [])], view: view ?? 'live', scenario: s.id, edits: null, dayOfWeek: -1, location: '',
  };
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

/**
 * What opening a link that names scenario `s` changes: the scenario's settings the link does
 * not carry (with a value it can read). The link's own parameters win (a shared link with the
 * seed changed reopened on the scenario's seed); `encodeSettings` writes every setting that
 * departs from the open scenario, even one back at its default. `query`: the link as opened.
 */
export function linkedScenarioPatch(s: Scenario, query: string): Partial<Settings> {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const patch: Record<string, unknown> = { ...scenarioPatch(s) };
  for (const k of Object.keys(patch) as (keyof Settings)[]) {
    const raw = params.get(SETTINGS_TABLE[k].param);
    if (k !== 'scenario' && raw !== null && SETTINGS_TABLE[k].parse(raw) !== undefined) delete patch[k];
  }
  return patch as Partial<Settings>;
}
