/**
 * The planner's vocabulary, built from the catalog: topics (ids, labels, sub-topics and
 * their most frequent hashtags as synonyms), creators and places. Matching is on word
 * n-grams with light fuzziness (plurals, one typo in longer words), so "UFC fights",
 * "hair styling" and "formula 1" all land on their topics.
 */
import type { CatalogIndex } from '../../catalog/catalog-index';
import { BAY_AREA, isBayArea } from '../../users/context';

export type EntityKind = 'topic' | 'creator' | 'place';

/** One phrase that names an entity. */
export interface LexEntry {
  kind: EntityKind;
  /** Topic id, creator id or place string (as in `Item.locale` or a region alias). */
  id: string;
  /** Normalised words of the phrase. */
  words: string[];
  /** Higher for exact names (labels) than for synonyms (tags). */
  weight: number;
}

/** A phrase found in an instruction, with the word positions it covers. */
export interface LexMatch {
  entry: LexEntry;
  start: number;
  end: number;
}

export interface Lexicon {
  entries: LexEntry[];
  /** First word -> entries starting with a word fuzzily equal to it (bucketed by the first letter). */
  byFirst: Map<string, LexEntry[]>;
  topicLabel: Map<string, string>;
  creatorName: Map<string, string>;
  /** Place alias -> locales it covers (e.g. "bay area" -> all Bay Area cities). */
  placeLocales: Map<string, string[]>;
}


/** Words that never name an entity on their own (they are too common in instructions). */
const STOP = new Set([
  'a', 'an', 'the', 'me', 'my', 'i', 'im', 'of', 'to', 'and', 'or', 'but', 'more', 'less', 'show', 'some', 'something',
  'content', 'stuff', 'videos', 'video', 'posts', 'post', 'new', 'different', 'related', 'similar', 'like', 'this', 'that',
  'what', 'people', 'are', 'is', 'in', 'on', 'for', 'with', 'too', 'much', 'many', 'please', 'want', 'see', 'fun', 'life',
  'tips', 'day', 'best', 'how', 'you', 'your', 'it', 'all', 'just', 'only', 'get', 'make', 'watching', 'watch', 'bored',
  'interesting', 'local', 'news', 'short', 'shorter', 'long', 'longer', 'latest', 'fresh', 'trending', 'popular', 'area',
  'look', 'looks', 'good', 'great', 'cool', 'nice', 'thing', 'things', 'one', 'ones', 'again', 'kind', 'type', 'sort', 'same',
]);

/** Lower-case, strip accents and punctuation, split into words. */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('es') && /(sh|ch|x|s)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Two words match when equal after stemming, or one edit apart for words of 6+ letters. */
export function wordsMatch(a: string, b: string): boolean {
  const sa = stem(a);
  const sb = stem(b);
  if (sa === sb) return true;
  return sa.length >= 6 && sb.length >= 6 && editDistance(sa, sb, 1) <= 1;
}

function add(lex: Lexicon, seen: Set<string>, kind: EntityKind, id: string, phrase: string, weight: number): void {
  const words = normalizeWords(phrase);
  if (words.length === 0 || words.length > 4) return;
  if (words.length === 1 && (STOP.has(words[0]) || words[0].length < 2)) return;
  const key = `${kind}|${id}|${words.join(' ')}`;
  if (seen.has(key)) return;
  seen.add(key);
  const entry: LexEntry = { kind, id, words, weight };
  lex.entries.push(entry);
  const k = stem(words[0])[0];
  const bucket = lex.byFirst.get(k);
  if (bucket) bucket.push(entry);
  else lex.byFirst.set(k, [entry]);
}

/** Hyphenated ids and tags also match as separate words and as one word ("hair-styling", "hairstyling"). */
function variants(s: string): string[] {
  const spaced = s.replace(/[-_]+/g, ' ');
  return [...new Set([s, spaced, spaced.replace(/ /g, '')])];
}

/** Build the lexicon of a catalog (once per `fit`). */
export function buildLexicon(index: CatalogIndex): Lexicon {
  const lex: Lexicon = { entries: [], byFirst: new Map(), topicLabel: new Map(), creatorName: new Map(), placeLocales: new Map() };
  const seen = new Set<string>();
  const { catalog } = index;
  for (const t of catalog.topics) {
    lex.topicLabel.set(t.id, t.label);
    for (const v of variants(t.id)) add(lex, seen, 'topic', t.id, v, 3);
    add(lex, seen, 'topic', t.id, t.label, 3);
    for (const part of t.label.split(/[&/,]| and /)) add(lex, seen, 'topic', t.id, part, 2);
  }
  // Sub-topics and the most frequent tags of each topic are synonyms of the topic. A tag
  // used by several topics belongs to the one that uses it most.
  const tagTopic = new Map<string, Map<string, number>>();
  for (const item of catalog.items) {
    if (!lex.topicLabel.has(item.topic)) lex.topicLabel.set(item.topic, item.topic);
    for (const tag of [...item.tags, item.subtopic]) {
      if (!tag) continue;
      const m = tagTopic.get(tag) ?? new Map<string, number>();
      m.set(item.topic, (m.get(item.topic) ?? 0) + 1);
      tagTopic.set(tag, m);
    }
  }
  for (const [tag, counts] of [...tagTopic.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let best = '';
    let bestN = 0;
    let total = 0;
    for (const [topic, n] of counts) {
      total += n;
      if (n > bestN || (n === bestN && topic < best)) {
        best = topic;
        bestN = n;
      }
    }
    if (bestN >= 2 && bestN / total >= 0.6) for (const v of variants(tag)) add(lex, seen, 'topic', best, v, 1);
  }
  for (const c of catalog.creators) {
    lex.creatorName.set(c.id, c.name);
    add(lex, seen, 'creator', c.id, c.name, 3);
    add(lex, seen, 'creator', c.id, c.id.replace(/^@/, ''), 3);
  }
  const locales = [...new Set(catalog.items.map((i) => i.locale).filter(Boolean))].sort();
  const bay: string[] = [];
  for (const loc of locales) {
    if (loc.toLowerCase().includes('bay area') || isBayArea(loc)) bay.push(loc);
    lex.placeLocales.set(loc, [loc]);
    add(lex, seen, 'place', loc, loc.split(',')[0], 3);
  }
  if (bay.length) {
    lex.placeLocales.set(BAY_AREA, bay);
    add(lex, seen, 'place', BAY_AREA, 'bay area', 4);
    add(lex, seen, 'place', BAY_AREA, 'sf bay area', 4);
    add(lex, seen, 'place', BAY_AREA, 'the bay', 2);
  }
  return lex;
}

/**
 * Every lexicon phrase found in `words`, longest match first; matches do not overlap
 * (a longer phrase wins over the words inside it).
 */
export function findEntities(lex: Lexicon, words: string[]): LexMatch[] {
  const found: LexMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const bucket = lex.byFirst.get(stem(words[i])[0]);
    if (!bucket) continue;
    for (const entry of bucket) {
      const n = entry.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = wordsMatch(words[i + j], entry.words[j]);
      if (ok) found.push({ entry, start: i, end: i + n });
      // "hair styling" for "hairstyling": a one-word phrase written as two words.
      else if (n === 1 && i + 1 < words.length && wordsMatch(words[i] + words[i + 1], entry.words[0])) {
        found.push({ entry, start: i, end: i + 2 });
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.entry.weight - a.entry.weight || a.start - b.start);
  const taken = new Uint8Array(words.length);
  const out: LexMatch[] = [];
  for (const m of found) {
    let free = true;
    for (let i = m.start; i < m.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) taken[i] = 1;
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}
