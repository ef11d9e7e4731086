/**
 * Lessons said where they happen in the feed. Today one: a content-based list that holds
 * a single topic, while the user has other strong interests it never shows (the paper's
 * Maya sees only fishing and never UFC).
 */

/** The note for a list, or null when there is no lesson to point at. */
export function narrowListNote(recommender: string, turnIndex: number, listTopics: readonly string[], interests: Readonly<Record<string, number>>): string | null {
  if (turnIndex < 1 || !/^content\b/.test(recommender)) return null;
  const shown = new Set(listTopics.filter(Boolean));
  if (shown.size !== 1) return null;
  const [topic] = [...shown];
  const missed = Object.entries(interests)
    .filter(([t, w]) => !shown.has(t) && w >= 0.5)
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!missed) return null;
  return `Content-based only follows what she engaged with most (${topic}): her interest in ${missed} never comes back unless she asks for it.`;
}
