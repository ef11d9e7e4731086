/**
 * Building the chat messages for one item. The system message depends only on
 * session-constant inputs (templates, persona, context, the instructions switch), so it is
 * byte-identical for every item of a session: the reusable prefix.
 */
import type { ChatMessage } from '../../llm/chat-engine';
import type { Catalog, Context, Item, Mindset, UserProfile } from '../../types';
import { contextText, durationText, itemText, personaText } from './describe';
import { REPLY_FORMAT, renderTemplate, type PromptTemplates } from './templates';

/** Session-constant inputs of the system message. */
export interface SystemInputs {
  user: UserProfile;
  context: Context;
  catalog: Catalog | null;
  instructionsEnabled: boolean;
}

/** The system message (the cached prefix). */
export function systemMessage(templates: PromptTemplates, s: SystemInputs): ChatMessage {
  const rule = s.instructionsEnabled
    ? 'Then either leave silently (empty instruction) or tell the recommender in one plain sentence what you want instead.'
    : 'Leave silently: give no instruction (empty instruction).';
  const content = renderTemplate(templates.system, {
    persona: personaText(s.user, s.catalog),
    context: contextText(s.context),
    instructions_rule: rule,
  });
  return { role: 'system', content };
}

/** The mindset as a few words for the prompt. */
export function mindsetText(m: Mindset, catalog: Catalog | null): string {
  const sat = m.satisfaction >= 0.7 ? 'satisfied' : m.satisfaction >= 0.45 ? 'so-so' : m.satisfaction >= 0.25 ? 'dissatisfied' : 'fed up';
  const bored = m.boredom >= 0.6 ? 'bored' : m.boredom >= 0.3 ? 'a little bored' : 'engaged';
  const tired = Object.entries(m.fatigue)
    .filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([t]) => catalog?.topics.find((x) => x.id === t)?.label ?? t);
  const parts = [
    `Satisfaction ${Math.round(m.satisfaction * 10)}/10 (${sat}), ${bored}.`,
    `Time left: about ${durationText(Math.max(0, m.timeLeftSec))}.`,
  ];
  if (tired.length) parts.push(`Seen enough of: ${tired.join(', ')}.`);
  return parts.join(' ');
}

/** Per-item inputs of the user message. */
export interface ItemInputs {
  memoryText: string;
  mindset: Mindset;
  item: Item;
  position: number;
  turn: number;
  catalog: Catalog | null;
}

/** The user message for one item. */
export function itemMessage(templates: PromptTemplates, i: ItemInputs): ChatMessage {
  const content = renderTemplate(templates.item, {
    memory: i.memoryText,
    mindset: mindsetText(i.mindset, i.catalog),
    position: String(i.position + 1),
    turn: String(i.turn + 1),
    item: itemText(i.item, i.catalog),
    reply_format: REPLY_FORMAT,
  });
  return { role: 'user', content };
}

/** A short note added on a retry, naming what was wrong with the previous reply. */
export function retryMessage(error: string): ChatMessage {
  return {
    role: 'user',
    content: `Your previous reply could not be used (${error}). Answer again with the JSON object only, every field present.`,
  };
}
