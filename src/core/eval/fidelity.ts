/**
 * Simulator fidelity against real users (issue 5): can a simulated user, given a profile
 * built from the first 80% of a real user's history, tell the movies that user went on
 * to like from movies they never rated?
 *
 * Protocol (see docs/movielens.md):
 * 1. Users qualify with at least `minHeldOutLiked` held-out items rated >= `likeThreshold`
 *    (4 by default). Positives: up to `maxPositivesPerUser` of those, oldest first.
 * 2. Negatives: `ratio` x positives items sampled uniformly, without replacement, from the
 *    catalog items the user never rated (neither history nor held out), seeded per user.
 * 3. Positives and negatives are shuffled together and cut into lists of `listSize`;
 *    every list is one fresh session (empty memory, instructions off, the app's default
 *    context) of the simulator, which sees the profile without its held-out part.
 * 4. An item counts as engaged when the decision holds like, comment, share or click, or
 *    a watch of at least `minWatchFraction` of the item that no later 'skip' cut short.
 *    Items after a 'leave' were never looked at: they count as not engaged (the user did
 *    not engage with them), which is what a real user leaving the page means too.
 * 5. Engaged is the prediction of "positive"; accuracy, precision, recall and F1 are
 *    micro-averaged over all items of all users.
 *
 * Generic over `UserSimulator`: rule-based, LLM or a test stub.
 */
import { createRng, shuffle } from '../rng';
import { emptyMemory } from '../simulator/memory';
import type { UserSimulator } from '../simulator/simulator';
import type { ActionType, Catalog, Context, Item, ItemDecision, Rng, UserProfile } from '../types';
import { defaultContext } from '../users/context';

export interface FidelityOptions {
  /** Sampled negatives per held-out liked item: 1, 3 or 9 in the paper's protocol. */
  ratio: number;
  seed: number;
  /** Items per list (one session each); default 10. */
  listSize?: number;
  /** Rating at or above which a held-out item is a positive; default 4. */
  likeThreshold?: number;
  /** Users need at least this many held-out liked items; default 1. */
  minHeldOutLiked?: number;
  /** At most this many positives per user (oldest held-out first); default 10. */
  maxPositivesPerUser?: number;
  /** Evaluate at most this many qualifying users (in input order); default all. */
  maxUsers?: number;
  /** Share of an item's duration a watch must reach to count; default 0 (any watch). */
  minWatchFraction?: number;
  /** Session context per user; default `defaultContext` (users/context.ts), the app's default. */
  context?: (user: UserProfile) => Context;
  /** Called after each user (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

/** Confusion counts and the usual rates; rates are 0 where undefined (no predictions). */
export interface FidelityResult {
  simulator: string;
  ratio: number;
  seed: number;
  /** Users evaluated. */
  users: number;
  /** Items judged (positives + negatives). */
  items: number;
  /** Sessions run. */
  lists: number;
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of items the simulator engaged with. */
  engagedRate: number;
  /** Share of lists the simulated user left before the end. */
  leftEarlyRate: number;
}

/** Actions that count as engagement on their own. */
const ENGAGING: readonly ActionType[] = ['like', 'comment', 'share', 'click'];

/**
 * Whether a decision counts as engagement (see the module comment): like, comment, share or
 * click; or a watch of at least `minWatchFraction` of the item not followed by a skip.
 */
export function isEngaged(d: Pick<ItemDecision, 'actions' | 'watchSec'>, item: Pick<Item, 'durationSec'>, minWatchFraction = 0): boolean {
  const a = d.actions;
  for (const x of ENGAGING) if (a.includes(x)) return true;
  const w = a.indexOf('watch');
  if (w < 0) return false;
  if (a.indexOf('skip', w + 1) > w) return false;
  return item.durationSec <= 0 || d.watchSec >= minWatchFraction * item.durationSec;
}

/** A movie-night context (Saturday evening on the TV) at the user's location; an alternative to the default. */
export function neutralContext(user: UserProfile): Context {
  return { timeOfDay: 'evening', dayOfWeek: 6, device: 'tv', location: user.location };
}

/** One list to judge: items in show order and which of them are positives. */
export interface FidelityList {
  userId: string;
  items: Item[];
  positive: boolean[];
}

/** Sample `k` distinct items the user has not rated, uniformly. */
function sampleUnseen(items: Item[], seen: Set<string>, k: number, rng: Rng): Item[] {
  const n = items.length;
  if (k <= 0) return [];
  if (seen.size * 2 > n || k * 4 > n) {
    const pool = items.filter((it) => !seen.has(it.id));
    // Partial Fisher-Yates: the first k entries are a uniform sample.
    const m = Math.min(k, pool.length);
    for (let i = 0; i < m; i++) {
      const j = i + rng.int(pool.length - i);
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return pool.slice(0, m);
  }
  const picked = new Set<string>();
  const out: Item[] = [];
  while (out.length < k) {
    const it = items[rng.int(n)];
    if (seen.has(it.id) || picked.has(it.id)) continue;
    picked.add(it.id);
    out.push(it);
  }
  return out;
}

/**
 * Build the lists of the protocol for every qualifying user (pure and seeded: the same
 * seed gives the same lists; each user's draws come from their own forked stream).
 */
export function buildFidelityLists(catalog: Catalog, users: UserProfile[], opts: FidelityOptions): FidelityList[][] {
  if (!(opts.ratio >= 0) || !Number.isInteger(opts.ratio)) throw new RangeError(`ratio must be a whole number >= 0, got ${opts.ratio}`);
  const listSize = opts.listSize ?? 10;
  if (!(listSize >= 1)) throw new RangeError(`listSize must be >= 1, got ${listSize}`);
  const like = opts.likeThreshold ?? 4;
  const minLiked = Math.max(1, opts.minHeldOutLiked ?? 1);
  const maxPos = opts.maxPositivesPerUser ?? 10;
  const byId = new Map(catalog.items.map((it) => [it.id, it] as const));
  const root = createRng(opts.seed);
  const out: FidelityList[][] = [];
  for (const user of users) {
    if (opts.maxUsers !== undefined && out.length >= opts.maxUsers) break;
    const seen = new Set<string>();
    for (const x of user.history) seen.add(x.itemId);
    for (const x of user.heldOut ?? []) seen.add(x.itemId);
    const positives: Item[] = [];
    const chosen = new Set<string>();
    for (const x of user.heldOut ?? []) {
      const it = byId.get(x.itemId);
      if (!it || x.rating === undefined || x.rating < like || chosen.has(it.id)) continue;
      chosen.add(it.id);
      positives.push(it);
    }
    if (positives.length < minLiked) continue;
    positives.splice(maxPos);
    const rng = root.fork(`fidelity:${opts.ratio}:${user.id}`);
    const negatives = sampleUnseen(catalog.items, seen, opts.ratio * positives.length, rng);
    const mixed = shuffle(rng, [...positives.map((it) => ({ it, pos: true })), ...negatives.map((it) => ({ it, pos: false }))]);
    const lists: FidelityList[] = [];
    for (let i = 0; i < mixed.length; i += listSize) {
      const chunk = mixed.slice(i, i + listSize);
      lists.push({ userId: user.id, items: chunk.map((c) => c.it), positive: chunk.map((c) => c.pos) });
    }
    out.push(lists);
  }
  return out;
}

const rate = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Run the protocol with one simulator at one ratio. */
export async function evaluateFidelity(
  catalog: Catalog,
  users: UserProfile[],
  simulator: UserSimulator,
  opts: FidelityOptions,
): Promise<FidelityResult> {
  const perUser = buildFidelityLists(catalog, users, opts);
  const byUser = new Map(users.map((u) => [u.id, u] as const));
  const contextOf = opts.context ?? defaultContext;
  const minWatch = opts.minWatchFraction ?? 0;
  const root = createRng(opts.seed);
  let tp = 0, fp = 0, tn = 0, fn = 0, lists = 0, leftEarly = 0;
  for (let u = 0; u < perUser.length; u++) {
    const userLists = perUser[u];
    const full = byUser.get(userLists[0].userId) as UserProfile;
    // The simulator never sees the held-out part.
    const { heldOut: _hidden, ...visible } = full;
    const context = contextOf(visible);
    for (let l = 0; l < userLists.length; l++) {
      const list = userLists[l];
      const session = simulator.startSession({
        user: visible,
        context,
        memory: emptyMemory(visible.id),
        catalog,
        rng: root.fork(`fidelity-session:${opts.ratio}:${visible.id}:${l}`),
        instructionsEnabled: false,
      });
      let left = false;
      for (let i = 0; i < list.items.length; i++) {
        let engaged = false;
        if (!left) {
          const d = await session.decide(list.items[i], i, 0);
          engaged = isEngaged(d, list.items[i], minWatch);
          if (d.actions.includes('leave')) {
            left = true;
            if (i < list.items.length - 1) leftEarly++;
          }
        }
        if (list.positive[i]) engaged ? tp++ : fn++;
        else engaged ? fp++ : tn++;
      }
      session.end(left ? 'left_silent' : 'no_instructions');
      lists++;
    }
    opts.onProgress?.(u + 1, perUser.length);
  }
  const items = tp + fp + tn + fn;
  const precision = rate(tp, tp + fp);
  const recall = rate(tp, tp + fn);
  return {
    simulator: simulator.name,
    ratio: opts.ratio,
    seed: opts.seed,
    users: perUser.length,
    items,
    lists,
    positives: tp + fn,
    negatives: tn + fp,
    tp, fp, tn, fn,
    accuracy: rate(tp + tn, items),
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    engagedRate: rate(tp + fp, items),
    leftEarlyRate: rate(leftEarly, lists),
  };
}
