/**
 * The text a sentence-embedding model reads for an item: title, description, topic and
 * tags, in that order (the title says most; tags last so truncation drops them first).
 */
import type { Item, TopicInfo } from '../types';

/** One line of text per item. `topics` (optional) turns topic ids into labels. */
export function itemText(item: Item, topics?: ReadonlyMap<string, TopicInfo>): string {
  const topic = topics?.get(item.topic)?.label ?? item.topic;
  const tags = item.tags.length ? ` Tags: ${item.tags.map((t) => `#${t}`).join(' ')}.` : '';
  return `${item.title}. ${item.description} Topic: ${topic}${item.subtopic ? ` (${item.subtopic})` : ''}.${tags}`;
}
