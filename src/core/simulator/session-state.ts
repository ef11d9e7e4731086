/**
 * The mutable state of one rule-based session, kept in typed arrays indexed by topic so a
 * decision touches a few numbers and allocates almost nothing. `rule-session.ts` drives it;
 * `reflect.ts` reads it. Internal to the simulator folder.
 */
import type { Context, InstructionKind, Mindset, UserProfile } from '../types';
import type { CatalogFeatures } from './item-features';
import type { RuleParams } from './rule-params';

/** Counters over the "window": the items since the session start or the last instruction (indices into `window`). */
export const W = {
  Items: 0,
  Skips: 1,
  /** Skips of topics the user has no interest in (nor a related one). */
  OffSkips: 2,
  /** Long items skipped or abandoned early. */
  LongBad: 3,
  LowQualityBad: 4,
  StaleBad: 5,
  LocalSeen: 6,
  /** Engagements with a topic the user did not already like. */
  NovelEngaged: 7,
  /** Items that complied / did not comply with the last instruction. */
  FollowOk: 8,
  FollowBad: 9,
  Size: 10,
} as const;

export class SessionState {
  /** Capacity of the per-topic arrays (grows with the catalog features). */
  cap = 0;
  // Per-topic arrays: views into one buffer (one allocation per session instead of eleven).
  interest!: Float64Array;
  /** Fatigue as of the item counter in `fatigueAt` (decays lazily). */
  fatigue!: Float64Array;
  fatigueAt!: Float64Array;
  exposures!: Float64Array;
  skips!: Float64Array;
  /** Engagement accumulated this session per topic. */
  engaged!: Float64Array;
  /** Memory: decayed positive / skip importance per topic. */
  memEngaged!: Float64Array;
  memSkipped!: Float64Array;
  /** Window (since the last instruction) exposures and skips per topic. */
  winExposures!: Float64Array;
  winSkips!: Float64Array;
  isActive!: Float64Array;
  /** Topics with any state, in order of first touch (for snapshots and summaries). */
  active: number[] = [];
  /** Window counters, indexed by `W`. */
  window: number[] = new Array<number>(W.Size).fill(0);

  satisfaction = 0.7;
  boredom = 0;
  budgetSec = 0;
  timeLeftSec = 0;
  elapsedSec = 0;
  watchSecTotal = 0;
  /** Items decided so far (the lazy fatigue clock). */
  n = 0;
  leaveThreshold = 0.3;
  /** Preferred longest item for this context, in seconds. */
  prefDurSec = 120;
  grace = 0;
  instructions: string[] = [];
  failures = 0;
  /** The last instruction while the user waits to see whether it is followed. */
  followKind: InstructionKind | null = null;
  followTopics: number[] = [];
  /** Set by reflect() with an instruction; the next list gets a fresh look. */
  awaitingList = false;
  lastTurn = -1;
  leaveKind: 'time_up' | 'dissatisfied' | 'bored' | null = null;
  /** Creator index the user engaged with most in memory (-1 if none stands out). */
  favCreator = -1;
  userLocale = -1;
  ctxLocale = -1;

  /** Output of `relatedInterest` (kept in a field so the hot path allocates nothing). */
  relatedTopic = -1;
  /** fatigueDecay^gap for gap < length (beyond it fatigue counts as recovered). */
  readonly decayPow: Float64Array;

  constructor(
    readonly f: CatalogFeatures,
    readonly p: RuleParams,
    readonly user: UserProfile,
    readonly context: Context,
  ) {
    this.decayPow = decayTable(p.fatigueDecay);
    this.ensure(f.topicIds.length);
  }

  /** Make room for `size` topics (topics may appear mid-session). */
  ensure(size: number): void {
    if (size <= this.cap) return;
    const n = Math.max(size, this.cap * 2, 16);
    const buf = new Float64Array(n * FIELDS.length);
    const self = this as unknown as Record<(typeof FIELDS)[number], Float64Array>;
    FIELDS.forEach((name, k) => {
      const view = buf.subarray(k * n, (k + 1) * n);
      if (this.cap > 0) view.set(self[name]);
      self[name] = view;
    });
    this.cap = n;
  }

  touch(t: number): void {
    if (this.isActive[t] === 0) {
      this.isActive[t] = 1;
      this.active.push(t);
    }
  }

  /** Fatigue of topic `t` now (recovers by `fatigueDecay` per item without it). */
  fatigueNow(t: number): number {
    const v = this.fatigue[t];
    if (v === 0) return 0;
    const gap = this.n - this.fatigueAt[t];
    if (gap <= 0) return v;
    return gap < this.decayPow.length ? v * this.decayPow[gap] : 0;
  }

  /** Strongest interest among topics related to `t` (0 if none); its topic goes to `relatedTopic`. */
  relatedInterest(t: number): number {
    let w = 0;
    let topic = -1;
    const rel = this.f.related[t];
    if (rel) {
      for (let k = 0; k < rel.length; k++) {
        const r = rel[k];
        if (r < this.cap && this.interest[r] > w) {
          w = this.interest[r];
          topic = r;
        }
      }
    }
    this.relatedTopic = topic;
    return w;
  }

  resetWindow(): void {
    for (let k = 0; k < W.Size; k++) this.window[k] = 0;
    this.winExposures.fill(0);
    this.winSkips.fill(0);
  }

  /** The full mindset (interests and fatigue as records, rounded to 1e-3). */
  mindset(): Mindset {
    const interests: Record<string, number> = {};
    const fatigue: Record<string, number> = {};
    for (const t of this.active) {
      const id = this.f.topicIds[t];
      const w = this.interest[t];
      if (w > 0.0005) interests[id] = Math.round(w * 1000) / 1000;
      const fa = this.fatigueNow(t);
      if (fa > 0.0005) fatigue[id] = Math.round(fa * 1000) / 1000;
    }
    return { ...this.scalars(), interests, fatigue };
  }

  /** Scalar part of the mindset; interests/fatigue are a shared empty object. */
  scalars(): Mindset {
    return {
      satisfaction: Math.round(this.satisfaction * 1000) / 1000,
      timeLeftSec: Math.max(0, Math.round(this.timeLeftSec)),
      boredom: Math.round(this.boredom * 1000) / 1000,
      interests: EMPTY,
      fatigue: EMPTY,
    };
  }
}

/** The per-topic fields that live in the shared buffer. */
const FIELDS = [
  'interest', 'fatigue', 'fatigueAt', 'exposures', 'skips', 'engaged',
  'memEngaged', 'memSkipped', 'winExposures', 'winSkips', 'isActive',
] as const;

/** The shared, frozen empty record of 'scalars' snapshots. */
export const EMPTY: Record<string, number> = Object.freeze({}) as Record<string, number>;

const decayTables = new Map<number, Float64Array>();

/** Powers of the fatigue decay until they fall below 1e-4 (shared per decay value). */
function decayTable(decay: number): Float64Array {
  let t = decayTables.get(decay);
  if (!t) {
    const d = Math.min(0.999, Math.max(0, decay));
    const n = d <= 0 ? 1 : Math.min(4096, Math.ceil(Math.log(1e-4) / Math.log(d)) + 1);
    t = new Float64Array(n);
    for (let k = 0; k < n; k++) t[k] = Math.pow(d, k);
    decayTables.set(decay, t);
  }
  return t;
}
