/**
 * A small cache of per-user derived values (profile vectors, fold-in factors), keyed by
 * user id and invalidated when the history length changes. Bounded, oldest entry first out,
 * so a batch over thousands of users does not grow memory without limit.
 */
export class UserCache<V> {
  private readonly map = new Map<string, { len: number; value: V }>();

  constructor(private readonly capacity = 512) {}

  /** The cached value for this user and history length, or a fresh one from `make`. */
  get(userId: string, historyLength: number, make: () => V): V {
    const hit = this.map.get(userId);
    if (hit && hit.len === historyLength) return hit.value;
    const value = make();
    this.map.delete(userId);
    this.map.set(userId, { len: historyLength, value });
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
