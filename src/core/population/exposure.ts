/**
 * The per-exposure decision of a population user: a light path through the rule-based
 * simulator's scoring (rule-session.ts `decide`), reading typed columns instead of a
 * session object, so millions of exposures fit in seconds. Same interest bands (strong /
 * moderate / related / weak / unrelated, with curiosity for unseen topics), fatigue, the
 * conformity pull of popularity (read from the world's live counters: herd effects),
 * quality, length against the context's preferred length, locality (same region), freshness,
 * followed creators, the same noise and the same logistic engage/skip with the same
 * constants (RuleParams); then the same like / comment / share odds. Added for populations:
 * a small social-proof bump when a friend shared the item, fatigue towards a creator who
 * posts too often, and following the creator.
 *
 * Or, for textbook diffusion and exact tests, fixed probabilities (independent cascade).
 */
import type { Rng } from '../types';
import type { RuleParams } from '../simulator/rule-params';
import type { Population } from './users';
import type { WorldItems } from './world-items';
import type { WorldState } from './world';

/** Bits of an exposure's outcome. */
export const VIEW = 1;
export const LIKE = 2;
export const COMMENT = 4;
export const SHARE = 8;
export const FOLLOWED = 16;

/** Fixed response probabilities (independent cascade): like/comment/share/follow are given a view. */
export interface FixedResponse {
  kind: 'fixed';
  view: number;
  like: number;
  comment: number;
  share: number;
  follow: number;
}

/** How users respond: the rule-based scoring (default), or fixed probabilities. */
export type ResponseModel = { kind: 'rule'; params: RuleParams } | FixedResponse;

/** Per-session values the decision reads (one mutable object per run: no allocation per exposure). */
export interface ExposureCtx {
  pop: Population;
  items: WorldItems;
  world: WorldState;
  rng: Rng;
  /** The minute of the session. */
  min: number;
  /** Longest item length the user is comfortable with now (context-effects.ts). */
  prefDurSec: number;
  /** Shift of the engage threshold from the context's patience. */
  patience: number;
  /** The tested creator's index (-1 none). */
  focusCreator: number;
  /** Outputs: watch seconds and the score of the last decision. */
  watchSec: number;
  score: number;
  fatigueNow: number;
}

const FATIGUE_HALF_LIFE_MIN = 360;
const LOAD_HALF_LIFE_MIN = 1440;

/** Current fatigue of user u for topic t (decayed since it was last updated). */
export function fatigueOf(c: ExposureCtx, u: number, t: number): number {
  const T = c.pop.topicIds.length;
  if (t >= T) return 0;
  const k = u * T + t;
  const f = c.world.fatigue[k];
  return f === 0 ? 0 : f * Math.pow(0.5, (c.min - c.world.fatigueAt[k]) / FATIGUE_HALF_LIFE_MIN);
}

/** Current fatigue of user u towards the tested creator. */
export function creatorLoadOf(c: ExposureCtx, u: number): number {
  const l = c.world.creatorLoad[u];
  return l === 0 ? 0 : l * Math.pow(0.5, (c.min - c.world.creatorLoadAt[u]) / LOAD_HALF_LIFE_MIN);
}

/**
 * The rule-based decision for user u and item i. `fromFriend` marks an item a tie shared;
 * `followsCreator` whether u follows its creator. Returns outcome bits; sets c.watchSec.
 */
export function ruleExposure(c: ExposureCtx, p: RuleParams, u: number, i: number, fromFriend: boolean, followsCreator: boolean): number {
  const { pop, items, world, rng } = c;
  const T = pop.topicIds.length;
  const t = items.topic[i];
  const row = u * T;
  const w = t < T ? pop.interests[row + t] : 0;
  const fat = fatigueOf(c, u, t);
  c.fatigueNow = fat;
  const curiosity = pop.curiosity[u];
  const conformity = pop.conformity[u];
  const activity = pop.activity[u];
  let base: number;
  if (w >= p.strongInterest) base = 0.5 + 0.5 * w;
  else if (w >= p.moderateInterest) base = 0.3 + 0.55 * w;
  else {
    let relW = 0;
    const rel = t < items.related.length ? items.related[t] : null;
    if (rel) for (let k = 0; k < rel.length; k++) if (rel[k] < T && pop.interests[row + rel[k]] > relW) relW = pop.interests[row + rel[k]];
    if (relW >= p.moderateInterest && relW > w) {
      const novel = w < p.weakInterest;
      base = 0.2 + 0.25 * relW + (novel ? 0.25 * curiosity : 0) + 0.4 * w;
    } else if (w >= p.weakInterest) base = 0.15 + 0.6 * w;
    else base = 0.04 + 0.6 * w + 0.15 * curiosity * (fat === 0 ? 1 : 0);
  }
  let score = base * (1 - 0.5 * fat);
  const eng = items.baseEngagement[i] + world.likes[i] + 3 * world.shares[i] + 2 * world.comments[i];
  const lp = Math.log1p(eng) / items.maxLog;
  const pop01 = lp > 1 ? 1 : lp;
  score += 0.16 * conformity * (pop01 - 0.4);
  score += 0.14 * (items.quality[i] - 0.5);
  const dur = items.durationSec[i];
  // Movies: length and age do not count against them (rule-session.ts does the same).
  const movie = items.isMovie[i] === 1;
  const long = !movie && dur > c.prefDurSec * 1.5;
  if (long) score -= 0.25 * Math.min(1, (dur / c.prefDurSec - 1) / 3) * (1 - 0.5 * w);
  else if (!movie && dur <= 20) score += 0.03;
  if (items.region[i] === pop.region[u] && items.region[i] !== 4) score += 0.04;
  const ageDays = (c.min - items.publishedMin[i]) / 1440;
  if (!movie && ageDays < p.freshDays) score += 0.04;
  else if (!movie && ageDays > p.staleDays) score -= 0.06;
  if (followsCreator) score += 0.08;
  if (fromFriend) score += 0.06;
  const isFocus = items.creator[i] === c.focusCreator;
  if (isFocus) {
    const load = creatorLoadOf(c, u);
    if (load > 1) score -= 0.12 * (load - 1) * (0.5 + pop.fatigueSensitivity[u]);
  }
  score += (rng.next() + rng.next() - 1) * p.noise;
  score = score < 0 ? 0 : score > 1 ? 1 : score;
  c.score = score;
  const z = (score - p.engageThreshold - c.patience) / p.engageTemperature;
  if (rng.next() >= 1 / (1 + Math.exp(-z))) {
    c.watchSec = 0;
    return 0;
  }
  let frac = 0.15 + 0.85 * score * score + (rng.next() - 0.5) * 0.2;
  frac *= 1 - 0.5 * fat;
  if (long) frac *= 0.7;
  frac = frac < 0.05 ? 0.05 : frac > 1 ? 1 : frac;
  c.watchSec = Math.max(1, Math.round(frac * dur));
  let out = VIEW;
  const damp = 1 - 0.5 * fat;
  if (rng.next() < score * Math.sqrt(score) * (0.45 + 0.9 * activity) * damp) out |= LIKE;
  const s3 = score * score * score;
  if (rng.next() < s3 * activity * 0.3 * damp) out |= COMMENT;
  if (rng.next() < s3 * activity * 0.18 * (1 + conformity * pop01) * damp) out |= SHARE;
  if (!followsCreator && rng.next() < 0.1 * score * score * (out & LIKE ? 1.5 : 0.6) * (0.5 + activity)) out |= FOLLOWED;
  return out;
}

/** The fixed-probability decision (independent cascade). */
export function fixedExposure(c: ExposureCtx, f: FixedResponse, followsCreator: boolean): number {
  const r = c.rng;
  c.score = f.view;
  if (r.next() >= f.view) {
    c.watchSec = 0;
    return 0;
  }
  c.watchSec = 1;
  let out = VIEW;
  if (r.next() < f.like) out |= LIKE;
  if (r.next() < f.comment) out |= COMMENT;
  if (r.next() < f.share) out |= SHARE;
  if (!followsCreator && r.next() < f.follow) out |= FOLLOWED;
  return out;
}
