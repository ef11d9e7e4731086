/**
 * Settings (what a link carries) <-> run description (what a run is). The URL table is an
 * encoding of the description: `describeRun(decodeSettings(q))` is the run a link names,
 * and `settingsOf(d)` writes a description back as settings (then `encodeSettings` as a
 * link). Pure; tests/ui/describe-run.test.ts checks the round trip.
 */
import { parseRunDescription, type RunDescription } from '../../core/run/description';
import type { ContextOverrides } from '../../core/run/persona-edits';
import { defaultSettings, type Settings } from './url-settings';

/** Which recommender of the settings to describe (Compare runs `rec2` too). */
export interface DescribeOptions {
  /** Base recommender name instead of `settings.rec`. */
  recommender?: string;
  /** The user id instead of `settings.user` (the Live view resolves a stale id to the first user). */
  userId?: string;
}

/** The run the settings describe. Throws `RunDescriptionError` naming the bad field. */
export function describeRun(s: Settings, opts: DescribeOptions = {}): RunDescription {
  const context: ContextOverrides = {};
  if (s.timeOfDay) context.timeOfDay = s.timeOfDay;
  if (s.dayOfWeek >= 0) context.dayOfWeek = s.dayOfWeek;
  if (s.device) context.device = s.device;
  if (s.location) context.location = s.location;
  const rec = opts.recommender ?? s.rec;
  return parseRunDescription({
    catalog: s.catalog,
    users: { kind: 'user', id: opts.userId ?? s.user, ...(s.edits ? { edits: s.edits } : {}) },
    simulator: { name: s.sim, params: {} },
    // Parameters belong to settings.rec; another recommender (Compare's B) runs with its defaults.
    recommender: { name: rec, follow: s.follow, planner: s.planner, params: rec === s.rec ? { ...s.recParams } : {} },
    seed: s.seed,
    listSize: s.listSize,
    turns: s.turns,
    instructions: s.instructions,
    reward: s.reward,
    context,
    ...(s.firstList.length ? { firstList: [...s.firstList] } : {}),
  });
}

/**
 * A one-user description as settings (the page's own settings, `base`, are kept). A
 * population or several sessions have no link form: the Batch view and the CLI run those.
 */
export function settingsOf(d: RunDescription, base: Settings = defaultSettings()): Settings {
  if (d.users.kind !== 'user') throw new Error('Only a one-user run has a link; run populations in the Batch view or the CLI');
  return {
    ...base,
    catalog: d.catalog,
    user: d.users.id,
    edits: d.users.edits ?? null,
    sim: d.simulator.name,
    rec: d.recommender.name,
    follow: d.recommender.follow,
    planner: d.recommender.planner,
    recParams: { ...d.recommender.params },
    seed: d.seed,
    listSize: d.listSize,
    turns: d.turns,
    instructions: d.instructions,
    reward: d.reward,
    timeOfDay: d.context.timeOfDay ?? '',
    dayOfWeek: d.context.dayOfWeek ?? -1,
    device: d.context.device ?? '',
    location: d.context.location ?? '',
    firstList: d.firstList ? [...d.firstList] : [],
  };
}
