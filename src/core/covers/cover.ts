/**
 * Item covers drawn from the item itself (topic, format, title): a deterministic
 * description of an SVG (colours, shapes, wrapped title lines), no network and no image
 * data. The UI renders it with SVG elements and the title as a text node (never as HTML).
 */
import { hashString } from '../rng';
import type { Item, ItemFormat } from '../types';

export interface CoverShape {
  kind: 'circle' | 'rect' | 'wave';
  x: number;
  y: number;
  size: number;
  hue: number;
  opacity: number;
}

export interface CoverSpec {
  /** Background gradient hues (degrees). */
  hueA: number;
  hueB: number;
  shapes: CoverShape[];
  /** Title split into at most 3 lines of at most `maxChars` characters (the last may end in "…"). */
  lines: string[];
  /** Short format badge ("▶ video", "text", "photo", ...). */
  badge: string;
}

/** Cover side in SVG units. */
export const COVER_SIZE = 120;

const BADGE: Record<ItemFormat, string> = {
  short_video: '▶ video',
  text_post: 'text',
  image: 'photo',
  friend_suggestion: 'people',
  movie: 'film',
};

/** Hue of a topic: stable per topic id, spread around the wheel. */
export function topicHueOf(topic: string): number {
  return hashString(`topic:${topic}`) % 360;
}

/**
 * Wrap text into at most `maxLines` lines of at most `maxChars` characters, word by word.
 * 13 characters of 13 px bold fit the cover's 104 units of width (16 ran past the edge).
 */
export function wrapTitle(text: string, maxChars = 13, maxLines = 3): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < words.length; i++) {
    let w = words[i];
    if (w.length > maxChars) w = w.slice(0, maxChars - 1) + '…';
    const next = cur ? `${cur} ${w}` : w;
    if (next.length <= maxChars) {
      cur = next;
      continue;
    }
    lines.push(cur);
    cur = w;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && cur) {
    lines.push(cur);
    cur = '';
  }
  if (i < words.length || cur) {
    const last = lines[lines.length - 1] ?? '';
    lines[lines.length - 1] = (last.length >= maxChars ? last.slice(0, maxChars - 1) : last) + '…';
  }
  return lines;
}

/** The cover of an item: same item, same cover, on every machine. */
export function coverFor(item: Pick<Item, 'id' | 'title' | 'topic' | 'format'>): CoverSpec {
  const hueA = topicHueOf(item.topic);
  const hueB = (hueA + 35 + (hashString(item.format) % 40)) % 360;
  let h = hashString(`${item.id}\u0000${item.title}`);
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    return h / 4294967296;
  };
  const kinds: CoverShape['kind'][] = item.format === 'short_video' ? ['circle', 'wave'] : item.format === 'text_post' ? ['rect', 'rect'] : ['circle', 'rect'];
  const shapes: CoverShape[] = [];
  const n = 3 + Math.floor(next() * 3);
  for (let s = 0; s < n; s++) {
    shapes.push({
      kind: kinds[s % kinds.length],
      x: Math.round(next() * COVER_SIZE),
      y: Math.round(next() * COVER_SIZE * 0.6),
      size: Math.round(14 + next() * 40),
      hue: (hueA + Math.round(next() * 80) - 40 + 360) % 360,
      opacity: Math.round((0.15 + next() * 0.3) * 100) / 100,
    });
  }
  return { hueA, hueB, shapes, lines: wrapTitle(item.title), badge: BADGE[item.format] ?? item.format };
}
