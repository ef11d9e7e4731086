/**
 * A topic id the catalog lacks (the default "fishing" on an imported MovieLens catalog, a
 * share link from another catalog), or null. The forms show it as an option named "(not in
 * this catalog)" rather than a blank select; running says it is not in the catalog.
 */
export function missingTopic(id: string, topics: readonly { id: string }[]): string | null {
  return id && !topics.some((t) => t.id === id) ? id : null;
}
