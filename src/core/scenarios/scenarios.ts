/**
 * Scenario presets for a class: the paper's situations, each one click (or one link)
 * away, with a short note of what to watch for. Pure data: the settings each scenario
 * sets are named as the app's URL settings name them (`src/ui/state/url-settings.ts`),
 * and `scenarioRunInput` turns them into a run description (`src/core/run/`), so the CLI
 * and the tests run exactly what the app runs.
 *
 * The seeds were chosen so that the rule-based simulator shows the situation (checked by
 * tests/core/scenarios.test.ts, which fails if a change to the simulator or recommenders
 * stops a scenario from showing what its note promises).
 */
import { DEFAULT_CATALOG_ID } from '../catalog/builtin';
import type { RunDescriptionInput } from '../run/description';

/** What a scenario sets (only these settings; the rest keep their current values). */
export interface ScenarioSettings {
  /** The view to open (default: live). */
  view?: 'live' | 'compare';
  /** The catalog: the users, seeds and first lists were chosen on the built-in feed. */
  catalog?: string;
  user?: string;
  sim?: 'rule-based' | 'human';
  rec?: string;
  /** Compare's B recommender. */
  rec2?: string;
  follow?: boolean;
  /** Compare: whether B follows instructions (A uses `follow`). */
  follow2?: boolean;
  instructions?: boolean;
  listSize?: number;
  turns?: number;
  seed?: number;
  timeOfDay?: 'morning' | 'afternoon' | 'evening' | 'night' | '';
  device?: 'mobile' | 'desktop' | 'tv' | '';
  /** A hand-picked first list (item ids of the built-in catalog); later lists come from `rec`. */
  firstList?: string[];
}

/** One preset. */
export interface Scenario {
  /** Short stable id (links carry it: `?scenario=table2`). */
  id: string;
  title: string;
  /** One sentence: what is set up. */
  setup: string;
  /** What to watch for, one short sentence each, in the order they happen. */
  watchFor: string[];
  settings: ScenarioSettings;
}

/** The paper's Table 2 list for Maya: fishing, UFC, hairstyling, UFC, hairstyling. */
export const TABLE2_FIRST_LIST = ['sv-0096', 'sv-0499', 'sv-0059', 'sv-0501', 'sv-0055'] as const;

/** The built-in short-video feed, where every scenario plays (its notes describe its posts). */
const BUILTIN = DEFAULT_CATALOG_ID;

/** Every preset, in the order a class would meet them. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'table2',
    title: "The paper's Table 2",
    setup: 'Maya (fishing and UFC fan) is shown a hand-picked list: lobster fishing, a UFC fight night, a hairstyling tutorial, another UFC fight, more hairstyling. Then the content-based recommender, following instructions, takes over.',
    watchFor: [
      'List 1 plays out as in the paper: she watches the fishing video, watches and likes the UFC fight, skips the hairstyling, watches the second fight for less time (fatigue), skips again.',
      'From list 2 on the content-based recommender shows only fishing: it only follows what she engaged with most, so UFC never comes back.',
      'She tires of fishing, leaves and says what she wants instead; the recommender answers with a plan and a new list.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-maya', sim: 'rule-based', rec: 'content', follow: true, instructions: true, listSize: 5, turns: 6, seed: 5, timeOfDay: '', device: '', firstList: [...TABLE2_FIRST_LIST] },
  },
  {
    id: 'instructions-off',
    title: 'Instructions off',
    setup: 'The same first list, but the user never speaks: the session is scored on one list, as a traditional offline metric would.',
    watchFor: [
      'The session ends after the first list ("instructions are off").',
      'Compare the watch time and return chance with the Table 2 scenario: the conversation is where the rest of the session came from.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-maya', sim: 'rule-based', rec: 'content', follow: true, instructions: false, listSize: 5, turns: 6, seed: 5, timeOfDay: '', device: '', firstList: [...TABLE2_FIRST_LIST] },
  },
  {
    id: 'traditional',
    title: 'A traditional recommender ignores the instruction',
    setup: 'Table 2 again, with instruction following switched off: the recommender gets her words but does not read them.',
    watchFor: [
      'The first four lists are the same as in Table 2 (same seed, same recommender).',
      'After "less fishing, more boating" the next list is fishing again; she leaves sooner and repeats herself.',
      'Open Compare to see both at once: A follows instructions, B does not.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-maya', sim: 'rule-based', rec: 'content', follow: false, instructions: true, listSize: 5, turns: 6, seed: 5, timeOfDay: '', device: '', firstList: [...TABLE2_FIRST_LIST] },
  },
  {
    id: 'plain-vs-agentic',
    title: 'Plain against agentic, side by side',
    setup: 'Compare: the same user, seed and first list; A follows instructions, B is the same recommender without instruction following.',
    watchFor: [
      'Both sides are identical until the first instruction.',
      'Then A changes course and B does not: read the difference table for watch time, skips and return chance.',
    ],
    settings: { view: 'compare', catalog: BUILTIN, user: 'persona-maya', sim: 'rule-based', rec: 'content', rec2: 'content', follow: true, follow2: false, instructions: true, listSize: 5, turns: 6, seed: 5, timeOfDay: '', device: '', firstList: [...TABLE2_FIRST_LIST] },
  },
  {
    id: 'vague',
    title: "A vague instruction: I'm bored",
    setup: "You play Maya (human mode). Watch a few items, then press \"leave session\" and type \"I'm bored\" (or speak it).",
    watchFor: [
      'No topic can be read from "I\'m bored": the plan says it explores topics related to her interests that she has not seen recently.',
      'Try a precise instruction next time ("less hairstyling, more UFC") and compare the plans.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-maya', sim: 'human', rec: 'content', follow: true, instructions: true, listSize: 5, turns: 6, seed: 7, timeOfDay: '', device: '', firstList: [] },
  },
  {
    id: 'new-user',
    title: 'A new user',
    setup: 'Grace (gardening, history, pets) meets the popularity recommender: with nothing to go on, it shows what everyone watches.',
    watchFor: [
      'The first lists are comedy, gaming, skincare: popular, not hers. She skips most of them.',
      'She leaves and asks for gardening; the recommender answers with a gardening list, which she watches and likes.',
      'Without instructions (switch them off) she would simply have left: that is the cold-start problem.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-grace', sim: 'rule-based', rec: 'popular', follow: true, instructions: true, listSize: 5, turns: 6, seed: 0, timeOfDay: '', device: '', firstList: [] },
  },
  {
    id: 'late-night-phone',
    title: 'Late at night on a phone',
    setup: 'Maya and the default recommender, but at night on a phone: the context changes how long and how patiently she watches.',
    watchFor: [
      'The time budget and satisfaction drain differently from the evening default (same seed): read the time-left gauge and the watch time.',
      'Run it again with the time of day set back to default and compare the session length.',
    ],
    settings: { view: 'live', catalog: BUILTIN, user: 'persona-maya', sim: 'rule-based', rec: 'content', follow: true, instructions: true, listSize: 5, turns: 6, seed: 7, timeOfDay: 'night', device: 'mobile', firstList: [] },
  },
];

/** The scenario with this id, or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * The run description of a scenario (side A of Compare), for the CLI and the tests.
 * `follow2`, `rec2`, `sim: human` and `view` are the app's business and are left out.
 */
export function scenarioRunInput(s: Scenario): RunDescriptionInput {
  const t = s.settings;
  return {
    ...(t.catalog ? { catalog: t.catalog } : {}),
    users: { kind: 'user', id: t.user ?? 'persona-maya' },
    recommender: { name: t.rec ?? 'content', follow: t.follow ?? true },
    instructions: t.instructions ?? true,
    listSize: t.listSize,
    turns: t.turns,
    seed: t.seed,
    context: {
      ...(t.timeOfDay ? { timeOfDay: t.timeOfDay } : {}),
      ...(t.device ? { device: t.device } : {}),
    },
    ...(t.firstList && t.firstList.length ? { firstList: [...t.firstList] } : {}),
  };
}
