/**
 * The playground's settings as ONE declarative table (TensorFlow Playground's `state.ts`
 * idea): each row names a setting, its URL parameter, its default and how to parse,
 * validate and format it. `decodeSettings` / `encodeSettings` are pure and round-trip;
 * an invalid or missing parameter falls back to its default and never throws.
 *
 * The run's settings are an encoding of the run description: their parameter names,
 * defaults and ranges come from `RUN_FIELDS` (src/core/run/fields.ts), and
 * `describeRun` (describe-run.ts) turns settings into a `RunDescription`. Only the view,
 * the playback speed and Compare's second recommender are the page's own.
 *
 * API keys and other secrets are never settings: nothing secret can end up in a link.
 */
import { RUN_FIELDS, type EnumField, type IntField } from '../../core/run/fields';
import { parseEdits, type PersonaEdits } from '../../core/run/persona-edits';
import type { RewardName } from '../../core/env/reward';
import { isHttpName } from '../../core/recommenders/remote/external';
import { scenarioById } from '../../core/scenarios';

export { parseEdits, type PersonaEdits };

/** Views reachable from the nav. */
export const VIEWS = ['live', 'compare', 'batch', 'leaderboard', 'history', 'fidelity', 'train', 'creator', 'items'] as const;
export type View = (typeof VIEWS)[number];

export const SIMULATOR_KINDS = ['rule-based', 'llm', 'human'] as const;
/** Planners of the instruction-following recommender: rule-based, or an LLM (the engine set up in the LLM panel). */
export const PLANNERS = ['rules', 'llm'] as const;
export type SimulatorKind = (typeof SIMULATOR_KINDS)[number];

export const TIMES_OF_DAY = ['', 'morning', 'afternoon', 'evening', 'night'] as const;
export const DEVICES = ['', 'mobile', 'desktop', 'tv'] as const;

/** Every setting the URL carries. */
export interface Settings {
  view: View;
  catalog: string;
  user: string;
  sim: SimulatorKind;
  rec: string;
  /** Second recommender of the Compare view. */
  rec2: string;
  follow: boolean;
  /** Planner of the instruction-following recommender. */
  planner: (typeof PLANNERS)[number];
  instructions: boolean;
  listSize: number;
  turns: number;
  seed: number;
  speed: number;
  /** Context overrides; '' / -1 keep the user's default context. */
  timeOfDay: (typeof TIMES_OF_DAY)[number];
  dayOfWeek: number;
  device: (typeof DEVICES)[number];
  location: string;
  edits: PersonaEdits | null;
  reward: RewardName;
  /** Parameters of the recommender (declared in its registry entry); {} = its defaults. */
  recParams: Record<string, number>;
  /** A hand-picked first list (item ids); [] = the recommender's. */
  firstList: string[];
  /** Compare: whether B follows instructions (A uses `follow`). */
  follow2: boolean;
  /** The open scenario preset (src/core/scenarios), '' = none. */
  scenario: string;
}

/** One row of the table. */
export interface SettingSpec<K extends keyof Settings> {
  key: K;
  /** Short URL parameter name (stable: links keep it). */
  param: string;
  default: Settings[K];
  /** Raw text -> value, or undefined when invalid (then the default is used). */
  parse(raw: string): Settings[K] | undefined;
  format(value: Settings[K]): string;
}

const SLUG = RUN_FIELDS.user.pattern;

/** An integer row from the run table (same parameter, default and range). */
function runInt<K extends keyof Settings>(key: K, f: IntField & { url?: string }): SettingSpec<K> {
  return intSpec(key, f.url!, f.default, f.min, f.max);
}

function runEnum<K extends keyof Settings>(key: K, f: EnumField & { url?: string }): SettingSpec<K> {
  return enumSpec(key, f.url!, f.values, f.default);
}

function intSpec<K extends keyof Settings>(key: K, param: string, def: number, min: number, max: number): SettingSpec<K> {
  return {
    key,
    param,
    default: def as Settings[K],
    parse: (raw) => {
      if (!/^-?\d{1,10}$/.test(raw)) return undefined;
      const n = Number(raw);
      return (n >= min && n <= max ? n : undefined) as Settings[K] | undefined;
    },
    format: (v) => String(v),
  };
}

function enumSpec<K extends keyof Settings>(key: K, param: string, values: readonly string[], def: string): SettingSpec<K> {
  return {
    key,
    param,
    default: def as Settings[K],
    parse: (raw) => (values.includes(raw) ? (raw as Settings[K]) : undefined),
    format: (v) => String(v),
  };
}

function slugSpec<K extends keyof Settings>(key: K, param: string, def: string): SettingSpec<K> {
  return {
    key,
    param,
    default: def as Settings[K],
    parse: (raw) => (SLUG.test(raw) ? (raw as Settings[K]) : undefined),
    format: (v) => String(v),
  };
}

/** A recommender name: a built-in's slug or a user's `http(s)://` URL (no credentials; see isHttpName). */
function recSpec<K extends 'rec' | 'rec2'>(key: K, param: string, def: string): SettingSpec<K> {
  return {
    key,
    param,
    default: def as Settings[K],
    parse: (raw) => (SLUG.test(raw) || isHttpName(raw) ? (raw as Settings[K]) : undefined),
    format: (v) => String(v),
  };
}

function boolSpec<K extends keyof Settings>(key: K, param: string, def: boolean): SettingSpec<K> {
  return {
    key,
    param,
    default: def as Settings[K],
    parse: (raw) => (raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined) as Settings[K] | undefined,
    format: (v) => (v ? '1' : '0'),
  };
}

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];

const PARAM_NAME = /^[a-z][a-z0-9]{0,40}$/i;
const ITEM_ID = /^[^\s<>,]{1,128}$/;

/**
 * "factors:16,epochs:10" -> { factors: 16, epochs: 10 }; undefined when malformed. A name
 * given twice keeps its first value, as a setting given twice in a link does
 * (`repeatedSettingsNotice` says it).
 */
export function parseParams(raw: string): Record<string, number> | undefined {
  if (raw.length > 1000) return undefined;
  const out: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const m = /^([^:]+):(.+)$/.exec(part);
    if (!m || !PARAM_NAME.test(m[1]) || !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(m[2])) return undefined;
    const v = Number(m[2]);
    if (!Number.isFinite(v)) return undefined;
    if (!Object.hasOwn(out, m[1])) out[m[1]] = v;
  }
  return out;
}

/** The recommender parameters `rp=` gives more than once with different values (rp=factors:1,factors:2), each with its values in order. */
function repeatedRecParams(raw: string): { param: string; values: string[] }[] {
  if (!parseParams(raw)) return []; // unreadable: `unreadSettingsNotice` says it
  const byName = new Map<string, string[]>();
  for (const part of raw.split(',')) {
    const at = part.indexOf(':');
    const name = part.slice(0, at);
    byName.set(name, [...(byName.get(name) ?? []), part.slice(at + 1)]);
  }
  return [...byName].filter(([, v]) => new Set(v.map(Number)).size > 1).map(([name, values]) => ({ param: `rp's ${name}`, values }));
}

/** { factors: 16 } -> "factors:16" (names in a stable order). */
export function formatParams(p: Record<string, number>): string {
  return Object.keys(p).sort().map((k) => `${k}:${p[k]}`).join(',');
}

/** Whether a link's `first=` can carry item id `id` (no spaces, commas, < or >; 1-128 characters). */
export function isLinkItemId(id: string): boolean {
  return ITEM_ID.test(id);
}

/** "a,b,c" -> ids; undefined when an id is malformed or there are too many. */
export function parseIdList(raw: string): string[] | undefined {
  const ids = raw.split(',');
  // A repeated id is kept once: a list may not show an item twice (and the picker keys rows by id).
  return ids.length <= 100 && ids.every((id) => ITEM_ID.test(id)) ? [...new Set(ids)] : undefined;
}

const F = RUN_FIELDS;

/**
 * THE table. Order is the order parameters appear in a link. Run settings take their
 * parameter, default and range from the run description's table (labels and help too,
 * for the settings panel); this table is about what a link carries.
 */
export const SETTINGS_TABLE: { [K in keyof Settings]: SettingSpec<K> } = {
  view: enumSpec('view', 'view', VIEWS, 'live'),
  // Any catalog id a run takes: an imported JSON catalog names its own ("My Feed"), and a
  // link to it that fell back to the built-in catalog never said the catalog was missing.
  catalog: {
    key: 'catalog',
    param: F.catalog.url,
    default: F.catalog.default,
    parse: (raw) => (raw.length <= F.catalog.maxLength && F.catalog.pattern!.test(raw) ? raw : undefined),
    format: (v) => v,
  },
  user: slugSpec('user', F.user.url, F.user.default),
  sim: runEnum('sim', F.simulator),
  rec: recSpec('rec', F.recommender.url, F.recommender.default),
  rec2: recSpec('rec2', 'rec2', 'popular'),
  // The playground is about instruction following: on by default, and a seed whose
  // default session shows an instruction, the reply and the next list.
  follow: boolSpec('follow', F.follow.url, F.follow.default),
  planner: runEnum('planner', F.planner),
  instructions: boolSpec('instructions', F.instructions.url, F.instructions.default),
  listSize: runInt('listSize', F.listSize),
  turns: runInt('turns', F.turns),
  seed: runInt('seed', F.seed),
  speed: {
    key: 'speed',
    param: 'speed',
    default: 1,
    parse: (raw) => (SPEEDS.includes(Number(raw)) && raw.trim() !== '' ? Number(raw) : undefined),
    format: (v) => String(v),
  },
  timeOfDay: runEnum('timeOfDay', F.timeOfDay),
  dayOfWeek: runInt('dayOfWeek', F.dayOfWeek),
  device: runEnum('device', F.device),
  location: {
    key: 'location',
    param: F.location.url,
    default: F.location.default,
    parse: (raw) => (raw.length <= F.location.maxLength ? raw : undefined),
    format: (v) => v,
  },
  edits: {
    key: 'edits',
    param: 'edits',
    default: null,
    parse: (raw) => parseEdits(raw),
    format: (v) => (v ? JSON.stringify(v) : ''),
  },
  reward: runEnum('reward', F.reward),
  recParams: {
    key: 'recParams',
    param: 'rp',
    default: {},
    parse: (raw) => parseParams(raw),
    format: (v) => formatParams(v),
  },
  firstList: {
    key: 'firstList',
    param: 'first',
    default: [],
    // "first=" is an empty list (the recommender's), which a link writes under a scenario that has one.
    parse: (raw) => (raw === '' ? [] : parseIdList(raw)),
    format: (v) => v.join(','),
  },
  follow2: boolSpec('follow2', 'follow2', true),
  scenario: slugSpec('scenario', 'scenario', ''),
};

/** The speeds the speed control offers (multiples of the base pace). */
export const PLAYBACK_SPEEDS: readonly number[] = SPEEDS;

const KEYS = Object.keys(SETTINGS_TABLE) as (keyof Settings)[];

/** All defaults (a fresh object each call). */
export function defaultSettings(): Settings {
  const out = {} as Record<string, unknown>;
  for (const k of KEYS) out[k] = structuredCloneSafe(SETTINGS_TABLE[k].default);
  return out as unknown as Settings;
}

function structuredCloneSafe<T>(v: T): T {
  return v && typeof v === 'object' ? (JSON.parse(JSON.stringify(v)) as T) : v;
}

/** Query string (with or without '?') -> settings; unknown or invalid parameters are ignored. */
export function decodeSettings(query: string): Settings {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const out = defaultSettings() as unknown as Record<string, unknown>;
  for (const k of KEYS) {
    const spec = SETTINGS_TABLE[k] as SettingSpec<keyof Settings>;
    const raw = params.get(spec.param);
    if (raw === null) continue;
    const v = spec.parse(raw);
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as Settings;
}

/**
 * What a banner says about settings a link gives but that cannot be read (seed=abc, a first
 * list of 101 items or with a space in an id): each is ignored, as `decodeSettings` does, and
 * that is said. Null when there is nothing to say. Plain text (values are shown as text).
 */
export function unreadSettingsNotice(query: string): string | null {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const unread: string[] = [];
  for (const k of KEYS) {
    const spec = SETTINGS_TABLE[k] as SettingSpec<keyof Settings>;
    const raw = params.get(spec.param);
    if (raw !== null && spec.parse(raw) === undefined) unread.push(`${spec.param} (${raw.length > 40 ? `${raw.slice(0, 39)}…` : raw})`);
  }
  if (!unread.length) return null;
  const list = unread.length <= 2 ? unread.join(' and ') : `${unread.slice(0, -1).join(', ')}, and ${unread[unread.length - 1]}`;
  return `This link's ${list} could not be read and ${unread.length === 1 ? 'was' : 'were'} ignored.`;
}

/**
 * What a banner says about settings a link gives more than once with different values
 * (a share link with "&seed=99" appended), and recommender parameters its rp= gives more
 * than once (rp=factors:1,factors:2): the first of each stands, as `decodeSettings` reads
 * it. Null when there is nothing to say. Plain text (values are shown as text).
 */
export function repeatedSettingsNotice(query: string): string | null {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);
  const repeated: { param: string; values: string[] }[] = [];
  for (const k of KEYS) {
    const param = SETTINGS_TABLE[k].param;
    const values = params.getAll(param);
    if (new Set(values).size > 1) repeated.push({ param, values });
  }
  // A recommender parameter given twice inside the rp= that stands: said the same way.
  const rp = params.get(SETTINGS_TABLE.recParams.param);
  if (rp !== null) repeated.push(...repeatedRecParams(rp));
  if (!repeated.length) return null;
  const values = (v: string[]) => v.slice(0, 5).map(shown).join(', ') + (v.length > 5 ? ` and ${(v.length - 5).toLocaleString('en-US')} more` : '');
  const list = repeated.map((r, i) => `${i > 0 && i === repeated.length - 1 ? 'and ' : ''}${r.param}${i === 0 ? ' more than once' : ''} (${values(r.values)})`);
  const which = repeated.length === 1 ? `the first, ${shown(repeated[0].values[0])}, is used` : 'the first of each is used';
  return `This link gives ${list.join(repeated.length > 2 ? ', ' : ' ')}: ${which}.`;
}

/** Settings -> query string without '?'; only values that differ from the defaults (or from the open scenario's) are written. */
export function encodeSettings(s: Settings): string {
  const params = new URLSearchParams();
  // An open scenario sets what a link leaves out: a setting that departs from it is written
  // even at its default (instructions turned back on in "instructions-off" came back off).
  const scenario = scenarioById(s.scenario)?.settings as Partial<Record<keyof Settings, unknown>> | undefined;
  for (const k of KEYS) {
    const spec = SETTINGS_TABLE[k] as SettingSpec<keyof Settings>;
    const text = spec.format(s[k]);
    const departs = scenario !== undefined && k in scenario && text !== spec.format(scenario[k] as Settings[keyof Settings]);
    if (text === spec.format(spec.default) && !departs) continue;
    params.set(spec.param, text);
  }
  return params.toString();
}
