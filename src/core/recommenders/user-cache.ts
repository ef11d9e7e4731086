/**
 * A small cache of per-user derived values (profile vectors, fold-in factors), keyed by
 * user id and a fingerprint of the history (its length and a hash of its entries), so a
 * new interaction, or another run of the same user with a different history, recomputes.
 * Bounded, oldest entry first out, so a batch over thousands of users does not grow
 * memory without limit.
 */
import type { Interaction } from '../types';

/** Length plus FNV-1a hash of (item id, action, time) of every entry. O(history). */
export function historyKey(history: readonly Interaction[]): string {
  let h = 0x811c9dc5;
  for (const it of history) {
    const s = it.itemId;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ it.action.charCodeAt(0) ^ (it.action.length << 8), 0x01000193);
    h = Math.imul(h ^ (it.at % 0x7fffffff), 0x01000193);
    h = Math.imul(h ^ Math.round((it.watchSec ?? 0) * 10 + (it.rating ?? 0) * 1000), 0x01000193);
  }
  return `${history.length}:${(h >>> 0).toString(36)}`;
}

export class UserCache<V> {
  private readonly map = new Map<string, { key: string; value: V }>();

  constructor(private readonly capacity = 512) {}

  /** The cached value for this user and history, or a fresh one from `make`. */
  get(userId: string, history: readonly Interaction[], make: () => V): V {
    const key = historyKey(history);
    const hit = this.map.get(userId);
    if (hit && hit.key === key) return hit.value;
    const value = make();
    this.map.delete(userId);
    this.map.set(userId, { key, value });
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}
