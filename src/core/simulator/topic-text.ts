/**
 * Topic names as they read inside a sentence: catalog labels ("Hairstyling", "UFC",
 * "Lobster Fishing") become "hairstyling", "UFC", "lobster fishing"; acronyms and words with
 * digits or inner capitals keep their case.
 */
import type { Catalog } from '../types';

/** Lower-case capitalised words of a label, keep acronyms ("UFC", "F1", "McLaren"). */
export function inSentence(label: string): string {
  return label
    .split(' ')
    .map((w) => (/^[A-Z][a-z'-]*$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

/** Where render functions get topic labels: a catalog, a map id -> label, or a function. */
export type TopicLabels = Catalog | Readonly<Record<string, string>> | ((topicId: string) => string);

const catalogLabels = new WeakMap<Catalog, Map<string, string>>();

/** The sentence form of a topic id, using the labels when given (else a prettified id). */
export function topicText(id: string, labels?: TopicLabels): string {
  let label: string | undefined;
  if (typeof labels === 'function') label = labels(id);
  else if (labels && 'items' in labels && Array.isArray(labels.items) && 'topics' in labels) {
    const cat = labels as Catalog;
    let m = catalogLabels.get(cat);
    if (!m) {
      m = new Map(cat.topics.map((t) => [t.id, t.label]));
      catalogLabels.set(cat, m);
    }
    label = m.get(id);
  } else if (labels) label = (labels as Record<string, string>)[id];
  return inSentence(label || prettyTopic(id));
}

/** Words that are acronyms in topic ids. */
const ACRONYMS = new Set(['ufc', 'mma', 'nba', 'nfl', 'nhl', 'mlb', 'bjj', 'diy', 'ai', 'tv', 'uk', 'sf', 'nyc', 'asmr', 'rpg', 'f1', 'ev', 'vr']);

/** A readable label for a topic id without a catalog label: "ufc" -> "UFC", "deep-sea" -> "deep sea". */
export function prettyTopic(id: string): string {
  const words = id.split(/[-_\s]+/).filter(Boolean);
  return words.map((w) => (ACRONYMS.has(w.toLowerCase()) || /\d/.test(w) ? w.toUpperCase() : w)).join(' ');
}
