/**
 * The prompt templates of the LLM user simulator. They are plain text with `{{name}}`
 * placeholders, editable in the UI and stored with each session, so a run can be read
 * later together with the exact prompts that produced it.
 *
 * The system template may use only session-constant variables (persona, context): the
 * system message is then byte-identical for every item of a session, and engines with
 * prefix caching reuse it.
 */

/** The editable templates. */
export interface PromptTemplates {
  /** System message: role, rules and the persona (session-constant variables only). */
  system: string;
  /** User message for one item: memory, mindset, the item, the reply format. */
  item: string;
}

/** Variables the system template may use (constant within a session). */
export const SYSTEM_VARIABLES = ['persona', 'context', 'instructions_rule'] as const;
/** Variables the item template may use. */
export const ITEM_VARIABLES = ['memory', 'mindset', 'position', 'turn', 'item', 'reply_format'] as const;

/** The default templates (the paper's §3 three steps). */
export const DEFAULT_TEMPLATES: PromptTemplates = {
  system: [
    'You are role-playing a real person scrolling a short-video feed. Stay in character: react the way this person would, not the way an assistant would.',
    'You see the recommended items one at a time. For each item take three steps:',
    '1. Think it through: what is your reasoning about how you will respond?',
    '2. Take action: click, comment (with the comment text), share, like, watch (with the seconds watched), skip, or leave the session.',
    '3. Update your mindset: how does this item change your current thinking?',
    'Leave when you are bored, dissatisfied or out of time. When you leave, reflect on why you are dissatisfied. {{instructions_rule}}',
    'Answer with one JSON object only, no other text.',
    '',
    '# Who you are',
    '{{persona}}',
    '',
    '# Right now',
    '{{context}}',
  ].join('\n'),
  item: [
    '# Your memory',
    '{{memory}}',
    '',
    '# Your mindset',
    '{{mindset}}',
    '',
    '# Item {{position}} of list {{turn}}',
    '{{item}}',
    '',
    '{{reply_format}}',
  ].join('\n'),
};

/** Fill `{{name}}` placeholders; unknown names are left as they are so a typo is visible in the prompt. */
export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : whole,
  );
}

/** Placeholders in a template that the simulator will not fill (shown as warnings in the editor). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)) if (!allowed.includes(m[1]) && !out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Text of the reply-format instruction (kept out of the editable templates so the parser and the prompt never drift apart). */
export const REPLY_FORMAT = [
  'Reply with this JSON object:',
  '{"thought": "...", "actions": ["watch", "like"], "watch_seconds": 30, "comment": "", "interest": 0-10, "satisfaction": 0-10,',
  ' "mindset": "...", "reflection": "", "reasons": [], "instruction": ""}',
  'actions: one or more of click, comment, share, like, watch, skip, leave. watch_seconds: 0 unless you watch, at most the duration.',
  'comment: the text when you comment, else "". When you leave, add "leave" last, write the reflection, pick reasons from',
  'repetitive, off_interest, too_long, low_quality, stale, not_local, bored, time_up, satisfied, and write the instruction (or "").',
].join('\n');
