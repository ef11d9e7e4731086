/**
 * One session of the rule-based user: for each item it thinks (reason codes and an interest
 * score), acts (watch seconds, like, comment, share, click, skip, leave) and updates its
 * mindset (interests, fatigue, satisfaction, boredom, time left). Synchronous and
 * allocation-light: per-item features come from the catalog cache, per-topic state lives in
 * typed arrays, and the Mindset snapshot is either full or scalars-only (factory option).
 */
import type {
  ActionType,
  EndReason,
  Item,
  ItemDecision,
  Mindset,
  MindsetNoteCode,
  ReasonCode,
  Reflection,
  Rng,
  SessionSummary,
} from '../types';
import type { SessionStart, SimSession } from './simulator';
import type { UserMemory } from './memory';
import { catalogFeatures, type CatalogFeatures } from './item-features';
import { appendSession, entryImportance, historyItemIds, memoryDigest, pruneMemory, recordInteractions } from './memory-ops';
import { InteractionLog, initialState, summarizeSession } from './session-init';
import type { RuleParams } from './rule-params';
import { SessionState, W } from './session-state';
import { COMMENTS, choose, fill } from './phrases';
import { buildCheckIn, buildReflection, complies } from './reflect';
import { MovieTaste } from './movie-taste';
import { responseModelFor, type ResponsePrediction, type UserResponse } from './movie-response';
import { movieReasonCodes } from './movie-reasons';
import { clamp01 } from '../math';
import type { EmbeddingSimilarity } from './embedding-similarity';

const DAY_MS = 86_400_000;

/** Where a predicted rating sits on the user's catalog scale, in [0, 1]. */
function ratingShare(rating: number, ur: UserResponse): number {
  return clamp01((rating - ur.ratingMin) / Math.max(1e-9, ur.ratingMax - ur.ratingMin));
}
/** Formats read or browsed rather than watched: opening them is a click. */
const CLICKY = new Set(['text_post', 'image', 'friend_suggestion']);
/** Share of a skipped clip's boredom and satisfaction cost that a skipped movie carries. */
const MOVIE_SKIP_COST = 0.5;

/** How decisions carry the mindset: a full snapshot, or scalars with shared empty records. */
export type SnapshotMode = 'full' | 'scalars';

export class RuleSession implements SimSession {
  private readonly s: SessionState;
  private readonly f: CatalogFeatures;
  private readonly rng: Rng;
  private readonly memory: UserMemory;
  private readonly startedAt: number;
  private readonly seenMem: Set<string>;
  private readonly seenHist: Set<string>;
  private readonly favCreators: Map<number, number>;
  private summary: SessionSummary | null = null;
  private readonly log = new InteractionLog();
  private readonly scratchReasons: ReasonCode[] = [];
  private readonly scratchActions: ActionType[] = [];
  /** Items decided this session (only kept with embedding similarity). */
  private readonly sessionSeen: string[] = [];
  /** Built on the first movie of the session (movie catalogs only). */
  private movieTaste: MovieTaste | null = null;
  /** The learned response of this user (movie catalogs with a fitted model and a known user); undefined until looked up. */
  private movieResponse: UserResponse | null | undefined = undefined;

  constructor(
    private readonly start: SessionStart,
    private readonly p: RuleParams,
    private readonly snapshots: SnapshotMode,
    /** Optional embedding similarity (rule-based.ts `itemVectors`); absent: no change. */
    private readonly sim?: EmbeddingSimilarity,
  ) {
    const { catalog, memory } = start;
    this.f = catalogFeatures(catalog);
    this.rng = start.rng;
    this.memory = memory;
    const last = memory.sessions[memory.sessions.length - 1];
    this.startedAt = start.startedAt ?? (last ? last.startedAt + last.durationSec * 1000 + DAY_MS : catalog.now);
    pruneMemory(memory, this.startedAt, p.memoryHalfLifeHours);
    // Interest topics first, so the digest's per-topic arrays cover them.
    for (const id of Object.keys(start.user.interests)) this.f.topic(id);
    const digest = memoryDigest(memory, this.startedAt, this.f, p.memoryHalfLifeHours);
    this.s = initialState(start, p, this.f, digest, last);
    this.seenMem = digest.seen;
    this.seenHist = historyItemIds(start.user.history);
    this.favCreators = digest.creators;
  }

  get mindset(): Mindset {
    return this.s.mindset();
  }

  decide(item: Item, position: number, turn: number): ItemDecision {
    const s = this.s;
    const f = this.f;
    const p = this.p;
    const rng = this.rng;
    const traits = this.start.user.traits;
    const i = f.index(item);
    const t = f.itemTopic[i];
    if (t >= s.cap) s.ensure(f.topicIds.length);
    if (turn !== s.lastTurn) this.newList(turn);

    // ---- think -------------------------------------------------------------------------
    // Codes go to scratch arrays and are copied out once, at their exact length.
    const rs = this.scratchReasons;
    let nr = 0;
    const w = s.interest[t];
    const fat = s.fatigueNow(t);
    const exposedBefore = s.exposures[t] > 0;
    let relatedTopic = -1;
    let base: number;
    let novel = false;
    let unrelated = false;
    const isMovie = item.format === 'movie';
    // Movies with a fitted response model (movie-response.ts): its prediction drives the decision.
    let pred: ResponsePrediction | null = null;
    if (isMovie && this.movieResponse === undefined) this.movieResponse = responseModelFor(this.start.catalog)?.user(this.start.user.id) ?? null;
    if (isMovie && this.movieResponse) {
      const ur = this.movieResponse;
      pred = ur.predict(item.id, [item.topic, ...item.tags]);
      const thr = ur.threshold;
      base = 1 / (1 + Math.exp(-(pred.engageLogit - thr)));
      for (const c of movieReasonCodes(pred, pred.engage, pred.parts.share)) rs[nr++] = c;
      if (pred.parts.genreTopic) relatedTopic = f.topic(pred.parts.genreTopic);
    } else if (isMovie) {
      // Movies: genre taste relative to the catalog, era and the movie's own appeal
      // (movie-taste.ts) instead of the primary genre's interest band.
      const m = (this.movieTaste ??= new MovieTaste(this.start.user, f));
      base = m.appeal(item, i);
      const lift = m.genreLift;
      if (lift >= 2) rs[nr++] = 'strong_interest';
      else if (lift >= 1) rs[nr++] = 'related_interest';
      else if (lift >= 0.5) rs[nr++] = 'weak_interest';
      else {
        unrelated = true;
        rs[nr++] = 'unrelated';
      }
    } else if (w >= p.strongInterest) {
      base = 0.5 + 0.5 * w;
      rs[nr++] = 'strong_interest';
    } else if (w >= p.moderateInterest) {
      base = 0.3 + 0.55 * w;
      rs[nr++] = 'related_interest';
    } else {
      let relW = s.relatedInterest(t);
      if (this.sim && !(relW >= p.moderateInterest && relW > w)) {
        // Topics the item vectors put close to this one count as related too.
        for (const id of this.sim.relatedTopics(item.topic)) {
          const r = f.topic(id);
          if (r < s.cap && s.interest[r] > relW) {
            relW = s.interest[r];
            s.relatedTopic = r;
          }
        }
      }
      if (relW >= p.moderateInterest && relW > w) {
        relatedTopic = s.relatedTopic;
        novel = w < p.weakInterest;
        base = 0.2 + 0.25 * relW + (novel && !exposedBefore ? 0.25 * traits.curiosity : 0) + 0.4 * w;
        rs[nr++] = novel ? 'novel_topic' : 'related_interest';
      } else if (w >= p.weakInterest) {
        base = 0.15 + 0.6 * w;
        rs[nr++] = 'weak_interest';
      } else {
        unrelated = true;
        base = 0.04 + 0.6 * w;
        rs[nr++] = 'unrelated';
        if (s.skips[t] > 0 || s.memSkipped[t] >= 0.6) {
          rs[nr++] = 'already_skipped_topic';
          base -= 0.08;
        } else if (!exposedBefore) {
          rs[nr++] = 'test_new_content';
          base += 0.15 * traits.curiosity;
        }
      }
    }
    let score = base;
    const overEngaged = exposedBefore && s.engaged[t] > 0 && fat >= 0.12 && w >= p.moderateInterest;
    if (overEngaged) rs[nr++] = 'over_engagement';
    else if (fat >= 0.3) rs[nr++] = 'fatigue';
    score *= 1 - 0.5 * fat;
    if (this.seenMem.has(item.id) || this.seenHist.has(item.id)) {
      rs[nr++] = 'seen_before';
      score *= 0.55;
    } else if (this.sim && this.sim.nearDuplicate(item.id, this.sessionSeen)) {
      // Seen something (nearly) the same this session: less pull, said as "seen before".
      rs[nr++] = 'seen_before';
      score *= 0.8;
    }
    if (this.sim) this.sessionSeen.push(item.id);
    // With a response model, familiarity is the movie's share of ratings as of the user's cut-off.
    const pop = pred ? Math.min(1, pred.parts.share * 200) : f.popularity[i];
    // For movies, popularity (and through it the crowd's verdict) is already in the appeal.
    if (!isMovie) score += 0.16 * traits.conformity * (pop - 0.4);
    // The response model judges familiarity and quality as of the user's cut-off; the catalog's
    // figures (from everyone's histories) are not read for it.
    if (!pred && traits.conformity * pop >= 0.4) rs[nr++] = 'popular';
    const q = pred ? 0.5 : f.quality[i];
    if (!isMovie) score += 0.14 * (q - 0.5);
    if (!pred && q >= 0.88) rs[nr++] = 'high_quality';
    else if (!pred && q < 0.3) rs[nr++] = 'low_quality';
    const dur = f.durationSec[i];
    const long = !isMovie && dur > s.prefDurSec * 1.5;
    if (long) {
      score -= 0.25 * Math.min(1, (dur / s.prefDurSec - 1) / 3) * (1 - 0.5 * w);
      rs[nr++] = 'too_long';
    } else if (!isMovie && dur > 0 && dur <= 20 && this.start.context.device === 'mobile') {
      score += 0.03;
      rs[nr++] = 'short_and_easy';
    } else if (dur >= 300 && (this.start.context.device === 'tv' || this.start.context.timeOfDay === 'evening')) {
      score += 0.04;
      rs[nr++] = 'context_fit';
    }
    const loc = f.itemLocale[i];
    const local = loc > 0 && (loc === s.userLocale || loc === s.ctxLocale);
    if (local) {
      score += 0.08;
      rs[nr++] = 'local';
    }
    const age = f.ageDays[i];
    const stale = !isMovie && age > p.staleDays;
    if (!isMovie && age < p.freshDays) {
      score += 0.04;
      rs[nr++] = 'fresh';
    } else if (stale) {
      score -= 0.06;
      rs[nr++] = 'stale';
    }
    const cr = f.itemCreator[i];
    if (cr > 0 && (this.favCreators.get(cr) ?? 0) >= 1) {
      score += 0.08;
      rs[nr++] = 'favourite_creator';
    }
    if (novel) score += 0.1 * s.boredom;
    if (!pred) score += (rng.next() + rng.next() - 1) * p.noise;
    score = clamp01(score);

    // ---- act ---------------------------------------------------------------------------
    // With a response model the decision is the model's (score 0.5 = its fitted threshold),
    // lowered by fatigue and a second showing; otherwise a draw around the engage threshold.
    const z = (score - p.engageThreshold - (s.leaveThreshold - p.leaveThreshold)) / p.engageTemperature;
    const engage = pred ? score >= 0.5 : rng.next() < 1 / (1 + Math.exp(-z));
    const as = this.scratchActions;
    let na = 0;
    let watchSec = 0;
    let frac = 0;
    let comment: string | undefined;
    let liked = false;
    let shared = false;
    if (engage) {
      if (CLICKY.has(item.format) ? rng.next() < 0.5 + 0.4 * score : rng.next() < 0.25 * score * traits.activity) {
        as[na++] = 'click';
      }
      // A movie's watch is its trailer (the catalog's duration): how much of it follows the predicted rating.
      frac = pred ? 0.3 + 0.7 * ratingShare(pred.rating, this.movieResponse as UserResponse) : 0.15 + 0.85 * score * score + (rng.next() - 0.5) * 0.2;
      if (overEngaged) frac *= 0.5;
      else frac *= 1 - 0.5 * fat;
      if (long) frac *= 0.7;
      frac = frac < 0.05 ? 0.05 : frac > 1 ? 1 : frac;
      watchSec = dur > 0 ? Math.min(dur, Math.max(1, Math.round(frac * dur))) : 0;
      if (watchSec > s.timeLeftSec) watchSec = Math.max(0, Math.min(dur, Math.floor(s.timeLeftSec)));
      frac = dur > 0 ? watchSec / dur : frac;
      if (watchSec > 0) as[na++] = 'watch';
      else if (na === 0) as[na++] = 'click'; // nothing to watch (or no time left): a glance counts as a click
      const damp = overEngaged ? 0.35 : 1 - 0.5 * fat;
      const s15 = score * Math.sqrt(score);
      if (pred ? pred.likes : rng.next() < s15 * (0.45 + 0.9 * traits.activity) * damp) {
        as[na++] = 'like';
        liked = true;
      }
      const s3 = score * score * score;
      if (rng.next() < s3 * traits.activity * 0.3 * damp) {
        as[na++] = 'comment';
        comment = fill(choose(rng, COMMENTS), { X: f.sentenceLabel(t) });
      }
      if (rng.next() < s3 * traits.activity * 0.18 * (1 + traits.conformity * pop) * damp) {
        as[na++] = 'share';
        shared = true;
      }
      if (as[na - 1] === 'watch' && frac < 0.4 && (overEngaged || fat >= 0.3 || long)) as[na++] = 'skip';
    } else {
      as[na++] = 'skip';
    }

    // ---- update the mindset ------------------------------------------------------------
    const skipped = !engage;
    const spent = skipped ? p.skipCostSec : watchSec + p.itemOverheadSec;
    s.timeLeftSec -= spent;
    s.elapsedSec += spent;
    s.watchSecTotal += watchSec;
    s.touch(t);
    // Passing over a movie poster does not tire a genre the way swiping past a clip does.
    // Watching a movie tires its genre less than a run of clips does (a third as much).
    s.fatigue[t] = fat + p.fatigueGrowth * traits.fatigueSensitivity * (1 - fat) * (isMovie ? (skipped ? 0 : 1 / 3) : skipped ? 0.6 : 1);
    s.fatigueAt[t] = s.n;
    s.n++;
    s.exposures[t]++;
    s.winExposures[t]++;
    const win = s.window;
    win[W.Items]++;
    if (local) win[W.LocalSeen]++;
    let engagement = 0;
    if (engage) {
      engagement = frac + (liked ? 0.25 : 0) + (comment ? 0.3 : 0) + (shared ? 0.35 : 0);
      s.engaged[t] += engagement;
      const d = p.interestLearningRate * (engagement - 0.35);
      s.interest[t] = clamp01(w + d * (d > 0 ? 1 - w : w));
      if (w < p.moderateInterest) win[W.NovelEngaged]++;
      // Another clip of a worn-out topic, or a long video abandoned early, is no joy.
      // Movies with a response model: satisfaction follows the predicted rating against the user's own mean.
      const u = pred
        ? 0.3 + 0.6 * (pred.rating - (this.movieResponse as UserResponse).userMean) - 0.25 * fat + (liked ? 0.05 : 0)
        : (0.35 + 0.65 * frac) * score * (1 - fat) - 0.25 * fat + (liked ? 0.05 : 0) - (long && frac < 0.3 ? 0.2 : 0);
      s.satisfaction = clamp01(s.satisfaction + 0.18 * (u - 0.3) + (novel ? 0.05 * traits.curiosity : 0));
      s.boredom = clamp01(s.boredom - (novel || w < p.moderateInterest ? 0.25 : 0.06 * score) + (s.exposures[t] > 3 ? 0.12 * fat : 0));
    } else {
      s.skips[t]++;
      s.winSkips[t]++;
      win[W.Skips]++;
      if (unrelated) win[W.OffSkips]++;
      s.interest[t] = clamp01(w - p.interestLearningRate * 0.5 * w);
      // Browsing past movie titles is part of picking one: half the cost of a skipped clip.
      const cost = isMovie ? MOVIE_SKIP_COST : 1;
      s.boredom = clamp01(s.boredom + cost * (0.08 + 0.05 * fat + (s.winExposures[t] >= 3 ? 0.05 : 0)));
      s.satisfaction = clamp01(s.satisfaction - cost * 0.18 * (0.25 + 0.3 * s.boredom + 0.25 * score));
    }
    if (long && (skipped || frac < 0.3)) win[W.LongBad]++;
    if (q < 0.35 && (skipped || frac < 0.3)) win[W.LowQualityBad]++;
    if (stale && (skipped || frac < 0.3)) win[W.StaleBad]++;
    if (s.followKind !== null) win[complies(s, t, dur, stale, local, novel) ? W.FollowOk : W.FollowBad]++;

    // ---- leave? ------------------------------------------------------------------------
    let note: MindsetNoteCode;
    s.leaveKind = null;
    if (s.timeLeftSec <= 0) s.leaveKind = 'time_up';
    else if (s.grace > 0) s.grace--;
    else if (s.satisfaction < s.leaveThreshold) s.leaveKind = 'dissatisfied';
    else if (s.boredom > p.boredomLimit) s.leaveKind = 'bored';
    if (s.leaveKind !== null) {
      as[na++] = 'leave';
      rs[nr++] = s.leaveKind;
      note = s.leaveKind === 'time_up' ? 'running_out_of_time' : 'about_to_leave';
    } else if (engage) {
      const nw = s.interest[t];
      if (overEngaged || fat >= 0.35) note = 'selective_want_variety';
      else if (nw >= p.strongInterest) note = 'top_interest_expect_more';
      else if (novel || unrelated) note = 'curious';
      else note = 'open_to_more';
    } else if (s.boredom > 0.6) note = 'getting_bored';
    else if (s.skips[t] >= 2 || s.memSkipped[t] >= 0.6) note = 'expect_fewer';
    else if (w >= p.moderateInterest) note = fat >= 0.3 ? 'selective_want_variety' : 'neutral';
    else note = 'not_interested_less_likely';

    const reasons = rs.slice(0, nr);
    const actions = as.slice(0, na);
    const primary: ActionType = shared ? 'share' : comment ? 'comment' : liked ? 'like' : engage ? (watchSec > 0 ? 'watch' : 'click') : 'skip';
    this.log.add(item.id, t, primary, watchSec, entryImportance(actions, frac, this.start.context, local), s.elapsedSec);
    return {
      itemId: item.id,
      position,
      actions,
      watchSec,
      comment,
      reasons,
      interest: pred ? Math.round(score * 1e6) / 1e6 : Math.round(score * 1000) / 1000,
      ...(pred ? { rating: Math.round(pred.rating * 100) / 100, likes: pred.likes } : {}),
      topic: f.topicIds[t],
      relatedTopic: relatedTopic >= 0 ? f.topicIds[relatedTopic] : undefined,
      mindsetNote: note,
      mindset: this.snapshots === 'full' ? s.mindset() : s.scalars(),
    };
  }

  reflect(): Reflection {
    const r = buildReflection(this.s, this.rng, this.start);
    if (r.instruction) {
      this.s.awaitingList = true;
      this.s.leaveKind = null;
    }
    return r;
  }

  /** A break point without leaving (list-reordering protocol): an instruction when something is clearly off. */
  checkIn(): Reflection {
    const r = buildCheckIn(this.s, this.rng, this.start);
    if (r.instruction) this.s.resetWindow();
    return r;
  }

  hearReply(_message: string): void {
    const s = this.s;
    if (!s.awaitingList && s.followKind === null) return;
    // The recommender answered: give the next list a fair look (less so after failures).
    s.satisfaction = Math.max(s.satisfaction, s.leaveThreshold + 0.3 - 0.06 * s.failures);
    s.boredom *= 0.5;
    s.grace = this.p.replyGraceItems;
    s.awaitingList = false;
    s.resetWindow();
  }

  end(reason: EndReason): SessionSummary {
    if (!this.summary) {
      recordInteractions(this.memory, this.log.entries(this.f, this.startedAt));
      pruneMemory(this.memory, this.startedAt + Math.round(this.s.elapsedSec * 1000), this.p.memoryHalfLifeHours);
      this.summary = summarizeSession(this.s, reason, this.startedAt, this.memory.sessions.length);
      appendSession(this.memory, this.summary);
    }
    return this.summary;
  }

  /** A new list arrived: after an instruction, the user gives it a fresh look. */
  private newList(turn: number): void {
    const s = this.s;
    s.lastTurn = turn;
    if (s.awaitingList) {
      s.awaitingList = false;
      s.satisfaction = Math.max(s.satisfaction, s.leaveThreshold + 0.2 - 0.06 * s.failures);
      s.grace = Math.max(s.grace, 1);
      s.resetWindow();
    }
  }
}

