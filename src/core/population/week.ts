/**
 * Advancing a world through simulated time, hour by hour. In each hour, each user opens the
 * app with a probability from their 24-hour rhythm, their sessions per day and the return
 * model (the blended quality of their last sessions, retention.ts); an open session gets a
 * feed that mixes in-network items (deliveries: seeded posts and what ties shared, ranked by
 * a hot score; recent posts of followed creators) with the recommender's out-of-network ones,
 * and the user decides item by item (exposure.ts) until their time budget runs out or they
 * lose patience. Shares reach the sharer's ties from the next hour on.
 */
import type { Context, Rng, SessionSummary } from '../types';
import { contextBudgetFactor, contextPatience, preferredDurationSec } from '../simulator/context-effects';
import { sessionQuality } from '../simulator/retention';
import type { SocialGraph } from './graph';
import type { Population } from './users';
import { RHYTHM } from './users';
import type { WorldItems } from './world-items';
import {
  EV_COMMENT, EV_EXPOSURE, EV_FOLLOW, EV_LIKE, EV_SHARE, EV_UNFOLLOW, EV_VIEW,
  INBOX_CAP, cloneWorld, createWorld, hasSeen, logEvent, markSeen, pushInbox, rememberShare, type WorldState,
} from './world';
import { COMMENT, FOLLOWED, LIKE, SHARE, VIEW, creatorLoadOf, fatigueOf, fixedExposure, ruleExposure, type ExposureCtx, type ResponseModel } from './exposure';

/** Out-of-network candidates: `pools[day][base]` item indices, in the recommender's order. */
export interface OonPools {
  pools: Int32Array[][];
}

/** A post to publish: who receives it at `publishMin` (the creator's followers then, or a fixed list). */
export interface PostPlan {
  item: number;
  publishMin: number;
  audience: 'followers' | Int32Array;
}

/** Everything fixed during a run. */
export interface WeekSetup {
  pop: Population;
  graph: SocialGraph;
  items: WorldItems;
  response: ResponseModel;
  oon: OonPools | null;
  /** The tested creator (index into items.creatorIds), -1 for none. */
  focusCreator: number;
  posts: readonly PostPlan[];
  /** Every user opens the app at the start of every hour (exact tests, textbook cascades). */
  alwaysOpen?: boolean;
  /** Most items in one session's feed; default 30. */
  maxFeed?: number;
}

const RECENT_MIN = 3 * 1440;
/** Feed sources other than a delivery (a delivery's source is the sharer, or -1 when seeded). */
const FROM_RECOMMENDER = -2;
const FROM_FOLLOWED = -3;

/** The world at minute 0: followers of the tested creator from the graph. */
export function initialWorld(setup: WeekSetup): WorldState {
  const { pop, items, graph } = setup;
  const w = createWorld(pop.n, items.n, items.creatorIds.length, pop.topicIds.length);
  const c = setup.focusCreator;
  if (c >= 0 && c < graph.creatorIds.length) {
    const f = graph.creatorFollowers;
    for (let k = f.offsets[c]; k < f.offsets[c + 1]; k++) w.followsFocus[f.to[k]] = 1;
  }
  return w;
}

function timeOfDay(hour: number): Context['timeOfDay'] {
  return hour >= 5 && hour < 12 ? 'morning' : hour >= 12 && hour < 17 ? 'afternoon' : hour >= 17 && hour < 22 ? 'evening' : 'night';
}

/** Run the world from its clock to `untilMin` (whole hours). Returns a new state; `world` is not modified. */
export function advance(world: WorldState, setup: WeekSetup, untilMin: number, rng: Rng): WorldState {
  const w = cloneWorld(world);
  new WeekRunner(w, setup).run(untilMin, rng);
  return w;
}

class WeekRunner {
  private readonly maxFeed: number;
  private readonly feed: Int32Array;
  private readonly feedFrom: Int32Array;
  private readonly inItem: Int32Array;
  private readonly inFrom: Int32Array;
  private readonly inHot: Float64Array;
  private readonly oonBuf: Int32Array;
  private readonly ctx: ExposureCtx;
  private readonly context: Context = { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: '' };
  private readonly summary = { durationSec: 0, watchSec: 0, finalSatisfaction: 0, endReason: 'time_up' } as SessionSummary;

  constructor(private readonly w: WorldState, private readonly s: WeekSetup) {
    this.maxFeed = Math.max(1, s.maxFeed ?? 30);
    this.feed = new Int32Array(this.maxFeed);
    this.feedFrom = new Int32Array(this.maxFeed);
    this.inItem = new Int32Array(INBOX_CAP + this.maxFeed);
    this.inFrom = new Int32Array(INBOX_CAP + this.maxFeed);
    this.inHot = new Float64Array(INBOX_CAP + this.maxFeed);
    this.oonBuf = new Int32Array(this.maxFeed);
    this.ctx = {
      pop: s.pop, items: s.items, world: w, rng: null as unknown as Rng, min: 0, prefDurSec: 90, patience: 0,
      focusCreator: s.focusCreator, watchSec: 0, score: 0, fatigueNow: 0,
    };
  }

  run(untilMin: number, rng: Rng): void {
    const w = this.w;
    const { pop } = this.s;
    for (let h = Math.floor(w.clockMin / 60); h * 60 < untilMin; h++) {
      const r = rng.fork(`hour-${h}`);
      this.ctx.rng = r;
      this.publish(h);
      const hod = h % 24;
      for (let u = 0; u < pop.n; u++) {
        let m: number;
        if (this.s.alwaysOpen) m = h * 60;
        else {
          const pReturn = (0.15 + 0.8 * w.quality[u]) / 0.55;
          const p = pop.sessionsPerDay[u] * RHYTHM[pop.peakHour[u] * 24 + hod] * pReturn;
          if (r.next() >= p) continue;
          m = h * 60 + r.int(60);
          if (m - w.lastOpenMin[u] < 60) continue;
        }
        this.session(u, m);
      }
      w.clockMin = (h + 1) * 60;
    }
  }

  /** Seed the posts published in hour h into their audiences' inboxes. */
  private publish(h: number): void {
    const w = this.w;
    for (const post of this.s.posts) {
      if (post.publishMin < h * 60 || post.publishMin >= (h + 1) * 60) continue;
      if (post.audience === 'followers') {
        for (let u = 0; u < this.s.pop.n; u++) if (w.followsFocus[u]) pushInbox(w, u, post.item, -1, post.publishMin);
      } else {
        for (let k = 0; k < post.audience.length; k++) pushInbox(w, post.audience[k], post.item, -1, post.publishMin);
      }
    }
  }

  /** Take visible deliveries out of u's inbox, ranked by hot score; returns how many. */
  private drainInbox(u: number, m: number): number {
    const w = this.w;
    const items = this.s.items;
    let n = 0;
    let prev = -1;
    let p = w.inboxHead[u];
    while (p >= 0) {
      const next = w.poolNext[p];
      if (w.poolVisibleMin[p] <= m) {
        if (prev >= 0) w.poolNext[prev] = next;
        else w.inboxHead[u] = next;
        w.inboxCount[u]--;
        const i = w.poolItem[p];
        let dup = hasSeen(w, u, i);
        for (let k = 0; k < n && !dup; k++) if (this.inItem[k] === i) dup = true;
        if (!dup) {
          const ageH = Math.max(0, (m - items.publishedMin[i]) / 60);
          const eng = items.baseEngagement[i] + w.likes[i] + 3 * w.shares[i] + 2 * w.comments[i] + 0.1 * w.views[i];
          const hot = (1 + eng + (w.poolFrom[p] >= 0 ? 5 : 0)) / Math.pow(ageH + 2, 1.5);
          let k = n++;
          while (k > 0 && this.inHot[k - 1] < hot) {
            this.inHot[k] = this.inHot[k - 1];
            this.inItem[k] = this.inItem[k - 1];
            this.inFrom[k] = this.inFrom[k - 1];
            k--;
          }
          this.inHot[k] = hot;
          this.inItem[k] = i;
          this.inFrom[k] = w.poolFrom[p];
        }
      } else prev = p;
      p = next;
    }
    return n;
  }

  private buildFeed(u: number, m: number): number {
    const w = this.w;
    const { graph, items, oon, pop } = this.s;
    const half = Math.max(1, this.maxFeed >> 1);
    const nIn = this.drainInbox(u, m);
    // In-network: deliveries first, then one recent item per followed creator.
    let a = Math.min(nIn, this.maxFeed);
    const fo = graph.following;
    for (let k = fo.offsets[u]; k < fo.offsets[u + 1] && a < half; k++) {
      const list = items.byCreator[fo.to[k]];
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const i = list[j];
        if (items.publishedMin[i] < m - RECENT_MIN) break;
        if (items.publishedMin[i] > m || hasSeen(w, u, i)) continue;
        let dup = false;
        for (let q = 0; q < a && !dup; q++) if (this.inItem[q] === i) dup = true;
        if (!dup) {
          this.inItem[a] = i;
          this.inFrom[a++] = FROM_FOLLOWED;
        }
        break;
      }
    }
    // Out-of-network: the recommender's pool for the user's archetype and day.
    let b = 0;
    if (oon && oon.pools.length > 0) {
      const day = Math.floor(m / 1440);
      const pool = oon.pools[Math.min(day, oon.pools.length - 1)][pop.base[u]];
      if (pool && pool.length > 0) {
        let cur = w.cursor[u];
        for (let tries = 0; tries < pool.length && b < this.maxFeed; tries++) {
          const i = pool[cur % pool.length];
          cur++;
          if (hasSeen(w, u, i)) continue;
          let dup = false;
          for (let q = 0; q < a && !dup; q++) if (this.inItem[q] === i) dup = true;
          if (!dup) this.oonBuf[b++] = i;
        }
        w.cursor[u] = cur % pool.length;
      }
    }
    // Interleave: in-network at even positions while any are left.
    let n = 0;
    let ia = 0;
    let ib = 0;
    while (n < this.maxFeed && (ia < a || ib < b)) {
      if (ia < a && (n % 2 === 0 || ib >= b)) {
        this.feed[n] = this.inItem[ia];
        this.feedFrom[n++] = this.inFrom[ia++];
      } else {
        this.feed[n] = this.oonBuf[ib++];
        this.feedFrom[n++] = FROM_RECOMMENDER;
      }
    }
    return n;
  }

  private session(u: number, m: number): void {
    const w = this.w;
    const { pop, items, response } = this.s;
    const c = this.ctx;
    const hod = Math.floor(m / 60) % 24;
    const ctx = this.context;
    ctx.timeOfDay = timeOfDay(hod);
    ctx.dayOfWeek = (1 + Math.floor(m / 1440)) % 7;
    c.min = m;
    c.prefDurSec = preferredDurationSec(ctx);
    c.patience = contextPatience(ctx);
    let timeLeft = pop.timeBudgetSec[u] * contextBudgetFactor(ctx);
    const budget = timeLeft;
    let sat = 0.6 + 0.2 * w.quality[u];
    const leaveAt = 0.3 + c.patience;
    let watch = 0;
    let end: SessionSummary['endReason'] = 'catalog_exhausted';
    const n = this.buildFeed(u, m);
    w.lastOpenMin[u] = m;
    w.sessions++;
    const T = pop.topicIds.length;
    const fs = pop.fatigueSensitivity[u];
    for (let k = 0; k < n; k++) {
      const i = this.feed[k];
      const from = this.feedFrom[k];
      markSeen(w, u, i);
      w.exposures[i]++;
      w.totalExposures++;
      const cr = items.creator[i];
      const isFocus = cr === this.s.focusCreator && cr >= 0;
      const follows = isFocus ? w.followsFocus[u] === 1 : from === FROM_FOLLOWED;
      const bits = response.kind === 'rule' ? ruleExposure(c, response.params, u, i, from >= 0, follows) : fixedExposure(c, response, follows);
      const tracked = i >= items.catalogCount;
      const parent = from >= 0 ? from : -1;
      if (tracked) logEvent(w, m, EV_EXPOSURE, i, u, parent);
      if (isFocus) {
        const load = creatorLoadOf(c, u);
        if (follows && load > 2 && !(bits & VIEW) && c.rng.next() < 0.15 * (load - 2) * fs) {
          w.followsFocus[u] = 0;
          w.unfollows[cr]++;
          if (tracked) logEvent(w, m, EV_UNFOLLOW, i, u, parent);
        }
        w.creatorLoad[u] = load + 1;
        w.creatorLoadAt[u] = m;
      }
      const t = items.topic[i];
      if (t < T) {
        const fat = response.kind === 'rule' ? c.fatigueNow : fatigueOf(c, u, t);
        w.fatigue[u * T + t] = fat + 0.45 * fs * (1 - fat) * (bits & VIEW ? 1 : 0.6);
        w.fatigueAt[u * T + t] = m;
      }
      if (bits & VIEW) {
        w.views[i]++;
        w.totalViews++;
        watch += c.watchSec;
        timeLeft -= c.watchSec + 1;
        const frac = Math.min(1, c.watchSec / items.durationSec[i]);
        const fat = c.fatigueNow;
        sat += 0.18 * ((0.35 + 0.65 * frac) * c.score * (1 - fat) - 0.25 * fat + (bits & LIKE ? 0.05 : 0) - 0.3);
        if (tracked) logEvent(w, m, EV_VIEW, i, u, parent);
        if (bits & LIKE) {
          w.likes[i]++;
          if (tracked) logEvent(w, m, EV_LIKE, i, u, parent);
        }
        if (bits & COMMENT) {
          w.comments[i]++;
          if (tracked) logEvent(w, m, EV_COMMENT, i, u, parent);
        }
        if (bits & SHARE) {
          w.shares[i]++;
          rememberShare(w, u, i, m);
          if (tracked) logEvent(w, m, EV_SHARE, i, u, parent);
          const reach = this.s.graph.reach;
          const visible = (Math.floor(m / 60) + 1) * 60;
          for (let q = reach.offsets[u]; q < reach.offsets[u + 1]; q++) pushInbox(w, reach.to[q], i, u, visible);
        }
        if (bits & FOLLOWED) {
          if (cr >= 0) w.newFollows[cr]++;
          if (isFocus) {
            w.followsFocus[u] = 1;
            if (tracked) logEvent(w, m, EV_FOLLOW, i, u, parent);
          }
        }
      } else {
        timeLeft -= 2;
        sat -= 0.18 * (0.25 + 0.25 * c.score);
      }
      if (timeLeft <= 0) {
        end = 'time_up';
        break;
      }
      if (k >= 2 && sat < leaveAt) {
        end = 'left_silent';
        break;
      }
    }
    const sum = this.summary;
    sum.durationSec = Math.max(0, budget - Math.max(0, timeLeft));
    sum.watchSec = watch;
    sum.finalSatisfaction = sat < 0 ? 0 : sat > 1 ? 1 : sat;
    sum.endReason = end;
    w.quality[u] = 0.6 * sessionQuality(sum) + 0.4 * w.quality[u];
  }
}
