/**
 * A generated look for a topic (no network, no images): a stable hue from the topic id
 * and an emoji for well-known topics (or the topic's first letter).
 */
import { hashString } from '../../core/rng';

const EMOJI: [RegExp, string][] = [
  [/fish/, '🎣'],
  [/boat|sail/, '⛵'],
  [/seafood/, '🦞'],
  [/surf/, '🏄'],
  [/camp/, '⛺'],
  [/hik/, '🥾'],
  [/\bf1\b|formula/, '🏎️'],
  [/skin/, '🧴'],
  [/makeup/, '💄'],
  [/coffee/, '☕'],
  [/bak/, '🧁'],
  [/dance/, '💃'],
  [/photo|camera/, '📷'],
  [/anime|manga|cosplay/, '🎌'],
  [/history/, '🏛️'],
  [/local|news/, '📰'],
  [/soccer/, '⚽'],
  [/basket|nba/, '🏀'],
  [/ufc|mma|box|combat|wrestl|bjj|martial/, '🥊'],
  [/hair|beauty|makeup|fashion|style/, '💇'],
  [/cook|food|recipe|bak|kitchen/, '🍳'],
  [/music|song|concert|band/, '🎵'],
  [/game|gaming|esport/, '🎮'],
  [/travel|hik|outdoor|camp/, '🏕️'],
  [/pet|dog|cat|animal/, '🐾'],
  [/tech|code|program|gadget|ai\b/, '💻'],
  [/news|politic/, '📰'],
  [/comedy|humou?r|meme|funny/, '😂'],
  [/fit|gym|workout|yoga/, '🏋️'],
  [/sport|soccer|football|basket|nba|baseball/, '🏟️'],
  [/car|auto|motor/, '🚗'],
  [/garden|plant/, '🌱'],
  [/diy|craft|wood/, '🛠️'],
  [/science|space|astro/, '🔭'],
  [/art|paint|draw/, '🎨'],
  [/finance|money|invest/, '💸'],
  [/parent|kid|family|baby/, '👶'],
  [/film|movie|cinema|drama/, '🎬'],
  [/action|adventure|thriller/, '💥'],
  [/horror/, '👻'],
  [/crime/, '🚔'],
  [/mystery|noir/, '🔍'],
  [/western/, '🤠'],
  [/\bwar\b/, '🎖️'],
  [/musical/, '🎼'],
  [/romance/, '💞'],
  [/animation|children/, '🧸'],
  [/document/, '🎥'],
  [/sci-fi|fantasy/, '🚀'],
  [/friend/, '🧑‍🤝‍🧑'],
];

/** Emoji (or letter) for a topic. */
export function topicGlyph(topic: string): string {
  const t = topic.toLowerCase();
  for (const [re, e] of EMOJI) if (re.test(t)) return e;
  return (topic[0] ?? '?').toUpperCase();
}

/** A stable hue in [0, 360) for a topic. */
export function topicHue(topic: string): number {
  return hashString(topic) % 360;
}

/** Format glyph for item formats. */
export const FORMAT_LABEL: Record<string, string> = {
  short_video: 'video',
  text_post: 'post',
  image: 'image',
  friend_suggestion: 'friend',
  movie: 'movie',
};

/** 75 -> "1:15". */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
