/**
 * Per-user split of an interaction log by time: the oldest part becomes the profile's
 * history, the newest part is held out (never shown to recommenders or the simulator),
 * as in the fidelity and list-reordering protocols.
 */

/** The two parts of one user's log, each oldest first. */
export interface TimeSplit<T> {
  history: T[];
  heldOut: T[];
}

/**
 * Sort by `at` (stable: equal timestamps keep their input order, which for MovieLens is
 * the file order) and cut after the first `floor(fraction * n)` entries, keeping at
 * least one in the history when there is any.
 *
 * @param fraction share of interactions that goes to the history, in (0, 1]; default 0.8
 */
export function splitByTime<T extends { at: number }>(entries: readonly T[], fraction = 0.8): TimeSplit<T> {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`history fraction must be in (0, 1], got ${fraction}`);
  const sorted = entries.slice().sort((a, b) => a.at - b.at);
  const n = sorted.length;
  const cut = n === 0 ? 0 : Math.min(n, Math.max(1, Math.floor(n * fraction + 1e-9)));
  return { history: sorted.slice(0, cut), heldOut: sorted.slice(cut) };
}

/** MovieLens rating -> the action it stands for: >= 4 like, >= 3 watch, else skip. */
export function ratingToAction(rating: number): 'like' | 'watch' | 'skip' {
  if (rating >= 4) return 'like';
  if (rating >= 3) return 'watch';
  return 'skip';
}
