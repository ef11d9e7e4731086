/**
 * THE table of a run's settings: one row per field of a `RunDescription`, with its label,
 * help text, default and range. Everything that shows or reads a setting is an encoding
 * of this table:
 *   - the settings panel draws labels, ranges and defaults from it,
 *   - the URL table (src/ui/state/url-settings.ts) takes each row's `url` parameter,
 *   - the CLI (src/cli/simulate-args.ts) takes each row's `cli` flag and prints its help,
 *   - the zod schema of the description (description.ts) takes the ranges.
 * Why these defaults and ranges: docs/run-description.md.
 */
import { REWARD_NAMES } from '../env/reward';

/** Simulators a description may name (llm and human need an engine or a person: entry points supply them). */
export const SIMULATOR_NAMES = ['rule-based', 'llm', 'human'] as const;
/** Planners of the instruction-following recommender. */
export const PLANNER_NAMES = ['rules', 'llm'] as const;
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export const DEVICES = ['mobile', 'desktop', 'tv'] as const;

/** Largest seed (seeds are unsigned 32-bit). */
export const MAX_SEED = 4_294_967_295;

interface FieldBase {
  /** Human label (settings panel, CLI help). */
  label: string;
  /** One sentence for tooltips and `--help`. */
  help: string;
  /** URL parameter (stable: links keep it); absent when links do not carry the field. */
  url?: string;
  /** CLI flag without the dashes; absent when the CLI has no flag for it. */
  cli?: string;
}

/** A whole number in [min, max]. */
export interface IntField extends FieldBase {
  type: 'int';
  default: number;
  min: number;
  max: number;
}

/** One of a fixed list of values. */
export interface EnumField extends FieldBase {
  type: 'enum';
  default: string;
  values: readonly string[];
}

export interface BoolField extends FieldBase {
  type: 'bool';
  default: boolean;
}

/** Free text of at most `maxLength` characters; `pattern` when it must be an id. */
export interface TextField extends FieldBase {
  type: 'text';
  default: string;
  maxLength: number;
  pattern?: RegExp;
}

export type FieldSpec = IntField | EnumField | BoolField | TextField;

/** An id as URLs, stored runs and the CLI keep them. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,63}$/i;

/** The scalar fields of a run description, by key. */
export const RUN_FIELDS = {
  catalog: {
    // Not an id pattern: the CLI names a MovieLens folder by its path.
    type: 'text', label: 'Catalog', default: 'shortvideo', maxLength: 1024, pattern: /^[^\u0000-\u001f<>]{1,1024}$/, url: 'catalog', cli: 'catalog',
    help: 'Catalog id: a built-in catalog, an imported one (the app), or a MovieLens folder (the CLI).',
  },
  user: {
    type: 'text', label: 'User', default: 'persona-maya', maxLength: 64, pattern: ID_PATTERN, url: 'user', cli: 'user',
    help: 'The one user of the run (a persona or an imported user), when the run is not a population.',
  },
  population: {
    type: 'int', label: 'Users', default: 0, min: 0, max: 1_000_000, cli: 'users',
    help: 'Number of users: 0 runs the one user above; N runs the personas first, then seeded variants (a dataset: its first N users).',
  },
  simulator: {
    type: 'enum', label: 'Simulator', default: 'rule-based', values: SIMULATOR_NAMES, url: 'sim', cli: 'simulator',
    help: 'Who judges the lists: the seeded rule-based user, an LLM, or a person.',
  },
  recommender: {
    type: 'text', label: 'Recommender', default: 'content', maxLength: 64, pattern: ID_PATTERN, url: 'rec', cli: 'recommender',
    help: 'Registered base recommender (the CLI writes NAME+follow to follow instructions).',
  },
  follow: {
    type: 'bool', label: 'Follow instructions', default: true, url: 'follow',
    help: 'Wrap the recommender with the instruction-following recommender (stored as "<name>+follow").',
  },
  planner: {
    type: 'enum', label: 'Planner', default: 'rules', values: PLANNER_NAMES, url: 'planner', cli: 'planner',
    help: 'How the instruction-following recommender reads instructions: rule-based, or an LLM.',
  },
  instructions: {
    type: 'bool', label: 'User may give instructions', default: true, url: 'instr', cli: 'instructions',
    help: 'When off, the paper\'s "instructions off": one list per session.',
  },
  listSize: {
    type: 'int', label: 'List size', default: 5, min: 1, max: 100, url: 'k', cli: 'list-size',
    help: 'Items per list (the k passed to recommend).',
  },
  turns: {
    type: 'int', label: 'Turns', default: 6, min: 1, max: 1000, url: 'turns', cli: 'turns',
    help: 'Most lists per session (the user usually leaves before).',
  },
  seed: {
    type: 'int', label: 'Seed', default: 7, min: 0, max: MAX_SEED, url: 'seed', cli: 'seed',
    help: 'Seed of the whole run: same seed and settings, same run, from every entry point.',
  },
  sessions: {
    type: 'int', label: 'Sessions per user', default: 1, min: 1, max: 1000, cli: 'sessions',
    help: 'Sessions per user; later ones only when the retention model says the user comes back.',
  },
  reward: {
    type: 'enum', label: 'Reward', default: 'watch', values: REWARD_NAMES, url: 'reward', cli: 'reward',
    help: 'Step reward: watch minutes, clicks, likes, or weighted engagement.',
  },
  timeOfDay: {
    type: 'enum', label: 'Time of day', default: '', values: ['', ...TIMES_OF_DAY], url: 'tod', cli: 'time-of-day',
    help: "Overrides the user's default time of day ('' keeps it).",
  },
  dayOfWeek: {
    type: 'int', label: 'Weekday', default: -1, min: -1, max: 6, url: 'dow', cli: 'day-of-week',
    help: "Overrides the user's default weekday, 0 = Sunday (-1 keeps it).",
  },
  device: {
    type: 'enum', label: 'Device', default: '', values: ['', ...DEVICES], url: 'device', cli: 'device',
    help: "Overrides the user's default device ('' keeps it).",
  },
  location: {
    type: 'text', label: 'Location', default: '', maxLength: 80, url: 'loc', cli: 'location',
    help: "Overrides the user's location ('' keeps it).",
  },
} as const satisfies Record<string, FieldSpec>;

export type RunFieldKey = keyof typeof RUN_FIELDS;

/** The rows in table order. */
export function runFields(): [RunFieldKey, FieldSpec][] {
  return Object.entries(RUN_FIELDS) as [RunFieldKey, FieldSpec][];
}

/** Most ids in a hand-picked first list. */
export const MAX_FIRST_LIST = 100;
/** Most plug-in parameters of one plug-in. */
export const MAX_PARAMS = 32;
