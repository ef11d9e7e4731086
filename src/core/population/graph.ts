/**
 * The social graph: ties between users (family, classmates, friends, and one user following
 * another) and users following creators. Stored as compressed adjacency (typed arrays):
 * - `reach`: whose feed a user's shares land in (both ends of a mutual tie; the followers
 *   of a followed user);
 * - `ties`: whom a user knows or follows, with the kind (what the planner reads for
 *   "my family", "my classmates");
 * - `creatorFollowers` / `following`: creator audiences and each user's followed creators.
 */
import type { Rng } from '../types';
import type { Population } from './users';

/** Kinds of tie. `follow` is directed (a follows b); the others are mutual. */
export const TIE_KINDS = ['family', 'classmate', 'friend', 'follow'] as const;
export type TieKind = (typeof TIE_KINDS)[number];
export const FAMILY = 0;
export const CLASSMATE = 1;
export const FRIEND = 2;
export const FOLLOW = 3;

/** An edge as given (generator or CSV): user `a` to user `b`, or user `a` follows creator `creator`. */
export interface Edge {
  a: number;
  b: number;
  kind: number;
}

/** Compressed sparse rows: the neighbours of node `i` are `to[offsets[i] .. offsets[i+1])`. */
export interface Csr {
  offsets: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
}

export interface SocialGraph {
  n: number;
  /** Share targets of each user. */
  reach: Csr;
  /** Whom each user knows or follows (tie kind per entry). */
  ties: Csr;
  /** Creator ids (index = creator node). */
  creatorIds: readonly string[];
  /** Followers of each creator (users). */
  creatorFollowers: Csr;
  /** Creators each user follows. */
  following: Csr;
  /** Number of user-user edges as given (mutual ties once). */
  userEdges: number;
}

function csr(nodes: number, from: Int32Array, to: Int32Array, kind: Uint8Array, m: number): Csr {
  const offsets = new Int32Array(nodes + 1);
  for (let e = 0; e < m; e++) offsets[from[e] + 1]++;
  for (let i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, nodes);
  const outTo = new Int32Array(m);
  const outKind = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    const p = fill[from[e]]++;
    outTo[p] = to[e];
    outKind[p] = kind[e];
  }
  return { offsets, to: outTo, kind: outKind };
}

/** Build the graph from user-user edges and user->creator follows (duplicates and self-loops dropped). */
export function graphFromEdges(n: number, creatorIds: readonly string[], userEdges: readonly Edge[], creatorFollows: readonly Edge[]): SocialGraph {
  const seen = new Set<number>();
  const ua: number[] = [];
  const ub: number[] = [];
  const uk: number[] = [];
  for (const e of userEdges) {
    if (e.a === e.b) continue;
    const mutual = e.kind !== FOLLOW;
    const lo = mutual ? Math.min(e.a, e.b) : e.a;
    const hi = mutual ? Math.max(e.a, e.b) : e.b;
    const key = (lo * n + hi) * 4 + (mutual ? 0 : 1);
    if (seen.has(key)) continue;
    seen.add(key);
    ua.push(e.a);
    ub.push(e.b);
    uk.push(e.kind);
  }
  const m = ua.length;
  let mutualCount = 0;
  for (let e = 0; e < m; e++) if (uk[e] !== FOLLOW) mutualCount++;
  // reach: mutual ties both ways; "a follows b" puts a in b's reach.
  const rSize = m + mutualCount;
  const rf = new Int32Array(rSize), rt = new Int32Array(rSize), rk = new Uint8Array(rSize);
  const tf = new Int32Array(rSize), tt = new Int32Array(rSize), tk = new Uint8Array(rSize);
  let p = 0;
  let q = 0;
  for (let e = 0; e < m; e++) {
    const a = ua[e], b = ub[e], k = uk[e];
    if (k === FOLLOW) {
      rf[p] = b; rt[p] = a; rk[p++] = k;
      tf[q] = a; tt[q] = b; tk[q++] = k;
    } else {
      rf[p] = a; rt[p] = b; rk[p++] = k;
      rf[p] = b; rt[p] = a; rk[p++] = k;
      tf[q] = a; tt[q] = b; tk[q++] = k;
      tf[q] = b; tt[q] = a; tk[q++] = k;
    }
  }
  const cSeen = new Set<number>();
  const cu: number[] = [];
  const cc: number[] = [];
  for (const e of creatorFollows) {
    const key = e.a * creatorIds.length + e.b;
    if (cSeen.has(key)) continue;
    cSeen.add(key);
    cu.push(e.a);
    cc.push(e.b);
  }
  const cm = cu.length;
  const cf = Int32Array.from(cc), ct = Int32Array.from(cu), ck = new Uint8Array(cm).fill(FOLLOW);
  return {
    n,
    reach: csr(n, rf, rt, rk, p),
    ties: csr(n, tf, tt, tk, q),
    creatorIds,
    creatorFollowers: csr(creatorIds.length, cf, ct, ck, cm),
    following: csr(n, ct, cf, ck, cm),
    userEdges: m,
  };
}

/** Options of the seeded graph generator. */
export interface GraphOptions {
  /** Friends added per user (mutual); default 3. */
  friendsPerUser?: number;
  /** Chance a friend comes from the same interest community; default 0.7. */
  homophily?: number;
  /** Users each user follows (directed, preferential attachment); default 2. */
  followsPerUser?: number;
  /** Creators each user follows, on average; default 4. */
  creatorsPerUser?: number;
  /** Weight of each catalog creator (e.g. its log engagement): a prior for who gets followers. */
  creatorWeight?: ArrayLike<number>;
  /** Home topic index of each creator (-1 unknown): users follow creators of topics they like. */
  creatorTopic?: ArrayLike<number>;
  /** Follows of creators decided elsewhere (e.g. the followers of a new creator), added as given. */
  extraCreatorFollows?: readonly Edge[];
}

function buckets(n: number, key: (u: number) => number): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const k = key(u);
    const list = m.get(k);
    if (list) list.push(u);
    else m.set(k, [u]);
  }
  return m;
}

/**
 * A seeded social graph: family (1-3, same region), classmates (same age band and region),
 * friends (homophily by interest community, else preferential attachment by degree), follows
 * of other users (preferential attachment: a few users gather many followers), and follows of
 * catalog creators (by the user's interest in the creator's topic times the creator's weight).
 */
export function generateGraph(pop: Population, creatorIds: readonly string[], opts: GraphOptions, rng: Rng): SocialGraph {
  const r = rng.fork('graph');
  const n = pop.n;
  const edges: Edge[] = [];
  const byRegion = buckets(n, (u) => pop.region[u]);
  const byClass = buckets(n, (u) => pop.ageBand[u] * 16 + pop.region[u]);
  const byCommunity = buckets(n, (u) => pop.community[u]);
  const pickFrom = (list: number[]) => list[r.int(list.length)];
  for (let u = 0; u < n; u++) {
    const fam = r.next() < 0.7 ? 1 + r.int(3) : 0;
    for (let k = 0; k < fam; k++) edges.push({ a: u, b: pickFrom(byRegion.get(pop.region[u])!), kind: FAMILY });
    const cls = r.int(3);
    for (let k = 0; k < cls; k++) edges.push({ a: u, b: pickFrom(byClass.get(pop.ageBand[u] * 16 + pop.region[u])!), kind: CLASSMATE });
  }
  // Friends: endpoints of existing friend edges are picked in proportion to their degree.
  const friends = opts.friendsPerUser ?? 3;
  const homophily = opts.homophily ?? 0.7;
  const ends: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let k = 0; k < friends; k++) {
      const same = r.next() < homophily;
      const v = same ? pickFrom(byCommunity.get(pop.community[u])!) : ends.length > 0 && r.next() < 0.8 ? ends[r.int(ends.length)] : r.int(n);
      if (v === u) continue;
      edges.push({ a: u, b: v, kind: FRIEND });
      ends.push(u, v);
    }
  }
  // Follows: preferential attachment on in-degree, so a few users become influencers.
  const follows = opts.followsPerUser ?? 2;
  const followed: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let k = 0; k < follows; k++) {
      const v = followed.length > 0 && r.next() < 0.85 ? followed[r.int(followed.length)] : r.int(n);
      if (v === u) continue;
      edges.push({ a: u, b: v, kind: FOLLOW });
      followed.push(v);
    }
  }
  const creatorFollows = generateCreatorFollows(pop, creatorIds, opts, r);
  return graphFromEdges(n, creatorIds, edges, opts.extraCreatorFollows ? creatorFollows.concat(opts.extraCreatorFollows) : creatorFollows);
}

function generateCreatorFollows(pop: Population, creatorIds: readonly string[], opts: GraphOptions, r: Rng): Edge[] {
  const C = creatorIds.length;
  const out: Edge[] = [];
  if (C === 0) return out;
  const T = pop.topicIds.length;
  const topicOf = opts.creatorTopic ?? new Int32Array(C).fill(-1);
  const weight = opts.creatorWeight ?? new Float64Array(C).fill(1);
  // Per topic, the cumulative creator weights (sampling in O(log C)).
  const perTopic: { ids: number[]; cum: number[] }[] = Array.from({ length: T + 1 }, () => ({ ids: [], cum: [] }));
  for (let c = 0; c < C; c++) {
    // A creator with no weight (a new one) gets followers only as given (extraCreatorFollows).
    if (!(weight[c] > 0)) continue;
    const t = topicOf[c] >= 0 && topicOf[c] < T ? topicOf[c] : T;
    const b = perTopic[t];
    b.ids.push(c);
    b.cum.push((b.cum[b.cum.length - 1] ?? 0) + Math.max(1e-6, weight[c]));
  }
  const mean = opts.creatorsPerUser ?? 4;
  const tw = new Float64Array(T + 1);
  for (let u = 0; u < pop.n; u++) {
    for (let t = 0; t < T; t++) {
      const w = pop.interests[u * T + t];
      tw[t] = perTopic[t].ids.length > 0 ? w * w * w : 0;
    }
    tw[T] = perTopic[T].ids.length > 0 ? 0.05 : 0;
    let total = 0;
    for (let t = 0; t <= T; t++) total += tw[t];
    if (total <= 0) continue;
    const k = Math.max(0, Math.round(mean * (0.4 + 1.2 * pop.activity[u]) + (r.next() - 0.5) * 2));
    for (let j = 0; j < k; j++) {
      let x = r.next() * total;
      let t = 0;
      while (t < T && x >= tw[t]) x -= tw[t++];
      const b = perTopic[t];
      if (b.ids.length === 0) continue;
      const y = r.next() * b.cum[b.cum.length - 1];
      let lo = 0;
      let hi = b.cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b.cum[mid] > y) hi = mid;
        else lo = mid + 1;
      }
      out.push({ a: u, b: b.ids[lo], kind: FOLLOW });
    }
  }
  return out;
}

/** Degree of node `i` in a CSR. */
export function degree(g: Csr, i: number): number {
  return g.offsets[i + 1] - g.offsets[i];
}
