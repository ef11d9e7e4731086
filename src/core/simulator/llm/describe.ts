/**
 * Persona, context and items as prompt text. Deterministic: the same inputs give the same
 * bytes (the persona text is part of the cached prompt prefix).
 */
import type { Catalog, Context, Item, UserProfile } from '../../types';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A topic id as words ("deep_sea-fishing" -> "deep sea fishing"). */
export function topicLabel(catalog: Catalog | null, id: string): string {
  const t = catalog?.topics.find((x) => x.id === id);
  return t ? t.label : id.replace(/[_-]+/g, ' ');
}

function level(w: number): string {
  return w >= 0.75 ? 'love' : w >= 0.5 ? 'like a lot' : w >= 0.25 ? 'somewhat like' : 'mildly curious about';
}

function traitWord(v: number, low: string, mid: string, high: string): string {
  return v >= 0.66 ? high : v >= 0.33 ? mid : low;
}

/** The persona: demographics, interests (strongest first), groups and traits, as a short profile. */
export function personaText(user: UserProfile, catalog: Catalog | null): string {
  const who = [user.name, user.age !== null ? `${user.age}` : '', user.gender, user.occupation].filter(Boolean).join(', ');
  const lines = [`You are ${who}, living in ${user.location || 'an unspecified place'}.`];
  if (user.bio) lines.push(user.bio);
  const interests = Object.entries(user.interests)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8);
  if (interests.length) {
    lines.push(`Interests: ${interests.map(([t, w]) => `${topicLabel(catalog, t)} (${level(w)})`).join('; ')}.`);
  }
  if (user.groups.length) lines.push(`Groups: ${user.groups.join(', ')}.`);
  const t = user.traits;
  lines.push(
    `You usually spend about ${Math.round(t.timeBudgetSec / 60)} minutes per session. You are ` +
      [
        traitWord(t.curiosity, 'set in your tastes', 'open to some new things', 'very curious about new topics'),
        traitWord(t.activity, 'a quiet viewer who rarely likes or comments', 'an occasional liker', 'quick to like, comment and share'),
        traitWord(t.conformity, 'indifferent to what is popular', 'a little swayed by popularity', 'drawn to popular content'),
        traitWord(t.fatigueSensitivity, 'patient with repetition', 'tired of repetition after a while', 'quickly bored by repetition'),
      ].join(', ') +
      '.',
  );
  return lines.join('\n');
}

/** The session's context: time, day, device, place. */
export function contextText(ctx: Context): string {
  return `It is ${DAYS[ctx.dayOfWeek] ?? 'a day'} ${ctx.timeOfDay}; you are on your ${ctx.device} in ${ctx.location || 'an unspecified place'}.`;
}

/** "3 hours ago", "2 days ago", relative to the catalog's now. */
export function relativeTime(at: number, now: number): string {
  const sec = Math.max(0, (now - at) / 1000);
  const units: [number, string][] = [[86400 * 365, 'year'], [86400 * 30, 'month'], [86400 * 7, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [s, name] of units) {
    const n = Math.floor(sec / s);
    if (n >= 1) return `${n} ${name}${n > 1 ? 's' : ''} ago`;
  }
  return 'just now';
}

/** Compact counts: 1234 -> "1.2k". */
export function compactCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1).replace(/\.0$/, '')}k`;
  return String(Math.round(n));
}

/** A duration as "45 s" or "3 min 20 s". */
export function durationText(sec: number): string {
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** The item as the user sees it: title, description, creator, topic, hashtags, duration, engagement, age. */
export function itemText(item: Item, catalog: Catalog | null): string {
  const now = catalog?.now ?? item.publishedAt;
  const creator = item.creator ? catalog?.creators.find((c) => c.id === item.creator)?.name ?? item.creator : '';
  const lines = [`"${item.title}"`, item.description];
  if (creator) lines.push(`By ${creator}${item.locale ? ` (${item.locale})` : ''}.`);
  lines.push(`Topic: ${topicLabel(catalog, item.topic)}${item.subtopic ? ` / ${item.subtopic.replace(/[_-]+/g, ' ')}` : ''}.`);
  if (item.tags.length) lines.push(item.tags.map((t) => `#${t}`).join(' '));
  lines.push(
    `${item.format.replace('_', ' ')}, ${durationText(item.durationSec)} (${Math.round(item.durationSec)} s); ` +
      `${compactCount(item.likes)} likes, ${compactCount(item.comments)} comments, ${compactCount(item.shares)} shares; ` +
      `posted ${relativeTime(item.publishedAt, now)}.`,
  );
  return lines.join('\n');
}
