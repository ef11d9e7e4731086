/**
 * Sentence templates the rule-based user speaks: instructions to the recommender and short
 * comments. Slots: {X} the topic the complaint is about, {Z} a topic the user wants, {R} a
 * related topic, {P} a place, {C} a creator. Picked with the session's rng, so the wording
 * varies from run to run and is still reproducible.
 */
import type { InstructionKind, Rng } from '../types';

/** One instruction template: the kind it expresses and the slots it needs. */
export interface InstructionTemplate {
  kind: InstructionKind;
  text: string;
}

const T = (kind: InstructionKind, text: string): InstructionTemplate => ({ kind, text });

/** Too much of an interest: keep the spirit, change the content. */
export const REPETITIVE_INTEREST: readonly InstructionTemplate[] = [
  T('related_but_different', "There's too much {X}; show me something different but related."),
  T('related_but_different', 'Too much {X} for one sitting. Something related but different, please.'),
  T('related_but_different', "I like {X}, but that's too much {X}. Something close to it, just different."),
  T('less_of_topic', 'Okay, I have seen enough {X} for today. Mix it up a bit.'),
];

/** Same, when a related topic is known. */
export const REPETITIVE_INTEREST_RELATED: readonly InstructionTemplate[] = [
  T('related_but_different', 'Can you mix it up? Less {X}, more things like {R}.'),
  T('related_but_different', "There's too much {X}; show me something different but related, maybe {R}."),
];

/** Too much of a topic the user does not care for. */
export const REPETITIVE_OTHER: readonly InstructionTemplate[] = [
  T('less_of_topic', "There's way too much {X} here. Show me more {Z}."),
  T('less_of_topic', "Enough {X}, please. I'd rather see {Z}."),
  T('less_of_topic', 'Why is my feed all {X}? Less {X}, more {Z}.'),
];

/** Off-interest content: name what to drop and what to bring. */
export const OFF_INTEREST: readonly InstructionTemplate[] = [
  T('more_of_topic', "I'm not into {X}. Show me more {Z}."),
  T('less_of_topic', "Please stop showing me {X}; I'd rather see {Z}."),
  T('more_of_topic', 'No more {X} for me. Show me more {Z}.'),
  T('less_of_topic', 'Less {X}, please. How about some {Z}?'),
];

/** More of a topic the user loves and has not seen lately. */
export const MORE_OF: readonly InstructionTemplate[] = [
  T('more_of_topic', 'Show me more {Z}.'),
  T('more_of_topic', 'Got any {Z}? That is what I came for.'),
  T('more_of_topic', 'I want to see some {Z} today.'),
];

export const BORED: readonly InstructionTemplate[] = [
  T('bored_more_interesting', "I'm bored, show me something more interesting."),
  T('bored_more_interesting', 'Nothing here is grabbing me. Surprise me with something new.'),
  T('bored_more_interesting', "This is getting dull. Show me something I haven't seen before."),
];

export const BORED_RELATED: readonly InstructionTemplate[] = [
  T('related_but_different', "I'm bored. Something new would be nice, maybe {R}?"),
];

export const NOT_LOCAL: readonly InstructionTemplate[] = [
  T('local_trending', 'Show me what people in {P} are watching.'),
  T('local_trending', "What's popular around {P} right now?"),
  T('local_trending', 'Anything from {P}? Show me what is trending locally.'),
];

export const TOO_LONG: readonly InstructionTemplate[] = [
  T('shorter', 'These are all too long, show me shorter videos.'),
  T('shorter', "I don't have time for long videos right now. Shorter ones, please."),
  T('shorter', 'Keep it short: quick clips only.'),
];

export const STALE: readonly InstructionTemplate[] = [
  T('fresher', "This all feels old. Show me what's new today."),
  T('fresher', 'Show me something recent, these are stale.'),
];

export const LOW_QUALITY_CREATOR: readonly InstructionTemplate[] = [
  T('creator', 'This is all low-effort. Show me more from {C}.'),
  T('creator', 'The quality is poor. Anything new from {C}?'),
];

export const LOW_QUALITY: readonly InstructionTemplate[] = [
  T('more_of_topic', 'The quality here is poor. Show me better {Z} videos.'),
  T('more_of_topic', 'This is all low-effort. Show me better {Z} content.'),
];

/** Short comments; {X} is the topic label. */
export const COMMENTS: readonly string[] = [
  'Love this!',
  'Great one.',
  'More {X} like this please!',
  'This made my day.',
  'Wow, did not expect that.',
  'Saving this for later.',
  'So good.',
  'Best {X} clip this week.',
  'Ha, classic.',
  'Sharing this with my friends.',
];

/** Fill slots; the first letter is capitalised (a slot may start the sentence). */
export function fill(text: string, slots: Readonly<Record<string, string>>): string {
  const out = text.replace(/\{([A-Z])\}/g, (_, k: string) => slots[k] ?? '');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Pick a template with the rng. */
export function choose<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)];
}
