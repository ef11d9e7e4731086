/**
 * Maps the action names small models actually write onto the paper's action space.
 */
import type { ActionType } from '../types';
import { ACTION_TYPES } from '../types';

/** Near-miss spellings and synonyms seen from small models, lower-case, without punctuation. */
const ALIASES: Record<string, ActionType> = {
  watched: 'watch', watching: 'watch', view: 'watch', viewed: 'watch', play: 'watch', played: 'watch', read: 'watch',
  continue: 'watch', open: 'click', opened: 'click', clicked: 'click', tap: 'click', tapped: 'click', select: 'click',
  liked: 'like', love: 'like', loved: 'like', heart: 'like', upvote: 'like', favorite: 'like', favourite: 'like',
  shared: 'share', repost: 'share', reposted: 'share', send: 'share', forward: 'share',
  commented: 'comment', reply: 'comment', replied: 'comment', respond: 'comment',
  skipped: 'skip', pass: 'skip', passed: 'skip', ignore: 'skip', ignored: 'skip', scroll: 'skip', scrolled: 'skip',
  next: 'skip', swipe: 'skip', dislike: 'skip', none: 'skip', nothing: 'skip',
  left: 'leave', quit: 'leave', exit: 'leave', exited: 'leave', close: 'leave', closed: 'leave', stop: 'leave',
  end: 'leave', leaving: 'leave', 'leave session': 'leave', 'leave the session': 'leave', 'close app': 'leave',
};

/** The action a free-form name means, or null when it means none of them. */
export function normalizeAction(raw: unknown): ActionType | null {
  if (typeof raw !== 'string') return null;
  const s = raw.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if ((ACTION_TYPES as readonly string[]).includes(s)) return s as ActionType;
  if (ALIASES[s]) return ALIASES[s];
  // "watch 30 seconds", "like and share": take the words one by one.
  for (const word of s.split(' ')) {
    if ((ACTION_TYPES as readonly string[]).includes(word)) return word as ActionType;
    if (ALIASES[word]) return ALIASES[word];
  }
  return null;
}
