/**
 * The LLM planner: asks a chat engine (WebLLM in the browser, or any OpenAI-compatible
 * endpoint) to turn an instruction into a plan, under a JSON schema. The reply is
 * validated: names that are not catalog topics/creators are mapped through the lexicon
 * (fuzzy) or dropped; an invalid reply (or an engine error) falls back to the rule-based
 * plan, marked by `planner: 'llm→rules'`.
 */
import { z } from 'zod';
import type { ChatEngine } from '../../llm/chat-engine';
import { extractJsonObject } from '../../llm/json-extract';
import type { ItemFormat, Plan } from '../../types';
import { findEntities, normalizeWords } from './lexicon';
import { summarizePlan } from './plan';
import { rulePlan, userTopicStrength, type PlanInput, type Planner } from './rule-planner';

const FORMATS: ItemFormat[] = ['short_video', 'text_post', 'image', 'friend_suggestion', 'movie'];

/** JSON Schema of the plan the model must return. */
export const PLAN_JSON_SCHEMA = {
  type: 'object',
  properties: {
    reasoning: { type: 'string', description: 'One sentence: what the user wants.' },
    moreTopics: { type: 'array', items: { type: 'string' } },
    lessTopics: { type: 'array', items: { type: 'string' } },
    moreCreators: { type: 'array', items: { type: 'string' } },
    lessCreators: { type: 'array', items: { type: 'string' } },
    locations: { type: 'array', items: { type: 'string' } },
    formats: { type: 'array', items: { type: 'string', enum: FORMATS } },
    explore: { type: 'boolean' },
    maxDurationSec: { type: ['integer', 'null'] },
    preferRecent: { type: 'boolean' },
    preferTrending: { type: 'boolean' },
    diversify: { type: 'boolean' },
  },
  required: ['moreTopics', 'lessTopics', 'explore'],
} as const;

const strList = z.array(z.string()).default([]);
const planReply = z.object({
  reasoning: z.string().optional(),
  moreTopics: strList,
  lessTopics: strList,
  moreCreators: strList,
  lessCreators: strList,
  locations: strList,
  formats: z.array(z.string()).default([]),
  explore: z.boolean().default(false),
  maxDurationSec: z.number().int().positive().nullable().optional(),
  preferRecent: z.boolean().default(false),
  preferTrending: z.boolean().default(false),
  diversify: z.boolean().default(false),
});

/** The prompt: the user's visible profile, recent topics, the catalog's vocabulary, the instruction. */
export function planPrompt(input: PlanInput): { system: string; user: string } {
  const { observation: obs, index } = input;
  const topics = index.catalog.topics.map((t) => `${t.id} (${t.label})`).join(', ');
  const strength = [...userTopicStrength(obs, index).entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([t]) => t)
    .join(', ');
  const places = [...new Set(index.catalog.items.map((i) => i.locale).filter(Boolean))].slice(0, 40).join('; ');
  const system =
    'You are the planning module of an instruction-following recommender system. ' +
    'Turn the user instruction into a retrieval plan. Use only topic ids from this list: ' +
    topics +
    `. Known places: ${places}. ` +
    'For vague requests ("I am bored", "something interesting") set explore=true and choose topics related to the user interests that they have not seen recently. ' +
    'Reply with one JSON object only.';
  const user =
    `User: ${obs.profile.name}, ${obs.profile.age ?? 'age unknown'}, ${obs.profile.location}. ` +
    `Strongest interests: ${strength || 'unknown'}. Location now: ${obs.context.location}.\n` +
    `Instruction: "${input.instruction}"`;
  return { system, user };
}

/** Map model-written names to catalog ids via the lexicon; unknown names are dropped. */
function mapNames(names: string[], kind: 'topic' | 'creator' | 'place', input: PlanInput): string[] {
  const out: string[] = [];
  const { lexicon, index } = input;
  for (const name of names) {
    if (kind === 'topic' && index.byTopic.has(name)) out.push(name);
    else if (kind === 'creator' && index.byCreator.has(name)) out.push(name);
    else if (kind === 'place' && lexicon.placeLocales.has(name)) out.push(...(lexicon.placeLocales.get(name) ?? []));
    else {
      for (const m of findEntities(lexicon, normalizeWords(name))) {
        if (m.entry.kind !== kind) continue;
        if (kind === 'place') out.push(...(lexicon.placeLocales.get(m.entry.id) ?? []));
        else out.push(m.entry.id);
        break;
      }
    }
  }
  return [...new Set(out)];
}

/** Validate a model reply into a Plan; null when it is not usable. */
export function planFromReply(text: string, input: PlanInput): Plan | null {
  const json = extractJsonObject(text);
  if (!json) return null;
  const parsed = planReply.safeParse(json.value);
  if (!parsed.success) return null;
  const r = parsed.data;
  const plan: Plan = {
    summary: '',
    moreTopics: mapNames(r.moreTopics, 'topic', input),
    lessTopics: mapNames(r.lessTopics, 'topic', input),
    moreCreators: mapNames(r.moreCreators, 'creator', input),
    lessCreators: mapNames(r.lessCreators, 'creator', input),
    locations: mapNames(r.locations, 'place', input),
    formats: r.formats.filter((f): f is ItemFormat => (FORMATS as string[]).includes(f)),
    explore: r.explore,
    maxDurationSec: r.maxDurationSec ?? undefined,
    preferRecent: r.preferRecent,
    preferTrending: r.preferTrending,
    diversify: r.diversify,
    planner: 'llm',
  };
  plan.moreTopics = plan.moreTopics.filter((t) => !plan.lessTopics.includes(t));
  plan.summary = summarizePlan(plan, (t) => input.lexicon.topicLabel.get(t) ?? t, (c) => input.lexicon.creatorName.get(c) ?? c);
  return plan;
}

/** An LLM planner on a chat engine; up to `retries` extra attempts, then the rule-based plan. */
export function createLlmPlanner(engine: ChatEngine, opts: { retries?: number; temperature?: number } = {}): Planner {
  const retries = opts.retries ?? 1;
  return {
    name: 'llm',
    async plan(input: PlanInput): Promise<Plan> {
      const { system, user } = planPrompt(input);
      for (let attempt = 0; attempt <= retries; attempt++) {
        try {
          const res = await engine.chat({
            messages: [
              { role: 'system', content: system },
              { role: 'user', content: user },
            ],
            temperature: opts.temperature ?? 0,
            maxTokens: 300,
            responseFormat: { type: 'json_object', schema: PLAN_JSON_SCHEMA, name: 'plan' },
          });
          const plan = planFromReply(res.text, input);
          if (plan) return plan;
        } catch {
          // engine error: try again, then fall back below
        }
      }
      const fallback = rulePlan(input);
      return { ...fallback, planner: 'llm→rules' };
    },
  };
}
