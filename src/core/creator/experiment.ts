/**
 * A creator experiment: one serialisable, validated object (share links, the CLI, worker
 * messages and stored results carry it). The world (catalog, recommender, seed, simulator
 * parameters) is a run description (src/core/run); the population, the graph and one or two
 * posting strategies are added here.
 */
import { z } from 'zod';
import { RunDescriptionSchema, parseRunDescription, type RunDescription } from '../run/description';
import { AGE_BANDS, REGIONS } from '../population/demographics';
import { MAX_USERS } from '../population/users';

const FORMATS = ['short_video', 'text_post', 'image', 'friend_suggestion', 'movie'] as const;

export const PostSchema = z.union([
  z.object({ itemId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      title: z.string().min(1).max(200),
      topic: z.string().min(1).max(64),
      format: z.enum(FORMATS).default('short_video'),
      durationSec: z.number().min(1).max(36_000).default(30),
      description: z.string().max(1000).default(''),
      quality: z.number().min(0).max(1).default(0.6),
      locale: z.string().max(100).default(''),
    })
    .strict(),
]);

export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followers') }).strict(),
  z.object({ kind: z.literal('general'), size: z.number().int().min(1).max(MAX_USERS).default(500) }).strict(),
  z
    .object({
      kind: z.literal('target'),
      /** Age bands (empty: any). */
      ages: z.array(z.enum(AGE_BANDS)).max(AGE_BANDS.length).default([]),
      /** Regions (empty: any). */
      regions: z.array(z.enum(REGIONS)).max(REGIONS.length).default([]),
      /** A topic id the users are into (interest >= 0.35); "" for any. */
      interest: z.string().max(64).default(''),
    })
    .strict(),
]);

/** Posting schedules: one post, one a day for a week, or three a day for a week. */
export const SCHEDULES = ['once', 'daily', 'three-a-day'] as const;

export const StrategySchema = z
  .object({
    label: z.string().max(60).default(''),
    post: PostSchema,
    audience: AudienceSchema.default({ kind: 'followers' }),
    /** Hour of day of the (first) post, 0..23 (the week starts on a Monday at 00:00). */
    postHour: z.number().int().min(0).max(23).default(18),
    schedule: z.enum(SCHEDULES).default('once'),
  })
  .strict();

export const CreatorExperimentSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Catalog, recommender, seed and simulator parameters (users are set by `users`). */
    run: RunDescriptionSchema.default({} as never),
    users: z.number().int().min(1).max(MAX_USERS).default(2000),
    /** Followers of a new creator ("you"); a catalog creator keeps the graph's followers. */
    followers: z.number().int().min(0).max(MAX_USERS).default(200),
    replicates: z.number().int().min(1).max(1000).default(100),
    /** Stop when the 95% interval of mean one-week views is narrower than this share of the median. */
    stopWidth: z.number().min(0).max(1).default(0.05),
    strategies: z.array(StrategySchema).min(1).max(2),
  })
  .strict();

export type PostSpec = z.output<typeof PostSchema>;
export type Audience = z.output<typeof AudienceSchema>;
export type Strategy = z.output<typeof StrategySchema>;
export interface CreatorExperiment extends Omit<z.output<typeof CreatorExperimentSchema>, 'run'> {
  run: RunDescription;
}

/**
 * The most users an audience drawn from the population can take: a new creator's followers
 * and a general sample come out of its `users` (more ran on all of them, unsaid). The one
 * rule behind the `creator` command's refusal and the Creator lab's field check, each of
 * which says it in its own words (a flag, a form field).
 */
export function mostDrawnFrom(users: number): number {
  return users;
}

/** An experiment that does not validate: `issues` name the field and why. */
export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
  constructor(readonly issues: string[]) {
    super(`Invalid creator experiment: ${issues.join('; ')}`);
  }
}

/** Validate plain data (a file, a link, a message) into an experiment with defaults filled in. */
export function parseExperiment(input: unknown): CreatorExperiment {
  const r = CreatorExperimentSchema.safeParse(input ?? {});
  if (!r.success) throw new ExperimentError(r.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`));
  const run = parseRunDescription(r.data.run);
  return { ...r.data, run };
}
