/**
 * From raw model text to a validated `ItemReply`: extract and repair the JSON, accept the
 * near-misses small models produce (an "action" string instead of "actions", "watched",
 * "30s", scores out of 1 or 100), clamp watch seconds to the item's duration, then
 * validate with zod. A reply that cannot be read gives an error message naming what is wrong
 * (it is shown in the trace and used for the retry).
 */
import type { ActionType, ReflectionReason } from '../types';
import { normalizeAction } from './actions';
import { REFLECTION_REASONS, itemReplySchema, type ItemReply } from './decision-schema';
import { extractJsonObject } from './json-extract';

export type ParseResult =
  | { ok: true; reply: ItemReply; repaired: boolean; notes: string[] }
  | { ok: false; error: string };

export interface ParseOptions {
  /** The item's duration: watch seconds are clamped to it. */
  durationSec: number;
}

/** Parse one reply. Never throws. */
export function parseItemReply(text: string, opts: ParseOptions): ParseResult {
  if (!text.trim()) return { ok: false, error: 'empty reply' };
  const extracted = extractJsonObject(text);
  if (!extracted) return { ok: false, error: 'no JSON object in the reply' };
  const raw = lowerKeys(extracted.value);
  const notes: string[] = [];
  if (extracted.repaired) notes.push('json repaired');

  const actionsRaw = raw.actions ?? raw.action;
  const actions = normalizeActions(actionsRaw, notes);
  if (actions === null) return { ok: false, error: `unknown action ${JSON.stringify(actionsRaw ?? null)}` };

  let watchSec = toNumber(raw.watch_seconds ?? raw.watchseconds ?? raw.watch_sec ?? raw.seconds ?? raw.watch_time);
  if (actions.includes('watch') && watchSec === null) return { ok: false, error: 'watch without watch_seconds' };
  if (watchSec === null || watchSec < 0) watchSec = 0;
  const cap = Math.max(0, opts.durationSec);
  if (watchSec > cap) {
    notes.push(`watch_seconds ${watchSec} clamped to ${cap}`);
    watchSec = cap;
  }
  if (!actions.includes('watch') && !actions.includes('click')) watchSec = 0;

  const comment = capped('comment', typeof raw.comment === 'string' ? raw.comment.trim() : '', TEXT_CAPS.comment, notes);
  if (actions.includes('comment') && !comment) return { ok: false, error: 'comment action without comment text' };

  const interest = toScore(raw.interest);
  const satisfaction = toScore(raw.satisfaction);
  if (interest === null) return { ok: false, error: 'missing or invalid field "interest"' };
  if (satisfaction === null) return { ok: false, error: 'missing or invalid field "satisfaction"' };

  const candidate = {
    thought: str(raw.thought ?? raw.reasoning ?? raw.think),
    actions,
    watchSec,
    comment,
    interest,
    satisfaction,
    mindset: capped('mindset', str(raw.mindset ?? raw.mindset_update ?? raw.update), TEXT_CAPS.mindset, notes),
    reflection: capped('reflection', str(raw.reflection), TEXT_CAPS.reflection, notes),
    reasons: normalizeReasons(raw.reasons),
    // Capped before it reaches a recommender (which may match it against the whole catalog).
    instruction: capped('instruction', str(raw.instruction).replace(/^(none|null|n\/a)$/i, ''), TEXT_CAPS.instruction, notes),
  };
  if (actions.includes('leave') && !candidate.reflection) return { ok: false, error: 'leave without reflection' };
  const parsed = itemReplySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid field "${issue.path.join('.')}": ${issue.message}` };
  }
  return { ok: true, reply: parsed.data, repaired: extracted.repaired, notes };
}

/** Keys a reply may not set: assigning `__proto__` on a plain object would swap its prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys lower-cased with '_' for spaces and dashes, into a prototype-less object; prototype keys are dropped. */
function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    const key = k.toLowerCase().replace(/[\s-]+/g, '_');
    if (!FORBIDDEN_KEYS.has(key)) out[key] = v;
  }
  return out;
}

/** Longest text kept per field (characters); longer text is cut and the cut noted. */
export const TEXT_CAPS = { instruction: 500, comment: 1000, mindset: 1000, reflection: 2000 } as const;

function capped(field: string, text: string, max: number, notes: string[]): string {
  if (text.length <= max) return text;
  notes.push(`${field} cut from ${text.length} to ${max} characters`);
  return text.slice(0, max);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Actions from an array or a string ("watch, like", "like and share"); null if any is unknown or none given. */
function normalizeActions(v: unknown, notes: string[]): ActionType[] | null {
  const parts: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  const out: ActionType[] = [];
  for (const p of parts) {
    const pieces = typeof p === 'string' ? p.split(/,|\band\b|\+|&|\bthen\b/i) : [p];
    for (const piece of pieces) {
      if (typeof piece === 'string' && !piece.trim()) continue;
      const a = normalizeAction(piece);
      if (!a) return null;
      if (typeof piece === 'string' && piece.trim().toLowerCase() !== a) notes.push(`action "${piece.trim()}" read as "${a}"`);
      if (!out.includes(a)) out.push(a);
    }
  }
  if (out.length === 0) return null;
  // 'skip' and 'leave' end the look at an item: nothing follows 'leave'; 'skip' alone means no engagement.
  const leave = out.includes('leave');
  const engaged = out.filter((a) => a !== 'skip' && a !== 'leave');
  const result: ActionType[] = engaged.length ? engaged : out.includes('skip') || !leave ? ['skip'] : [];
  if (leave) result.push('leave');
  return result;
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const m = /-?\d+(\.\d+)?/.exec(v);
    if (!m) return null;
    let n = Number(m[0]);
    if (/\bmin/i.test(v)) n *= 60;
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A score as 0-10 (the schema), 0-1 or 0-100 (what models also write), mapped to [0, 1]. */
function toScore(v: unknown): number | null {
  const n = toNumber(v);
  if (n === null || n < 0) return null;
  if (n <= 1 && !Number.isInteger(n)) return n;
  if (n <= 10) return n / 10;
  if (n <= 100) return n / 100;
  return null;
}

function normalizeReasons(v: unknown): ReflectionReason[] {
  if (!Array.isArray(v)) return [];
  const out: ReflectionReason[] = [];
  for (const r of v) {
    const s = typeof r === 'string' ? r.toLowerCase().trim().replace(/[\s-]+/g, '_') : '';
    if ((REFLECTION_REASONS as readonly string[]).includes(s) && !out.includes(s as ReflectionReason)) out.push(s as ReflectionReason);
  }
  return out;
}
