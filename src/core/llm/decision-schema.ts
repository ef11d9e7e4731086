/**
 * The structured reply the LLM user gives for one item (the paper's three steps:
 * think, act, update the mindset; on leaving, reflect and instruct or not), as a JSON
 * Schema for the engines that constrain generation and as a zod schema that validates
 * every reply, constrained or not.
 */
import { z } from 'zod';
import type { ActionType, ReflectionReason } from '../types';
import { ACTION_TYPES } from '../types';

/** Reflection reason codes the model may pick from. */
export const REFLECTION_REASONS: readonly ReflectionReason[] = [
  'repetitive', 'off_interest', 'too_long', 'low_quality', 'stale', 'not_local', 'bored', 'time_up', 'satisfied',
];

/** Name of the schema for engines that want one. */
export const ITEM_REPLY_SCHEMA_NAME = 'item_reply';

/**
 * JSON Schema of the reply. Every property is required and no others are allowed, which is
 * what OpenAI's `strict` mode needs; fields that do not apply are empty ("" / [] / 0).
 */
export const ITEM_REPLY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    thought: { type: 'string', description: 'Step 1: your reasoning about this item, first person, one to three sentences.' },
    actions: {
      type: 'array',
      description: 'Step 2: what you do, in order, e.g. ["watch","like"] or ["skip"] or ["leave"].',
      items: { type: 'string', enum: [...ACTION_TYPES] },
      minItems: 1,
      maxItems: 4,
    },
    watch_seconds: { type: 'number', description: 'Seconds watched (0 if not watched).' },
    comment: { type: 'string', description: 'Comment text when commenting, else "".' },
    interest: { type: 'integer', minimum: 0, maximum: 10, description: 'How interesting this item is to you, 0-10.' },
    satisfaction: { type: 'integer', minimum: 0, maximum: 10, description: 'How satisfied you are with the session now, 0-10.' },
    mindset: { type: 'string', description: 'Step 3: how this changes your current thinking, one sentence.' },
    reflection: { type: 'string', description: 'Only when leaving: why you are dissatisfied; else "".' },
    reasons: {
      type: 'array',
      items: { type: 'string', enum: [...REFLECTION_REASONS] },
      description: 'Only when leaving: reason codes; else [].',
    },
    instruction: {
      type: 'string',
      description: 'Only when leaving: a short request to the recommender, or "" to leave silently.',
    },
  },
  required: [
    'thought', 'actions', 'watch_seconds', 'comment', 'interest', 'satisfaction', 'mindset', 'reflection', 'reasons', 'instruction',
  ],
  additionalProperties: false,
} as const;

/** A reply after normalisation: what the simulator turns into an `ItemDecision`. */
export const itemReplySchema = z.object({
  thought: z.string().min(1, 'thought is empty'),
  actions: z.array(z.enum(ACTION_TYPES as [ActionType, ...ActionType[]])).min(1, 'no action'),
  watchSec: z.number().finite().min(0),
  comment: z.string(),
  /** In [0, 1]. */
  interest: z.number().min(0).max(1),
  /** In [0, 1]. */
  satisfaction: z.number().min(0).max(1),
  mindset: z.string().min(1, 'mindset is empty'),
  reflection: z.string(),
  reasons: z.array(z.enum(REFLECTION_REASONS as [ReflectionReason, ...ReflectionReason[]])),
  instruction: z.string(),
});

export type ItemReply = z.infer<typeof itemReplySchema>;
