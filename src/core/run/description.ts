/**
 * The run description: ONE serialisable, validated object that says everything a run
 * depends on. Catalog and users are named by reference (ids), plug-ins by registered name
 * with parameters. Share links, CLI flags, worker messages and stored sessions are
 * encodings of it; `buildRun` (build-run.ts) turns it into a run. See docs/run-description.md.
 */
import { z } from 'zod';
import { checkParams } from '../registry';
import { recommenders } from '../recommenders/registry';
import { isExternalName } from '../recommenders/remote/external';
import { ID_PATTERN, MAX_FIRST_LIST, MAX_PARAMS, RUN_FIELDS, type EnumField, type IntField, type TextField } from './fields';
import { sanitizeEdits, type ContextOverrides, type PersonaEdits } from './persona-edits';
import type { RewardName } from '../env/reward';

const int = (f: IntField) => z.number().int(`must be a whole number`).min(f.min).max(f.max);
const text = (f: TextField) => {
  const s = z.string().max(f.maxLength);
  return f.pattern ? s.regex(f.pattern, f.pattern === ID_PATTERN ? 'must be an id (letters, digits, . _ : -; at most 64)' : 'has characters that are not allowed') : s;
};
const oneOf = (f: EnumField) => z.enum(f.values as unknown as [string, ...string[]]);
const F = RUN_FIELDS;

/** The users of a run: one user (optionally edited in place) or a population. */
export const UsersSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: text(F.user),
    /** Persona edits; malformed fields are dropped (links are untrusted). */
    edits: z.unknown().optional().transform((v) => sanitizeEdits(v)),
  }).strict(),
  z.object({
    kind: z.literal('population'),
    /** Personas first, then seeded variants; a dataset: its first `size` users. */
    size: int({ ...F.population, min: 1 }),
  }).strict(),
]);

const paramRecord = <T extends z.ZodType>(v: T) =>
  z.record(z.string().max(64), v).refine((r) => Object.keys(r).length <= MAX_PARAMS, `at most ${MAX_PARAMS} parameters`);

export const RunDescriptionSchema = z
  .object({
    version: z.literal(1).default(1),
    catalog: text(F.catalog).default(F.catalog.default),
    users: UsersSchema.default({ kind: 'user', id: F.user.default, edits: undefined }),
    simulator: z
      .object({
        name: oneOf(F.simulator),
        /** Passed to the simulator's factory (plain JSON, at most 4000 characters). */
        params: paramRecord(z.json()).refine((r) => JSON.stringify(r).length <= 4000, 'parameters too long').default({}),
      })
      .strict()
      .default({ name: F.simulator.default, params: {} }),
    recommender: z
      .object({
        /** Registered base name, or an external one (http://..., module:NAME); "NAME+follow" is read as follow: true. */
        name: z.string().max(2048),
        follow: z.boolean().default(F.follow.default),
        planner: oneOf(F.planner).default(F.planner.default),
        params: paramRecord(z.number()).default({}),
      })
      .strict()
      .transform((r) => (r.name.endsWith('+follow') ? { ...r, name: r.name.slice(0, -'+follow'.length), follow: true } : r))
      .refine((r) => F.recommender.pattern.test(r.name) || isExternalName(r.name), { message: 'must be a registered name (letters, digits, . _ : -; at most 64) or an external one (http://..., module:NAME)', path: ['name'] })
      .default({ name: F.recommender.default, follow: F.follow.default, planner: F.planner.default, params: {} }),
    seed: int(F.seed).default(F.seed.default),
    listSize: int(F.listSize).default(F.listSize.default),
    turns: int(F.turns).default(F.turns.default),
    sessions: int(F.sessions).default(F.sessions.default),
    instructions: z.boolean().default(F.instructions.default),
    reward: oneOf(F.reward).default(F.reward.default),
    context: z
      .object({
        timeOfDay: z.enum(['morning', 'afternoon', 'evening', 'night']).optional(),
        dayOfWeek: z.number().int().min(0).max(6).optional(),
        device: z.enum(['mobile', 'desktop', 'tv']).optional(),
        location: z.string().max(F.location.maxLength).optional(),
      })
      .strict()
      .default({}),
    /** A hand-picked first list (item ids); later lists come from the recommender. */
    firstList: z.array(text({ ...F.catalog, maxLength: 128, pattern: /^[^\s<>]{1,128}$/ })).min(1).max(MAX_FIRST_LIST).optional(),
  })
  .strict();

/** A validated run description (the output of `parseRunDescription`). */
export interface RunDescription {
  version: 1;
  catalog: string;
  users: { kind: 'user'; id: string; edits?: PersonaEdits } | { kind: 'population'; size: number };
  simulator: { name: 'rule-based' | 'llm' | 'human'; params: Record<string, unknown> };
  recommender: { name: string; follow: boolean; planner: 'rules' | 'llm'; params: Record<string, number> };
  seed: number;
  listSize: number;
  turns: number;
  sessions: number;
  instructions: boolean;
  reward: RewardName;
  context: ContextOverrides;
  firstList?: string[];
}

/** A description as written by hand: every field optional (defaults from the table). */
export type RunDescriptionInput = z.input<typeof RunDescriptionSchema>;

/** A run description that does not validate: `issues` say which field and why. */
export class RunDescriptionError extends Error {
  override readonly name = 'RunDescriptionError';
  constructor(readonly issues: string[]) {
    super(`Invalid run description: ${issues.join('; ')}`);
  }
}

function issuesOf(e: z.ZodError): string[] {
  return e.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

/**
 * Validate a description (plain data, e.g. JSON from a file, a message or a link) and fill
 * in the defaults. Structure and ranges come from the table; recommender names and
 * parameters are checked against the registry. Throws `RunDescriptionError`.
 */
export function parseRunDescription(input: unknown): RunDescription {
  const r = RunDescriptionSchema.safeParse(input ?? {});
  if (!r.success) throw new RunDescriptionError(issuesOf(r.error));
  const d = r.data as RunDescription;
  if (!d.users || (d.users.kind === 'user' && d.users.edits === undefined)) delete (d.users as { edits?: unknown }).edits;
  // External recommenders (docs/recommender-api.md) declare no parameters here; their options pass through.
  if (isExternalName(d.recommender.name)) return d;
  if (!recommenders.has(d.recommender.name)) {
    throw new RunDescriptionError([`recommender.name: "${d.recommender.name.slice(0, 64)}" is unknown. Known: ${recommenders.names().join(', ')}`]);
  }
  try {
    d.recommender.params = checkParams('recommender', recommenders.get(d.recommender.name), d.recommender.params);
  } catch (e) {
    throw new RunDescriptionError([`recommender.params: ${(e as Error).message}`]);
  }
  return d;
}

/** The defaults of every field (a fresh object each call). */
export function defaultRunDescription(): RunDescription {
  return parseRunDescription({});
}

/** The stored name of the description's recommender ("content+follow"). */
export function recommenderNameOf(d: Pick<RunDescription, 'recommender'>): string {
  return d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name;
}

/** JSON with object keys sorted (arrays keep their order): equal descriptions give equal text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}
