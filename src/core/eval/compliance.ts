/**
 * Automatic, stated compliance tests on the list a recommender returns after an
 * instruction. Each check is data (so the suite can be listed, stored and shown) and
 * reads one list against the catalog.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import type { ItemFormat } from '../types';

export type ComplianceCheck =
  /** Share of items of `topic` at most `bound`. */
  | { type: 'topic_share_at_most'; topic: string; bound: number }
  /** Share of items whose topic is one of `topics` at least `bound`. */
  | { type: 'topics_share_at_least'; topics: string[]; bound: number }
  /** Share of items with a locale in `locales` at least `bound`. */
  | { type: 'locale_share_at_least'; locales: string[]; bound: number }
  /** Share of items at most `sec` seconds long at least `bound`. */
  | { type: 'duration_share_at_least'; sec: number; bound: number }
  /** Share of items published in the last `days` days (catalog clock) at least `bound`. */
  | { type: 'recent_share_at_least'; days: number; bound: number }
  /** Share of items by `creator` at least `bound`. */
  | { type: 'creator_share_at_least'; creator: string; bound: number }
  /** Share of items of `format` at least `bound`. */
  | { type: 'format_share_at_least'; format: ItemFormat; bound: number }
  /** Items stay related to the user: share whose topic is in `topics` (interests and their neighbours) at least `bound`. */
  | { type: 'related_to_user_at_least'; topics: string[]; bound: number }
  /** Share of items whose topic was not in the previous list at least `bound` (something new). */
  | { type: 'new_topics_at_least'; previousTopics: string[]; bound: number };

/** Outcome of one check on one list. */
export interface CheckResult {
  check: ComplianceCheck;
  value: number;
  pass: boolean;
}

const DAY_MS = 86_400_000;

function share(ids: string[], index: CatalogIndex, pred: (id: string) => boolean): number {
  if (ids.length === 0) return 0;
  let n = 0;
  for (const id of ids) if (index.byId.has(id) && pred(id)) n++;
  return n / ids.length;
}

/** Evaluate one check on a list. */
export function runCheck(check: ComplianceCheck, ids: string[], index: CatalogIndex): CheckResult {
  const item = (id: string) => index.byId.get(id)!;
  let value: number;
  let pass: boolean;
  switch (check.type) {
    case 'topic_share_at_most':
      value = share(ids, index, (id) => item(id).topic === check.topic);
      pass = value <= check.bound;
      break;
    case 'topics_share_at_least':
      value = share(ids, index, (id) => check.topics.includes(item(id).topic));
      pass = value >= check.bound;
      break;
    case 'locale_share_at_least':
      value = share(ids, index, (id) => check.locales.includes(item(id).locale));
      pass = value >= check.bound;
      break;
    case 'duration_share_at_least':
      value = share(ids, index, (id) => item(id).durationSec <= check.sec);
      pass = value >= check.bound;
      break;
    case 'recent_share_at_least':
      value = share(ids, index, (id) => index.catalog.now - item(id).publishedAt <= check.days * DAY_MS);
      pass = value >= check.bound;
      break;
    case 'creator_share_at_least':
      value = share(ids, index, (id) => item(id).creator === check.creator);
      pass = value >= check.bound;
      break;
    case 'format_share_at_least':
      value = share(ids, index, (id) => item(id).format === check.format);
      pass = value >= check.bound;
      break;
    case 'related_to_user_at_least':
      value = share(ids, index, (id) => check.topics.includes(item(id).topic));
      pass = value >= check.bound;
      break;
    case 'new_topics_at_least':
      value = share(ids, index, (id) => !check.previousTopics.includes(item(id).topic));
      pass = value >= check.bound;
      break;
  }
  return { check, value, pass };
}

/** The check as a sentence, for reports and the leaderboard. */
export function describeCheck(c: ComplianceCheck): string {
  const pct = (b: number) => `${Math.round(b * 100)}%`;
  switch (c.type) {
    case 'topic_share_at_most':
      return `${c.topic} at most ${pct(c.bound)} of the list`;
    case 'topics_share_at_least':
      return `${c.topics.join('/')} at least ${pct(c.bound)}`;
    case 'locale_share_at_least':
      return `local items (${c.locales.length} places) at least ${pct(c.bound)}`;
    case 'duration_share_at_least':
      return `items of at most ${c.sec}s at least ${pct(c.bound)}`;
    case 'recent_share_at_least':
      return `items from the last ${c.days} days at least ${pct(c.bound)}`;
    case 'creator_share_at_least':
      return `items by ${c.creator} at least ${pct(c.bound)}`;
    case 'format_share_at_least':
      return `${c.format.replace('_', ' ')} items at least ${pct(c.bound)}`;
    case 'related_to_user_at_least':
      return `items related to the user's interests at least ${pct(c.bound)}`;
    case 'new_topics_at_least':
      return `topics not in the previous list at least ${pct(c.bound)}`;
  }
}
