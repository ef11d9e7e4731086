/**
 * Judging trajectories against written rubrics, to keep only good ones as training data.
 * Two judges behind one interface:
 *   - a rule-based judge (no model): stated compliance checks on the list after each
 *     instruction, and whether the user's satisfaction recovered on it;
 *   - an LLM judge on any ChatEngine: the trajectory as text plus the rubrics, a JSON reply
 *     `{scores: {rubric: 0..1}, pass, reason}` validated with zod; an unusable reply falls
 *     back to the rule-based verdict (marked `fallback`).
 * `filterJudged` keeps the passing trajectories; `judgedJsonl` writes them one per line.
 */
import { z } from 'zod';
import type { CatalogIndex } from '../catalog/catalog-index';
import type { ChatEngine } from '../llm/chat-engine';
import { isAbortError } from '../llm/chat-engine';
import { extractJsonObject } from '../llm/json-extract';
import type { AbortLike } from '../simulator/simulator';
import type { Instruction, Trajectory } from '../types';
import { regionOf } from '../users/context';
import { describeCheck, runCheck, type ComplianceCheck } from './compliance';

/** The written rubrics every judge scores (0 = not at all, 1 = fully). */
export const RUBRICS = [
  { id: 'followed', text: 'The instruction was followed by the next list' },
  { id: 'better_off', text: 'The user was better off after the instruction' },
] as const;

export type RubricId = (typeof RUBRICS)[number]['id'];

/** Scores at or above this on every rubric are needed to pass. */
export const PASS_THRESHOLD = 0.5;

export interface JudgeVerdict {
  trajectoryId: string;
  /** 'rule' or the engine id of the LLM judge. */
  judge: string;
  /** Instructions with a next list (what was judged). */
  instructions: number;
  scores: Record<RubricId, number>;
  pass: boolean;
  reason: string;
  /** LLM judge only: the reply was unusable and the rule-based verdict stands. */
  fallback?: boolean;
}

export interface TrajectoryJudge {
  readonly name: string;
  judge(t: Trajectory, opts?: { signal?: AbortLike }): Promise<JudgeVerdict>;
}

/** One instruction and what followed it. */
export interface InstructionEpisode {
  turn: number;
  instruction: Instruction;
  before: string[];
  after: string[];
  reply?: string;
  satisfactionBefore: number;
  satisfactionAfter: number;
  /** The user left during the next list. */
  leftOnNext: boolean;
}

/** The instructions of a trajectory that have a next list. */
export function instructionEpisodes(t: Trajectory): InstructionEpisode[] {
  const out: InstructionEpisode[] = [];
  for (let i = 0; i + 1 < t.turns.length; i++) {
    const turn = t.turns[i];
    const instruction = turn.reflection?.instruction;
    const next = t.turns[i + 1];
    if (!instruction || next.decisions.length === 0) continue;
    out.push({
      turn: i,
      instruction,
      before: turn.slate.itemIds,
      after: next.slate.itemIds,
      reply: next.slate.message,
      satisfactionBefore: turn.decisions[turn.decisions.length - 1]?.mindset.satisfaction ?? 0,
      satisfactionAfter: next.decisions[next.decisions.length - 1].mindset.satisfaction,
      leftOnNext: next.decisions.some((d) => d.actions.includes('leave')),
    });
  }
  return out;
}

const THIRD = 1 / 3;

/**
 * The stated checks of the "followed" rubric for one instruction, from its analysis fields
 * (kind and targets, as the rule-based simulator writes them). Bounds are for short lists
 * (6 items): "at most 20%" allows one item, "at least a third" asks for two.
 */
export function followChecks(ep: InstructionEpisode, index: CatalogIndex): ComplianceCheck[] {
  const targets = ep.instruction.targets ?? [];
  const prevTopics = [...new Set(ep.before.map((id) => index.byId.get(id)?.topic).filter((x): x is string => !!x))];
  const newTopics: ComplianceCheck = { type: 'new_topics_at_least', previousTopics: prevTopics, bound: 0.5 };
  switch (ep.instruction.kind) {
    case 'less_of_topic':
      return targets[0] ? [{ type: 'topic_share_at_most', topic: targets[0], bound: 0.2 }] : [newTopics];
    case 'more_of_topic':
      return targets.length ? [{ type: 'topics_share_at_least', topics: [targets[targets.length - 1]], bound: THIRD }] : [newTopics];
    case 'related_but_different': {
      // The repeated topic is the first target when two are named, or the only one when it was in the list before.
      const repeated = targets.length >= 2 || (targets[0] && prevTopics.includes(targets[0])) ? targets[0] : undefined;
      return repeated ? [{ type: 'topic_share_at_most', topic: repeated, bound: 0.2 }, newTopics] : [newTopics];
    }
    case 'bored_more_interesting':
      return [newTopics];
    case 'local_trending': {
      const region = regionOf(targets[0] ?? '');
      const locales = [...new Set(index.catalog.items.map((i) => i.locale).filter((l) => regionOf(l) === region))];
      return [{ type: 'locale_share_at_least', locales, bound: THIRD }];
    }
    case 'shorter':
      return [{ type: 'duration_share_at_least', sec: 60, bound: 0.5 }];
    case 'fresher':
      return [{ type: 'recent_share_at_least', days: 7, bound: 0.5 }];
    case 'creator':
      return targets[0] ? [{ type: 'creator_share_at_least', creator: targets[0], bound: 0.15 }] : [newTopics];
    default:
      // No analysis fields (e.g. an LLM simulator's free text): at least the list changed course.
      return [{ ...newTopics, bound: THIRD }];
  }
}

const emptyScores = (): Record<RubricId, number> => ({ followed: 0, better_off: 0 });
const passes = (s: Record<RubricId, number>) => RUBRICS.every((r) => s[r.id] >= PASS_THRESHOLD);

/** The rule-based judge: share of instructions whose checks pass, and share after which satisfaction rose. */
export function createRuleJudge(index: CatalogIndex): TrajectoryJudge {
  return {
    name: 'rule',
    async judge(t) {
      const eps = instructionEpisodes(t);
      if (eps.length === 0) return { trajectoryId: t.id, judge: 'rule', instructions: 0, scores: emptyScores(), pass: false, reason: 'No instruction with a next list to judge.' };
      let followed = 0;
      let better = 0;
      const notes: string[] = [];
      for (const ep of eps) {
        const results = followChecks(ep, index).map((c) => runCheck(c, ep.after, index));
        const ok = results.every((r) => r.pass);
        if (ok) followed++;
        if (ep.satisfactionAfter > ep.satisfactionBefore) better++;
        const failed = results.filter((r) => !r.pass).map((r) => describeCheck(r.check));
        notes.push(`"${ep.instruction.text}": ${ok ? 'followed' : `not followed (${failed.join('; ')})`}, satisfaction ${ep.satisfactionBefore.toFixed(2)} -> ${ep.satisfactionAfter.toFixed(2)}`);
      }
      const scores = { followed: followed / eps.length, better_off: better / eps.length };
      return { trajectoryId: t.id, judge: 'rule', instructions: eps.length, scores, pass: passes(scores), reason: notes.join(' | ') };
    },
  };
}

/** The JSON reply the LLM judge must give. */
export const JudgeReplySchema = z.object({
  scores: z.object({ followed: z.number().min(0).max(1), better_off: z.number().min(0).max(1) }),
  pass: z.boolean(),
  reason: z.string().max(4000),
});

/** JSON Schema of the reply, for engines that constrain decoding. */
export const JUDGE_REPLY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    scores: {
      type: 'object',
      properties: { followed: { type: 'number', minimum: 0, maximum: 1 }, better_off: { type: 'number', minimum: 0, maximum: 1 } },
      required: ['followed', 'better_off'],
    },
    pass: { type: 'boolean' },
    reason: { type: 'string' },
  },
  required: ['scores', 'pass', 'reason'],
} as const;

/** Parse and validate a judge reply; null when it is not usable. */
export function parseJudgeReply(text: string): z.infer<typeof JudgeReplySchema> | null {
  const got = extractJsonObject(text);
  if (!got) return null;
  const r = JudgeReplySchema.safeParse(got.value);
  return r.success ? r.data : null;
}

/** The trajectory as the LLM judge reads it: each instruction with the lists around it. */
export function renderForJudge(t: Trajectory, index: CatalogIndex): string {
  const list = (ids: string[]) =>
    ids
      .map((id, i) => {
        const it = index.byId.get(id);
        return it ? `  ${i + 1}. ${it.title} [${it.topic}; ${it.durationSec}s; ${it.format}; ${it.locale}; by ${it.creator}]` : `  ${i + 1}. (unknown item ${id})`;
      })
      .join('\n');
  const parts = [`Session of user ${t.userId} with recommender ${t.recommender} (${t.turns.length} lists).`];
  instructionEpisodes(t).forEach((ep, k) => {
    parts.push(
      `Instruction ${k + 1}, after list ${ep.turn + 1}: "${ep.instruction.text}"`,
      `List before:\n${list(ep.before)}`,
      ep.reply ? `Recommender reply: "${ep.reply}"` : 'Recommender reply: (none)',
      `List after:\n${list(ep.after)}`,
      `User satisfaction (0..1): ${ep.satisfactionBefore.toFixed(2)} when instructing, ${ep.satisfactionAfter.toFixed(2)} after the next list; the user ${ep.leftOnNext ? 'left during it' : 'went on'}.`,
    );
  });
  return parts.join('\n');
}

export function judgeSystemPrompt(): string {
  return [
    'You evaluate sessions of a recommender system with a user who gave instructions.',
    'Score each rubric from 0 (not at all) to 1 (fully), over all instructions of the session:',
    ...RUBRICS.map((r) => `- ${r.id}: ${r.text}.`),
    `Set "pass" to true only if every score is at least ${PASS_THRESHOLD}.`,
    'Reply with one JSON object only: {"scores": {"followed": number, "better_off": number}, "pass": boolean, "reason": "one or two sentences"}.',
  ].join('\n');
}

export interface LlmJudgeOptions {
  engine: ChatEngine;
  index: CatalogIndex;
  /** Used when the reply is unusable after `retries` more tries (default: the rule judge). */
  fallback?: TrajectoryJudge;
  retries?: number;
  temperature?: number;
  model?: string;
}

/**
 * The LLM judge. The model's pass stands only if its scores agree (every score at least
 * PASS_THRESHOLD), so a careless "pass": true with low scores does not keep a trajectory.
 */
export function createLlmJudge(o: LlmJudgeOptions): TrajectoryJudge {
  const fallback = o.fallback ?? createRuleJudge(o.index);
  const retries = o.retries ?? 1;
  return {
    name: o.engine.id,
    async judge(t, opts = {}) {
      const eps = instructionEpisodes(t);
      if (eps.length === 0) return { trajectoryId: t.id, judge: o.engine.id, instructions: 0, scores: emptyScores(), pass: false, reason: 'No instruction with a next list to judge.' };
      let why = 'no JSON object in the reply';
      for (let attempt = 0; attempt <= retries; attempt++) {
        try {
          const res = await o.engine.chat(
            {
              messages: [
                { role: 'system', content: judgeSystemPrompt() },
                { role: 'user', content: renderForJudge(t, o.index) },
              ],
              model: o.model,
              temperature: o.temperature ?? 0,
              responseFormat: { type: 'json_object', schema: JUDGE_REPLY_JSON_SCHEMA, name: 'judge_verdict' },
            },
            { signal: opts.signal },
          );
          const reply = parseJudgeReply(res.text);
          if (reply) {
            const scores = { followed: reply.scores.followed, better_off: reply.scores.better_off };
            return { trajectoryId: t.id, judge: o.engine.id, instructions: eps.length, scores, pass: reply.pass && passes(scores), reason: reply.reason };
          }
          why = 'the reply did not match {scores: {followed, better_off in 0..1}, pass, reason}';
        } catch (e) {
          if (isAbortError(e) || opts.signal?.aborted) throw e;
          why = e instanceof Error ? e.message : String(e);
        }
      }
      const v = await fallback.judge(t, opts);
      return { ...v, fallback: true, reason: `LLM judge unusable (${why}); ${v.judge} judge: ${v.reason}` };
    },
  };
}

export interface JudgedSet {
  /** Trajectories that passed, in input order. */
  kept: Trajectory[];
  /** One verdict per input trajectory, in input order. */
  verdicts: JudgeVerdict[];
}

/** Judge every trajectory in order; keep those that pass. */
export async function filterJudged(
  trajectories: readonly Trajectory[],
  judge: TrajectoryJudge,
  opts: { signal?: AbortLike; onProgress?: (done: number, total: number) => void } = {},
): Promise<JudgedSet> {
  const kept: Trajectory[] = [];
  const verdicts: JudgeVerdict[] = [];
  for (const t of trajectories) {
    if (opts.signal?.aborted) break;
    const v = await judge.judge(t, { signal: opts.signal });
    verdicts.push(v);
    if (v.pass) kept.push(t);
    opts.onProgress?.(verdicts.length, trajectories.length);
  }
  return { kept, verdicts };
}

/** The kept trajectories as JSONL for training: one `{"trajectory": ..., "verdict": ...}` per line. */
export function judgedJsonl(set: JudgedSet): string {
  // `kept` are exactly the passing verdicts' trajectories, in the same order.
  const passing = set.verdicts.filter((v) => v.pass);
  return set.kept.map((t, i) => JSON.stringify({ trajectory: t, verdict: passing[i] })).join('\n') + (set.kept.length ? '\n' : '');
}
