/**
 * zod schemas for everything an import may contain. Imported files are untrusted: they
 * are validated in full before anything is written. Unknown extra fields are kept
 * (files from newer app versions stay importable), missing or mistyped ones are errors.
 */
import { z } from 'zod';
import { ACTION_TYPES } from '../core/types';

const num = z.number().refine(Number.isFinite, 'expected a finite number');
/** Epoch ms a Date can hold (±8.64e15): 1e300 passed as finite and showed as "Invalid Date" in History. */
const epochMs = num.min(-8.64e15, 'expected a date (epoch ms within ±8.64e15)').max(8.64e15, 'expected a date (epoch ms within ±8.64e15)');
const weights = z.record(z.string(), num);

export const contextSchema = z.looseObject({
  timeOfDay: z.enum(['morning', 'afternoon', 'evening', 'night']),
  dayOfWeek: z.number().int().min(0).max(6),
  device: z.enum(['mobile', 'desktop', 'tv']),
  location: z.string(),
});

export const mindsetSchema = z.looseObject({
  satisfaction: num,
  timeLeftSec: num,
  boredom: num,
  interests: weights,
  fatigue: weights,
});

export const decisionSchema = z.looseObject({
  itemId: z.string(),
  position: z.number().int().min(0),
  // Each action once (the card lists them keyed by name; a repeat threw each_key_duplicate).
  actions: z.array(z.enum(ACTION_TYPES as [string, ...string[]])).refine((a) => new Set(a).size === a.length, 'an action appears twice'),
  watchSec: num.min(0),
  comment: z.string().optional(),
  reasons: z.array(z.string()),
  thought: z.string().optional(),
  interest: num,
  mindsetNote: z.string(),
  mindsetText: z.string().optional(),
  mindset: mindsetSchema,
  fallback: z.boolean().optional(),
  // Shown on the card beside the fallback mark (why the LLM step fell back).
  fallbackReason: z.string().max(1000).optional(),
  // The replay's card shows these (without them it threw on "toFixed").
  llm: z.looseObject({ promptTokens: num, completionTokens: num, latencyMs: num, tokensPerSec: num, retries: num, model: z.string() }).optional(),
});

export const instructionSchema = z.looseObject({
  text: z.string(),
  kind: z.string().optional(),
  targets: z.array(z.string()).optional(),
});

export const reflectionSchema = z.looseObject({
  reasons: z.array(z.string()),
  text: z.string().optional(),
  instruction: instructionSchema.nullable(),
});

export const slateSchema = z.looseObject({
  itemIds: z.array(z.string()),
  message: z.string().optional(),
  // The replay shows the summary as text (a list there threw in the replay).
  plan: z.looseObject({ summary: z.string().optional() }).optional(),
});

export const turnSchema = z.looseObject({
  index: z.number().int().min(0),
  slate: slateSchema,
  decisions: z.array(decisionSchema),
  reflection: reflectionSchema.nullable(),
  reward: num,
});

const endReason = z.enum(['left_silent', 'time_up', 'turn_limit', 'no_instructions', 'catalog_exhausted', 'stopped', 'error']);

export const metricsSchema = z.looseObject({
  watchSec: num,
  itemsViewed: num,
  actions: weights,
  turns: num,
  instructions: num,
  endReason,
  sessionSec: num,
  returnProbability: num,
  returnAfterHours: num,
});

export const trajectorySchema = z.looseObject({
  id: z.string().min(1),
  seed: num,
  userId: z.string(),
  recommender: z.string(),
  simulator: z.string(),
  catalogId: z.string(),
  context: contextSchema,
  instructionsEnabled: z.boolean(),
  turns: z.array(turnSchema),
  endReason,
  metrics: metricsSchema,
  startedAt: epochMs,
});

export const itemSnapshotSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  subtopic: z.string(),
  creator: z.string(),
  format: z.string(),
  durationSec: num,
});

export const sessionRecordSchema = z.looseObject({
  id: z.string().min(1),
  trajectoryId: z.string().optional(),
  title: z.string(),
  startedAt: epochMs,
  updatedAt: epochMs,
  status: z.enum(['running', 'complete', 'stopped', 'interrupted']),
  seed: num,
  userId: z.string(),
  userName: z.string().optional(),
  recommender: z.string(),
  simulator: z.string(),
  catalogId: z.string(),
  instructionsEnabled: z.boolean(),
  context: contextSchema.optional(),
  settings: z.record(z.string(), z.unknown()),
  promptTemplates: z.record(z.string(), z.string()).optional(),
  model: z.string().optional(),
  endReason: endReason.optional(),
  metrics: metricsSchema.optional(),
  summary: z.looseObject({ turns: num, items: num, watchSec: num, instructions: num }),
});

const eventBase = { sessionId: z.string(), seq: z.number().int().min(0), turn: z.number().int().min(0), at: num };

export const eventRecordSchema = z.discriminatedUnion('kind', [
  z.looseObject({ ...eventBase, kind: z.literal('list'), slate: slateSchema, items: z.array(itemSnapshotSchema).optional() }),
  z.looseObject({ ...eventBase, kind: z.literal('decision'), decision: decisionSchema }),
  z.looseObject({ ...eventBase, kind: z.literal('leave'), position: z.number().int().min(0) }),
  z.looseObject({ ...eventBase, kind: z.literal('reflection'), reflection: reflectionSchema }),
  z.looseObject({ ...eventBase, kind: z.literal('instruction'), text: z.string() }),
  z.looseObject({ ...eventBase, kind: z.literal('reply'), message: z.string(), slate: slateSchema }),
]);

export const exportedSessionSchema = z.object({
  session: sessionRecordSchema,
  events: z.array(eventRecordSchema),
  trajectory: trajectorySchema.nullable().optional(),
  items: z.array(itemSnapshotSchema).optional(),
});

/** Describe the first problems of a failed parse: "turns.0.decisions.1.watchSec: expected number". */
export function describeIssues(err: z.ZodError, max = 3): string {
  return err.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
