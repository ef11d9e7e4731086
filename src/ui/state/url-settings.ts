/**
 * The playground's settings as ONE declarative table (TensorFlow Playground's `state.ts`
 * idea): each row names a setting, its URL parameter, its default and how to parse,
 * validate and format it. `decodeSettings` / `encodeSettings` are pure and round-trip;
 * an invalid or missing parameter falls back to its default and never throws.
 *
 * API keys and other secrets are never settings: nothing secret can end up in a link.
 */

/** Views reachable from the nav. */
export const VIEWS = ['live', 'compare', 'batch', 'leaderboard', 'history', 'fidelity', 'train', 'creator', 'items'] as const;
export type View = (typeof VIEWS)[number];

export const SIMULATOR_KINDS = ['rule-based', 'llm', 'human'] as const;
/** Planners of the instruction-following recommender: rule-based, or an LLM (the engine set up in the LLM panel). */
export const PLANNERS = ['rules', 'llm'] as const;
export type SimulatorKind = (typeof SIMULATOR_KINDS)[number];

export const TIMES_OF_DAY = ['', 'morning', 'afternoon', 'evening', 'night'] as const;
export const DEVICES = ['', 'mobile', 'desktop', 'tv'] as const;

/** Persona edits made in place (only what differs from the chosen persona). */
export interface PersonaEdits {
  age?: number;
  gender?: string;
  location?: string;
  occupation?: string;
  /** topic id -> weight in [0, 1]. */
  interests?: Record<string, number>;
  /** Trait name -> value (timeBudgetSec in seconds, the rest in [0, 1]). */
  traits?: Record<string, number>;
}

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

const SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

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

/** Parse persona edits from their compact JSON form; anything malformed is dropped. */
export function parseEdits(raw: string): PersonaEdits | undefined {
  if (raw.length > 4000) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const out: PersonaEdits = {};
  if (typeof o.age === 'number' && Number.isInteger(o.age) && o.age >= 0 && o.age <= 120) out.age = o.age;
  for (const k of ['gender', 'location', 'occupation'] as const) {
    if (typeof o[k] === 'string' && (o[k] as string).length <= 80) out[k] = o[k] as string;
  }
  for (const k of ['interests', 'traits'] as const) {
    const m = o[k];
    if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
    const rec: Record<string, number> = {};
    for (const [name, w] of Object.entries(m as Record<string, unknown>)) {
      if (!SLUG.test(name) || typeof w !== 'number' || !Number.isFinite(w)) continue;
      const max = k === 'traits' && name === 'timeBudgetSec' ? 36_000 : 1;
      if (w < 0 || w > max) continue;
      rec[name] = w;
    }
    if (Object.keys(rec).length) out[k] = rec;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * THE table. Order is the order parameters appear in a link.
 * (Labels live in the settings panel; this table is about what a link carries.)
 */
export const SETTINGS_TABLE: { [K in keyof Settings]: SettingSpec<K> } = {
  view: enumSpec('view', 'view', VIEWS, 'live'),
  catalog: slugSpec('catalog', 'catalog', 'shortvideo'),
  user: slugSpec('user', 'user', 'persona-maya'),
  sim: enumSpec('sim', 'sim', SIMULATOR_KINDS, 'rule-based'),
  rec: slugSpec('rec', 'rec', 'content'),
  rec2: slugSpec('rec2', 'rec2', 'popular'),
  // The playground is about instruction following: on by default, and a seed whose
  // default session shows an instruction, the reply and the next list.
  follow: boolSpec('follow', 'follow', true),
  planner: enumSpec('planner', 'planner', PLANNERS, 'rules'),
  instructions: boolSpec('instructions', 'instr', true),
  listSize: intSpec('listSize', 'k', 5, 1, 20),
  turns: intSpec('turns', 'turns', 6, 1, 50),
  seed: intSpec('seed', 'seed', 7, 0, 4_294_967_295),
  speed: {
    key: 'speed',
    param: 'speed',
    default: 1,
    parse: (raw) => (SPEEDS.includes(Number(raw)) && raw.trim() !== '' ? Number(raw) : undefined),
    format: (v) => String(v),
  },
  timeOfDay: enumSpec('timeOfDay', 'tod', TIMES_OF_DAY, ''),
  dayOfWeek: intSpec('dayOfWeek', 'dow', -1, -1, 6),
  device: enumSpec('device', 'device', DEVICES, ''),
  location: {
    key: 'location',
    param: 'loc',
    default: '',
    parse: (raw) => (raw.length <= 80 ? raw : undefined),
    format: (v) => v,
  },
  edits: {
    key: 'edits',
    param: 'edits',
    default: null,
    parse: (raw) => parseEdits(raw),
    format: (v) => (v ? JSON.stringify(v) : ''),
  },
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

/** Settings -> query string without '?'; only values that differ from the defaults are written. */
export function encodeSettings(s: Settings): string {
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const spec = SETTINGS_TABLE[k] as SettingSpec<keyof Settings>;
    const text = spec.format(s[k]);
    if (text === spec.format(spec.default)) continue;
    params.set(spec.param, text);
  }
  return params.toString();
}
