/**
 * The reflection when the rule-based user is about to leave (§3): reasons taken from what
 * actually happened since the session started or since the last instruction (the window),
 * then either a plain-language instruction or silence. Also judges whether the recommender
 * followed the last instruction: repeated failure makes the user less patient and less
 * willing to explain themselves again.
 */
import type { Instruction, ReflectionReason, Reflection, Rng } from '../types';
import type { SessionStart } from './simulator';
import { SessionState, W } from './session-state';
import * as P from './phrases';
import { topicText } from './topic-text';
import { placePhrase } from './locale';

/** One candidate reason with its strength and the topic it is about (-1 if none). */
interface Candidate {
  reason: ReflectionReason;
  strength: number;
  topic: number;
}

/** Reasons for dissatisfaction from the window's counters, strongest first (at most 3). */
export function dissatisfactionReasons(s: SessionState): Candidate[] {
  const p = s.p;
  const win = s.window;
  const n = Math.max(1, win[W.Items]);
  const out: Candidate[] = [];
  let tx = -1;
  let ex = 0;
  let offTopic = -1;
  let offSkips = 0;
  for (const t of s.active) {
    if (s.winExposures[t] > ex) {
      ex = s.winExposures[t];
      tx = t;
    }
    if (s.interest[t] < p.moderateInterest && s.winSkips[t] > offSkips) {
      offSkips = s.winSkips[t];
      offTopic = t;
    }
  }
  if (tx >= 0 && ex >= 3 && ex / n >= 0.4) {
    out.push({ reason: 'repetitive', strength: ex / n + 0.5 * s.fatigueNow(tx), topic: tx });
  }
  const off = win[W.OffSkips];
  if (off >= 2 && off / n >= 0.34 && offTopic >= 0) {
    out.push({ reason: 'off_interest', strength: off / n + 0.3, topic: offTopic });
  }
  if (win[W.LongBad] >= 2) out.push({ reason: 'too_long', strength: win[W.LongBad] / n + 0.05, topic: -1 });
  if (win[W.LowQualityBad] >= 2) out.push({ reason: 'low_quality', strength: win[W.LowQualityBad] / n, topic: -1 });
  if (win[W.StaleBad] >= 2) out.push({ reason: 'stale', strength: win[W.StaleBad] / n, topic: -1 });
  if (s.userLocale > 0 && win[W.LocalSeen] === 0 && n >= 5) out.push({ reason: 'not_local', strength: 0.2, topic: -1 });
  if (win[W.NovelEngaged] === 0 && (s.boredom >= 0.5 || s.leaveKind === 'bored')) {
    out.push({ reason: 'bored', strength: 0.3 + 0.3 * s.boredom + (s.leaveKind === 'bored' ? 0.5 : 0), topic: -1 });
  }
  out.sort((a, b) => b.strength - a.strength);
  if (out.length === 0) out.push({ reason: 'bored', strength: 0, topic: -1 });
  return out.slice(0, 3);
}

/** Build the reflection for the current leave (mutates the session's instruction state). */
export function buildReflection(s: SessionState, rng: Rng, start: SessionStart): Reflection {
  if (s.leaveKind === 'time_up') {
    return { reasons: s.satisfaction >= 0.6 ? ['time_up', 'satisfied'] : ['time_up'], instruction: null };
  }
  // Did the recommender follow the last instruction? Judged on the list(s) since then.
  if (s.followKind !== null) {
    if (s.window[W.FollowBad] > s.window[W.FollowOk]) {
      s.failures++;
      s.leaveThreshold += 0.06;
    }
    s.followKind = null;
    s.followTopics = [];
  }
  const cands = dissatisfactionReasons(s);
  const reasons = cands.map((c) => c.reason);
  let instruction: Instruction | null = null;
  const tr = start.user.traits;
  if (start.instructionsEnabled && s.instructions.length < s.p.maxInstructions) {
    const prob = tr.instructionPropensity * (s.failures === 0 ? 1 : s.failures === 1 ? 0.55 : 0.25);
    if (rng.next() < prob) {
      // Usually the strongest complaint; sometimes the second one (people do not always lead with the main one).
      const pick = cands.length > 1 && cands[1].strength >= 0.5 * cands[0].strength && rng.next() < 0.3 ? cands[1] : cands[0];
      instruction = composeInstruction(s, rng, start, pick);
    }
  }
  if (instruction) s.instructions.push(instruction.text);
  return { reasons, instruction };
}

/** Smallest complaint strength that makes a content user speak up at a break point. */
export const CHECK_IN_MIN_STRENGTH = 0.25;

/**
 * A break point without leaving (the paper's list-reordering protocol): the user pauses,
 * looks back at the items since the last instruction and, when something is clearly off
 * (a complaint of at least `CHECK_IN_MIN_STRENGTH`), says what to change. Nothing about
 * leaving changes; the instruction counts towards the session's cap.
 */
export function buildCheckIn(s: SessionState, rng: Rng, start: SessionStart): Reflection {
  const cands = dissatisfactionReasons(s).filter((c) => c.strength >= CHECK_IN_MIN_STRENGTH);
  if (!start.instructionsEnabled || s.instructions.length >= s.p.maxInstructions || cands.length === 0) {
    return { reasons: cands.length ? cands.map((c) => c.reason) : ['satisfied'], instruction: null };
  }
  const instruction = composeInstruction(s, rng, start, cands[0]);
  s.instructions.push(instruction.text);
  return { reasons: cands.map((c) => c.reason), instruction };
}

/** The strongest interest the window has shown least (what the user would ask for). */
function wantedTopic(s: SessionState, exclude: number): number {
  let best = -1;
  let bestKey = -Infinity;
  for (const t of s.active) {
    if (t === exclude || s.interest[t] < s.p.moderateInterest) continue;
    const key = s.interest[t] - 0.3 * s.winExposures[t] - s.fatigueNow(t);
    if (key > bestKey) {
      bestKey = key;
      best = t;
    }
  }
  return best;
}

/** A topic related to `t` (preferring ones the user likes and has not just seen), or -1. */
function relatedTo(s: SessionState, t: number): number {
  let best = -1;
  let bestKey = -Infinity;
  for (const r of s.f.related[t] ?? []) {
    const w = r < s.cap ? s.interest[r] : 0;
    const key = w - 0.3 * (r < s.cap ? s.winExposures[r] : 0);
    if (key > bestKey) {
      bestKey = key;
      best = r;
    }
  }
  return best;
}

/** A topic the user does not know yet but that is related to a strong interest, or -1. */
function novelNeighbour(s: SessionState): number {
  for (const t of s.active) {
    if (s.interest[t] < s.p.strongInterest) continue;
    for (const r of s.f.related[t] ?? []) {
      if ((r >= s.cap || s.interest[r] < s.p.weakInterest) && (r >= s.cap || s.exposures[r] === 0)) return r;
    }
  }
  return -1;
}

function composeInstruction(s: SessionState, rng: Rng, start: SessionStart, top: Candidate): Instruction {
  const label = (t: number) => topicText(s.f.topicIds[t], start.catalog);
  const z = wantedTopic(s, top.topic);
  let list: readonly P.InstructionTemplate[] = P.BORED;
  let x = top.topic;
  let r = -1;
  let place = '';
  switch (top.reason) {
    case 'repetitive':
      if (s.interest[x] >= s.p.moderateInterest) {
        r = relatedTo(s, x);
        list = r >= 0 && rng.next() < 0.5 ? P.REPETITIVE_INTEREST_RELATED : P.REPETITIVE_INTEREST;
      } else if (z >= 0) list = P.REPETITIVE_OTHER;
      else list = P.BORED;
      break;
    case 'off_interest':
      list = z >= 0 ? P.OFF_INTEREST : P.BORED;
      break;
    case 'too_long':
      list = P.TOO_LONG;
      break;
    case 'stale':
      list = P.STALE;
      break;
    case 'low_quality':
      list = s.favCreator > 0 ? P.LOW_QUALITY_CREATOR : z >= 0 ? P.LOW_QUALITY : P.BORED;
      break;
    case 'not_local':
      list = P.NOT_LOCAL;
      place = start.user.location;
      break;
    default: {
      r = novelNeighbour(s);
      const u = rng.next();
      if (r >= 0 && u < 0.4) list = P.BORED_RELATED;
      else if (z >= 0 && u < 0.7) list = P.MORE_OF;
      else list = P.BORED;
      x = -1;
    }
  }
  const tpl = P.choose(rng, list);
  const text = P.fill(tpl.text, {
    X: x >= 0 ? label(x) : '',
    Z: z >= 0 ? label(z) : '',
    R: r >= 0 ? label(r) : '',
    P: placePhrase(place),
    C: s.favCreator > 0 ? s.f.creatorName(s.favCreator) : '',
  });
  // Targets (analysis only) name what the sentence mentions; follow-up judges against them.
  const mentioned = (slot: string, t: number) => (t >= 0 && tpl.text.includes(slot) ? [t] : []);
  const topics = [...mentioned('{X}', x), ...mentioned('{Z}', z), ...mentioned('{R}', r)];
  const targets =
    tpl.kind === 'local_trending' ? [place] : tpl.kind === 'creator' ? [s.f.creatorIds[s.favCreator]] : topics.map((t) => s.f.topicIds[t]);
  s.followKind = tpl.kind;
  s.followTopics = tpl.kind === 'more_of_topic' ? mentioned('{Z}', z) : tpl.kind === 'related_but_different' && x < 0 ? mentioned('{R}', r) : mentioned('{X}', x);
  return { text, kind: tpl.kind, targets };
}

/** Whether an item shown after an instruction goes the way the user asked. */
export function complies(s: SessionState, t: number, durSec: number, stale: boolean, local: boolean, novel: boolean): boolean {
  const focus = s.followTopics.length > 0 ? s.followTopics[0] : -1;
  switch (s.followKind) {
    case 'less_of_topic':
      return t !== focus;
    case 'related_but_different':
      return focus >= 0 && s.interest[focus] < s.p.weakInterest ? t === focus || novel : t !== focus;
    case 'more_of_topic':
      return focus < 0 || t === focus;
    case 'shorter':
      return durSec <= s.prefDurSec * 1.5;
    case 'fresher':
      return !stale;
    case 'local_trending':
      return local;
    case 'bored_more_interesting':
      return novel || s.exposures[t] === 1;
    default:
      return true;
  }
}
