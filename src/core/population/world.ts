/**
 * The explicit state of a simulated world: the clock, the items' engagement counters, the
 * creators' follower changes, each user's memory (seen items, per-topic fatigue, fatigue
 * towards the tested creator, the return model's blended session quality, when they last
 * opened the app), the pending in-network deliveries (inboxes) and the event log of the
 * tracked posts. `advance` (week.ts) takes a state and returns a new one; the input state,
 * the catalog and the population are never modified.
 */

/** Event kinds of the tracked posts' log. */
export const EV_EXPOSURE = 0;
export const EV_VIEW = 1;
export const EV_LIKE = 2;
export const EV_COMMENT = 3;
export const EV_SHARE = 4;
export const EV_FOLLOW = 5;
export const EV_UNFOLLOW = 6;

/** Most pending deliveries a user's inbox holds; more are dropped and counted (a bound, not a silent loss). */
export const INBOX_CAP = 64;
/** Shares remembered per user. */
export const RECENT_SHARES = 8;

export interface WorldState {
  /** Minutes since the start of the week. */
  clockMin: number;
  // ---- items (world item index) ----
  exposures: Int32Array;
  views: Int32Array;
  likes: Int32Array;
  comments: Int32Array;
  shares: Int32Array;
  // ---- creators ----
  newFollows: Int32Array;
  unfollows: Int32Array;
  // ---- users ----
  /** 1 when the user follows the tested creator (the posts' creator). */
  followsFocus: Uint8Array;
  lastOpenMin: Float64Array;
  /** Blended session quality in [0, 1] (the return model's input; 0.5 before any session). */
  quality: Float32Array;
  /** Per user x topic fatigue and the minute it was last updated. */
  fatigue: Float32Array;
  fatigueAt: Float32Array;
  /** Fatigue towards the tested creator (grows with each of their posts seen) and when updated. */
  creatorLoad: Float32Array;
  creatorLoadAt: Float32Array;
  /** Seen items: a bitset of `seenStride` bytes per user. */
  seen: Uint8Array;
  seenStride: number;
  /** Position of each user in their recommender pool. */
  cursor: Int32Array;
  /** The last RECENT_SHARES items each user shared (ring buffers, -1 empty), for "what's new with her". */
  recentShares: Int32Array;
  recentSharesAt: Float64Array;
  recentSharesPos: Uint8Array;
  // ---- inboxes: pending deliveries as linked lists in a pool ----
  inboxHead: Int32Array;
  inboxCount: Uint8Array;
  poolNext: Int32Array;
  poolItem: Int32Array;
  poolFrom: Int32Array;
  poolVisibleMin: Float64Array;
  poolSize: number;
  inboxDropped: number;
  // ---- totals ----
  sessions: number;
  totalExposures: number;
  totalViews: number;
  // ---- event log of tracked posts: minute, kind, post, user, parent (-1 = seeded/recommended) ----
  evMin: Float64Array;
  evKind: Uint8Array;
  evItem: Int32Array;
  evUser: Int32Array;
  evParent: Int32Array;
  evCount: number;
}

/** A fresh world for `users` users, `items` items, `creators` creators and `topics` topics, at minute 0. */
export function createWorld(users: number, items: number, creators: number, topics: number): WorldState {
  const stride = Math.ceil(items / 8);
  return {
    clockMin: 0,
    exposures: new Int32Array(items),
    views: new Int32Array(items),
    likes: new Int32Array(items),
    comments: new Int32Array(items),
    shares: new Int32Array(items),
    newFollows: new Int32Array(creators),
    unfollows: new Int32Array(creators),
    followsFocus: new Uint8Array(users),
    lastOpenMin: new Float64Array(users).fill(-1e9),
    quality: new Float32Array(users).fill(0.5),
    fatigue: new Float32Array(users * topics),
    fatigueAt: new Float32Array(users * topics),
    creatorLoad: new Float32Array(users),
    creatorLoadAt: new Float32Array(users),
    seen: new Uint8Array(users * stride),
    seenStride: stride,
    cursor: new Int32Array(users),
    recentShares: new Int32Array(users * RECENT_SHARES).fill(-1),
    recentSharesAt: new Float64Array(users * RECENT_SHARES),
    recentSharesPos: new Uint8Array(users),
    inboxHead: new Int32Array(users).fill(-1),
    inboxCount: new Uint8Array(users),
    poolNext: new Int32Array(1024),
    poolItem: new Int32Array(1024),
    poolFrom: new Int32Array(1024),
    poolVisibleMin: new Float64Array(1024),
    poolSize: 0,
    inboxDropped: 0,
    sessions: 0,
    totalExposures: 0,
    totalViews: 0,
    evMin: new Float64Array(1024),
    evKind: new Uint8Array(1024),
    evItem: new Int32Array(1024),
    evUser: new Int32Array(1024),
    evParent: new Int32Array(1024),
    evCount: 0,
  };
}

/** A deep copy (typed arrays copied): what `advance` works on, so its input stays as it was. */
export function cloneWorld(w: WorldState): WorldState {
  const out = { ...w } as WorldState;
  for (const [k, v] of Object.entries(w)) {
    if (ArrayBuffer.isView(v)) (out as unknown as Record<string, unknown>)[k] = (v as unknown as { slice(): unknown }).slice();
  }
  return out;
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Push a delivery into a user's inbox (dropped and counted when the inbox is full). */
export function pushInbox(w: WorldState, user: number, item: number, from: number, visibleMin: number): void {
  if (w.inboxCount[user] >= INBOX_CAP) {
    w.inboxDropped++;
    return;
  }
  const p = w.poolSize++;
  if (p >= w.poolNext.length) {
    w.poolNext = grown(w.poolNext, p + 1);
    w.poolItem = grown(w.poolItem, p + 1);
    w.poolFrom = grown(w.poolFrom, p + 1);
    w.poolVisibleMin = grown(w.poolVisibleMin, p + 1);
  }
  w.poolItem[p] = item;
  w.poolFrom[p] = from;
  w.poolVisibleMin[p] = visibleMin;
  w.poolNext[p] = w.inboxHead[user];
  w.inboxHead[user] = p;
  w.inboxCount[user]++;
}

/** Remember that user u shared item i at minute m. */
export function rememberShare(w: WorldState, u: number, i: number, m: number): void {
  const p = w.recentSharesPos[u];
  w.recentShares[u * RECENT_SHARES + p] = i;
  w.recentSharesAt[u * RECENT_SHARES + p] = m;
  w.recentSharesPos[u] = (p + 1) % RECENT_SHARES;
}

/** Append an event of a tracked post. */
export function logEvent(w: WorldState, min: number, kind: number, item: number, user: number, parent: number): void {
  const e = w.evCount++;
  if (e >= w.evMin.length) {
    w.evMin = grown(w.evMin, e + 1);
    w.evKind = grown(w.evKind, e + 1);
    w.evItem = grown(w.evItem, e + 1);
    w.evUser = grown(w.evUser, e + 1);
    w.evParent = grown(w.evParent, e + 1);
  }
  w.evMin[e] = min;
  w.evKind[e] = kind;
  w.evItem[e] = item;
  w.evUser[e] = user;
  w.evParent[e] = parent;
}

/** True when user `u` has seen item `i`. */
export function hasSeen(w: WorldState, u: number, i: number): boolean {
  return (w.seen[u * w.seenStride + (i >> 3)] & (1 << (i & 7))) !== 0;
}

/** Mark item `i` seen by user `u`. */
export function markSeen(w: WorldState, u: number, i: number): void {
  w.seen[u * w.seenStride + (i >> 3)] |= 1 << (i & 7);
}
