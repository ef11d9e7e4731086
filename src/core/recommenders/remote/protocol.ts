/**
 * The common recommender API (docs/recommender-api.md): one versioned JSON protocol for
 * recommenders that live outside the playground, over HTTP in any language or as a
 * JavaScript module. The zod schemas here are the single source: the JSON Schema in
 * docs/recommender-api.schema.json is generated from them (`recommenderApiJsonSchema`).
 *
 * Calls (each a JSON object with `op` and `version`):
 * - `recommend`: the observation the built-ins see, `k` and the catalog id; reply
 *   `{items: [ids], message?, plan?}`;
 * - `reset` (optional): a user's session starts; forget per-session state;
 * - `fit` (optional): the catalog and the training users, once before sessions.
 */
import { z } from 'zod';
import type { Catalog, Item, Observation, Plan, TrainingData, UserProfile } from '../../types';
import { visibleProfile } from '../../env/observation';

/** Version of the protocol; a server may refuse versions it does not know. */
export const RECOMMENDER_API_VERSION = '1.0';

const interaction = z.object({
  itemId: z.string(),
  action: z.enum(['click', 'comment', 'share', 'like', 'watch', 'skip', 'leave']),
  at: z.number().describe('epoch milliseconds'),
  watchSec: z.number().optional().describe('seconds watched, for "watch"'),
  rating: z.number().optional().describe('explicit rating where the data has one (MovieLens 0.5..5)'),
});

const profile = z.object({
  id: z.string(),
  name: z.string(),
  age: z.number().nullable(),
  gender: z.string(),
  location: z.string(),
  occupation: z.string(),
  interests: z.record(z.string(), z.number()).describe('declared interests: topic id -> weight in [0, 1]'),
  groups: z.array(z.string()),
});

const context = z.object({
  timeOfDay: z.enum(['morning', 'afternoon', 'evening', 'night']),
  dayOfWeek: z.number().int().min(0).max(6).describe('0 = Sunday'),
  device: z.enum(['mobile', 'desktop', 'tv']),
  location: z.string(),
});

const feedback = z.object({
  skips: z.number(),
  shortWatches: z.number(),
  engaged: z.number(),
  left: z.boolean(),
  topicEngagement: z.record(z.string(), z.number()).describe('topic id -> net engagement in the last list'),
});

/** `recommend`: everything a built-in recommender sees, plus `k` and the catalog id. */
export const recommendRequestSchema = z.object({
  op: z.literal('recommend'),
  version: z.string(),
  catalogId: z.string(),
  k: z.number().int().min(0).describe('how many items to return (exactly k unless fewer unshown items remain)'),
  userId: z.string(),
  profile: profile.describe('the visible profile: no hidden traits, no held-out data'),
  context,
  history: z.array(interaction).describe("the user's history so far, oldest first (prior history plus this session)"),
  turn: z.number().int().min(0).describe('0-based index of this list in the session'),
  shown: z.array(z.string()).describe('ids already shown in this session: never return them'),
  instruction: z.string().nullable().describe("the user's last instruction, or null"),
  feedback: feedback.nullable().describe("implicit feedback on the last list (null on the first list)"),
});

const itemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  topic: z.string(),
  subtopic: z.string(),
  tags: z.array(z.string()),
  creator: z.string(),
  format: z.string(),
  durationSec: z.number(),
  publishedAt: z.number(),
  locale: z.string(),
  likes: z.number(),
  shares: z.number(),
  comments: z.number(),
  quality: z.number(),
});

/** `fit` (optional): the catalog and the training users' visible profiles and histories. */
export const fitRequestSchema = z.object({
  op: z.literal('fit'),
  version: z.string(),
  catalogId: z.string(),
  now: z.number().describe("the catalog's clock, epoch ms"),
  items: z.array(itemSchema),
  users: z.array(z.object({ profile, history: z.array(interaction) })),
});

/** `reset` (optional): a session of this user starts. */
export const resetRequestSchema = z.object({
  op: z.literal('reset'),
  version: z.string(),
  catalogId: z.string(),
  userId: z.string(),
});

const planSchema = z.object({
  summary: z.string(),
  moreTopics: z.array(z.string()).optional(),
  lessTopics: z.array(z.string()).optional(),
  moreCreators: z.array(z.string()).optional(),
  lessCreators: z.array(z.string()).optional(),
  locations: z.array(z.string()).optional(),
  explore: z.boolean().optional(),
  maxDurationSec: z.number().optional(),
  preferRecent: z.boolean().optional(),
  preferTrending: z.boolean().optional(),
  diversify: z.boolean().optional(),
});

/** The reply to `recommend`. Unknown keys are ignored. */
export const recommendReplySchema = z.looseObject({
  items: z.array(z.string()).describe('item ids, best first'),
  message: z.string().optional().describe('a reply to the instruction, shown to the user'),
  plan: planSchema.optional().describe('what the recommender means to do, shown in the Live view'),
});

export type RecommendRequest = z.infer<typeof recommendRequestSchema>;
export type FitRequest = z.infer<typeof fitRequestSchema>;
export type ResetRequest = z.infer<typeof resetRequestSchema>;
export type RecommendReply = z.infer<typeof recommendReplySchema>;
export type ApiRequest = RecommendRequest | FitRequest | ResetRequest;
export type ApiOp = ApiRequest['op'];

/** The JSON Schema of the whole API (requests by `op`, and the reply), for docs and other languages. */
export function recommenderApiJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `RecoWorld recommender API ${RECOMMENDER_API_VERSION}`,
    version: RECOMMENDER_API_VERSION,
    definitions: {
      recommendRequest: strip(z.toJSONSchema(recommendRequestSchema)),
      recommendReply: strip(z.toJSONSchema(recommendReplySchema)),
      resetRequest: strip(z.toJSONSchema(resetRequestSchema)),
      fitRequest: strip(z.toJSONSchema(fitRequestSchema)),
    },
  };
}

function strip(s: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _drop, ...rest } = s;
  return rest;
}

/** The `recommend` request of an observation (copies: the caller's objects are never shared). */
export function recommendRequest(obs: Observation, k: number, catalogId: string): RecommendRequest {
  return {
    op: 'recommend',
    version: RECOMMENDER_API_VERSION,
    catalogId,
    k,
    userId: obs.userId,
    profile: { ...obs.profile, interests: { ...obs.profile.interests }, groups: [...obs.profile.groups] },
    context: { ...obs.context },
    history: obs.history.map((h) => ({ ...h })),
    turn: obs.turn,
    shown: [...obs.shown],
    instruction: obs.instruction,
    feedback: obs.implicit ? { ...obs.implicit, topicEngagement: { ...obs.implicit.topicEngagement } } : null,
  };
}

/** The `fit` request of some training data (visible profiles only). */
export function fitRequest(data: TrainingData): FitRequest {
  const c: Catalog = data.catalog;
  return {
    op: 'fit',
    version: RECOMMENDER_API_VERSION,
    catalogId: c.id,
    now: c.now,
    items: c.items.map((i: Item) => ({ ...i, tags: [...i.tags] })),
    users: data.users.map((u: UserProfile) => ({ profile: visibleProfile(u), history: u.history.map((h) => ({ ...h })) })),
  };
}

/** The `reset` request of a user. */
export function resetRequest(userId: string, catalogId: string): ResetRequest {
  return { op: 'reset', version: RECOMMENDER_API_VERSION, catalogId, userId };
}

/** A reply plan as the playground's `Plan` (missing lists empty, flags false). */
export function toPlan(p: NonNullable<RecommendReply['plan']>): Plan {
  return {
    summary: p.summary,
    moreTopics: p.moreTopics ?? [],
    lessTopics: p.lessTopics ?? [],
    moreCreators: p.moreCreators ?? [],
    lessCreators: p.lessCreators ?? [],
    locations: p.locations ?? [],
    formats: [],
    explore: p.explore ?? false,
    ...(p.maxDurationSec !== undefined ? { maxDurationSec: p.maxDurationSec } : {}),
    preferRecent: p.preferRecent ?? false,
    preferTrending: p.preferTrending ?? false,
    diversify: p.diversify ?? false,
    planner: 'remote',
  };
}
