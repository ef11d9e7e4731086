/**
 * Shapes of the hand-written lexicons the catalog generator draws from.
 *
 * Title, description and community templates may use `{slot}` placeholders. A slot is
 * filled once per item, so the same `{species}` appears in both the title and the
 * description. Topic slots come from `TopicLex.slots`; the generator always provides
 * `{n}` (3..12), `{min}` (5..30), `{city}` (the item's city), `{day}` (a weekday),
 * `{creator}` (the creator's display name), `{sub}` (the sub-topic label) and `{topic}`
 * (the topic label).
 */

/** A finer grain inside a topic (e.g. "lobster" inside "fishing"). */
export interface SubtopicLex {
  id: string;
  label: string;
  /** Hashtags (lower-case, no '#') that every item of this sub-topic carries. */
  tags: string[];
  /** Post titles; `{slot}` placeholders allowed. */
  titles: string[];
}

/** One interest cluster. */
export interface TopicLex {
  id: string;
  label: string;
  /** Related topic ids (must exist in the lexicon). */
  related: string[];
  subtopics: SubtopicLex[];
  /** Slot name -> fillers. */
  slots: Record<string, string[]>;
  /** One-sentence descriptions; `{slot}` placeholders allowed. */
  descriptions: string[];
  /** Creator display names (each becomes a creator whose home topic is this one). */
  creators: string[];
  /** Hashtags shared by the whole topic. */
  tags: string[];
  /** Locales where this topic's creators cluster, besides the general mix. */
  places?: string[];
  /** Relative number of items (1 = the base count). */
  weight?: number;
}
