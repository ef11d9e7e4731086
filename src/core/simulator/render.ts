/**
 * Structured first, text last: the rule-based simulator records codes and numbers, and these
 * functions turn them into the sentences of the paper's Table 2 when (and only when) they
 * are shown. Pure and cheap; topic names come from the catalog labels when given.
 *
 *   renderReasons(d, item)   "Related to my fishing interest" / "Unrelated, already skipped"
 *   renderAction(d, item)    "Watch 20s / 45s, Like"
 *   renderMindsetNote(d)     "UFC is a top interest, expect more"
 *   renderReflection(r)      "Too much of the same thing. Most of it wasn't for me."
 */
import type { Item, ItemDecision, MindsetNoteCode, ReasonCode, Reflection, ReflectionReason } from '../types';
import { topicText, type TopicLabels } from './topic-text';
import { renderMovieReasons } from './movie-reasons';

export type { TopicLabels } from './topic-text';

/** Secondary reasons, in the order they are worth mentioning, and their phrases. */
const MODIFIERS: readonly [ReasonCode, string][] = [
  ['time_up', 'out of time'],
  ['dissatisfied', 'not enjoying this anymore'],
  ['bored', 'bored'],
  ['seen_before', "I've seen it before"],
  ['favourite_creator', 'a creator I like'],
  ['too_long', 'too long for now'],
  ['low_quality', 'looks low-effort'],
  ['local', 'from around here'],
  ['popular', 'lots of people like it'],
  ['high_quality', 'well made'],
  ['stale', 'old news'],
  ['fresh', 'just posted'],
  ['short_and_easy', 'short and easy'],
  ['context_fit', 'fits the moment'],
];

/** Most secondary phrases after the main one. */
const MAX_MODIFIERS = 2;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Why the user acted as it did, as one short sentence (no final full stop, as in Table 2). */
export function renderReasons(d: ItemDecision, item?: Item, labels?: TopicLabels): string {
  const r = d.reasons;
  // Movie decisions of the response model (they carry a predicted rating) name their driver,
  // or, when no part stood out, say "Worth a look" / "Not for me" and the rating (never an
  // empty line: a middling movie has no reason codes).
  if (d.rating !== undefined && !d.thought) return renderMovieReasons(d, topicText(d.relatedTopic ?? item?.topic ?? d.topic ?? '', labels));
  if (r.length === 0) return d.thought ?? '';
  const has = (c: ReasonCode) => r.includes(c);
  const topicId = item?.topic ?? d.topic ?? '';
  const topic = topicText(topicId, labels);
  const interest = has('strong_interest') || (has('related_interest') && !d.relatedTopic);
  const used = new Set<ReasonCode>();
  let main: string;
  const use = (...codes: ReasonCode[]) => codes.forEach((c) => used.add(c));
  if (interest && has('over_engagement')) {
    main = 'interest, but avoiding over-engagement';
    use('strong_interest', 'related_interest', 'over_engagement', 'fatigue');
  } else if (interest && has('fatigue')) {
    main = `interest, but getting tired of ${topic}`;
    use('strong_interest', 'related_interest', 'fatigue');
  } else if (has('strong_interest')) {
    main = "strong interest, I've engaged with this before";
    use('strong_interest');
  } else if (has('related_interest')) {
    main = `related to my ${topicText(d.relatedTopic ?? topicId, labels)} interest`;
    use('related_interest');
  } else if (has('novel_topic')) {
    main = d.relatedTopic ? `something new, close to my ${topicText(d.relatedTopic, labels)} interest` : 'something new';
    use('novel_topic');
  } else if (has('weak_interest')) {
    main = `mild interest in ${topic}`;
    use('weak_interest');
  } else if (has('unrelated')) {
    main = has('already_skipped_topic') ? 'unrelated, already skipped' : has('test_new_content') ? 'unrelated, testing new content' : 'unrelated';
    use('unrelated', 'already_skipped_topic', 'test_new_content');
  } else {
    main = '';
  }
  const extra: string[] = [];
  if (!used.has('over_engagement') && has('over_engagement')) extra.push('avoiding over-engagement');
  else if (!used.has('fatigue') && has('fatigue')) extra.push(`getting tired of ${topic}`);
  if (!used.has('already_skipped_topic') && has('already_skipped_topic')) extra.push('already skipped');
  if (!used.has('test_new_content') && has('test_new_content')) extra.push('testing new content');
  for (const [code, phrase] of MODIFIERS) {
    if (extra.length >= MAX_MODIFIERS) break;
    if (has(code)) extra.push(phrase);
  }
  if (!main) return cap(extra.slice(0, MAX_MODIFIERS + 1).join(', '));
  // Table 2's telegraphic style, with contrast made explicit: a liked item's drawbacks
  // (and a skipped item's merits) follow a "but" instead of reading as more reasons.
  const kept = extra.slice(0, MAX_MODIFIERS);
  const positiveMain = interest || has('related_interest') || has('novel_topic');
  const contrasts = (phrase: string) => (positiveMain ? NEGATIVE_PHRASES.has(phrase) : POSITIVE_PHRASES.has(phrase));
  const same = kept.filter((x) => !contrasts(x));
  const other = kept.filter(contrasts);
  const head = [main, ...same].join(', ');
  return cap(other.length ? `${head}, but ${other.join(' and ')}` : head);
}

/** Modifier phrases that speak against an item, and ones that speak for it. */
const NEGATIVE_PHRASES = new Set(
  MODIFIERS.filter(([c]) => ['time_up', 'dissatisfied', 'bored', 'seen_before', 'too_long', 'low_quality', 'stale'].includes(c)).map(([, p]) => p),
);
const POSITIVE_PHRASES = new Set(
  MODIFIERS.filter(([c]) => ['favourite_creator', 'local', 'popular', 'high_quality', 'fresh', 'short_and_easy', 'context_fit'].includes(c)).map(([, p]) => p),
);

const ACTION_WORD = {
  click: 'Click',
  comment: 'Comment',
  share: 'Share',
  like: 'Like',
  watch: 'Watch',
  skip: 'Skip',
  leave: 'Leave',
} as const;

/**
 * The action line: "Click, Watch 20s / 45s, Like"; the duration shows when the item is given.
 * A movie's duration is its trailer's (MovieLens imports give every movie a 150 s trailer),
 * so a movie watch reads "Watch trailer 90s / 150s" (docs/movielens.md).
 */
export function renderAction(d: ItemDecision, item?: Item): string {
  const what = item?.format === 'movie' ? 'Watch trailer' : 'Watch';
  return d.actions
    .map((a) => (a === 'watch' ? `${what} ${d.watchSec}s${item ? ` / ${item.durationSec}s` : ''}` : ACTION_WORD[a]))
    .join(', ');
}

/** The one-line mindset update: "Open to more fishing content", "Selective with UFC, want variety". */
export function renderMindsetNote(d: ItemDecision, labels?: TopicLabels): string {
  const topic = d.topic ? topicText(d.topic, labels) : 'this';
  const code: MindsetNoteCode = d.mindsetNote;
  switch (code) {
    case 'open_to_more':
      return d.topic ? `Open to more ${topic} content` : 'Open to more of this';
    case 'top_interest_expect_more':
      return `${cap(topic)} is a top interest, expect more`;
    case 'not_interested_less_likely':
      return 'Not interested, less likely to engage';
    case 'selective_want_variety':
      return `Selective with ${topic}, want variety`;
    case 'expect_fewer':
      return 'Not interested, expect fewer';
    case 'curious':
      return d.topic ? `Curious about ${topic}, open to more` : 'Curious, open to more';
    case 'getting_bored':
      return 'Getting bored';
    case 'satisfied':
      return 'Happy with the feed so far';
    case 'running_out_of_time':
      return 'Out of time, leaving content';
    case 'about_to_leave':
      return 'Had enough, about to leave';
    case 'neutral':
      return 'No change';
  }
}

const REFLECTION: Record<ReflectionReason, string> = {
  repetitive: 'Too much of the same thing.',
  off_interest: "Most of it wasn't for me.",
  too_long: 'The videos were too long.',
  low_quality: 'The quality was poor.',
  stale: 'It all felt old.',
  not_local: 'Nothing from around here.',
  bored: 'I got bored.',
  time_up: "I'm out of time.",
  satisfied: 'That was a good session.',
};

/**
 * The reflection as sentences. The instruction itself is not repeated (it is shown as its
 * own bubble); a silent exit after dissatisfaction says so.
 */
export function renderReflection(r: Reflection): string {
  const parts = r.reasons.map((x) => REFLECTION[x] ?? '');
  const content = r.reasons.includes('time_up') || r.reasons.includes('satisfied');
  if (!r.instruction && !content) parts.push('Leaving without saying anything.');
  if (parts.length === 0 && r.text) return r.text;
  return parts.filter(Boolean).join(' ');
}
