/**
 * The two ends of a rule-based session: the starting state (profile, memory and context,
 * the paper's Eq. 4 at session start) and the closing summary with the interaction log that
 * goes to memory (Eqs. 2-3).
 */
import type { ActionType, EndReason, SessionSummary } from '../types';
import type { SessionStart } from './simulator';
import type { MemoryEntry } from './memory';
import type { MemoryDigest } from './memory-ops';
import type { CatalogFeatures } from './item-features';
import type { RuleParams } from './rule-params';
import { SessionState } from './session-state';
import { contextBudgetFactor, contextPatience, preferredDurationSec } from './context-effects';
import { clamp01 } from '../math';

/**
 * The state a session starts from: the profile's interests; memory's engaged topics
 * strengthened, recently tired topics still tired, the favourite creator; the time budget,
 * patience and comfortable length for the context; the mood carried from the last session.
 * Draws one number from the session rng (the budget's day-to-day variation).
 */
export function initialState(start: SessionStart, p: RuleParams, f: CatalogFeatures, digest: MemoryDigest, last: SessionSummary | undefined): SessionState {
  const { user, context } = start;
  const s = new SessionState(f, p, user, context);
  for (const id of Object.keys(user.interests)) {
    const t = f.topic(id);
    s.interest[t] = clamp01(user.interests[id]);
    s.touch(t);
  }
  for (let t = 0; t < digest.engaged.length; t++) {
    s.memEngaged[t] = digest.engaged[t];
    s.memSkipped[t] = digest.skipped[t];
    if (digest.engaged[t] > 0) {
      s.interest[t] = Math.min(1, s.interest[t] + 0.15 * (1 - Math.exp(-digest.engaged[t] / 2)));
      s.touch(t);
    }
    if (digest.fatigue[t] > 0) {
      s.fatigue[t] = digest.fatigue[t] * (0.5 + user.traits.fatigueSensitivity);
      s.touch(t);
    }
  }
  let best = 1; // at least one strong interaction's worth
  for (const [c, v] of digest.creators) {
    if (v > best || (v === best && c < s.favCreator)) {
      best = v;
      s.favCreator = c;
    }
  }
  s.budgetSec = Math.max(10, user.traits.timeBudgetSec * contextBudgetFactor(context) * (0.85 + 0.3 * start.rng.next()));
  s.timeLeftSec = s.budgetSec;
  s.leaveThreshold = p.leaveThreshold + contextPatience(context);
  s.prefDurSec = preferredDurationSec(context);
  s.satisfaction = clamp01(p.startSatisfaction + (last ? 0.2 * (last.finalSatisfaction - 0.5) : 0));
  s.userLocale = f.locale(user.location);
  s.ctxLocale = f.locale(context.location);
  return s;
}

/** The session's interactions as parallel arrays (no object per decision until the end). */
export class InteractionLog {
  private readonly item: string[] = [];
  private readonly topic: number[] = [];
  private readonly action: ActionType[] = [];
  private readonly watch: number[] = [];
  private readonly importance: number[] = [];
  private readonly elapsed: number[] = [];

  add(itemId: string, topic: number, action: ActionType, watchSec: number, importance: number, elapsedSec: number): void {
    this.item.push(itemId);
    this.topic.push(topic);
    this.action.push(action);
    this.watch.push(watchSec);
    this.importance.push(importance);
    this.elapsed.push(elapsedSec);
  }

  /** Memory entries, stamped from the session start plus the seconds elapsed at each item. */
  entries(f: CatalogFeatures, startedAt: number): MemoryEntry[] {
    const out: MemoryEntry[] = [];
    for (let k = 0; k < this.item.length; k++) {
      out.push({
        itemId: this.item[k],
        topic: f.topicIds[this.topic[k]],
        action: this.action[k],
        at: startedAt + Math.round(this.elapsed[k] * 1000),
        watchSec: this.watch[k],
        importance: this.importance[k],
      });
    }
    return out;
  }
}

/** The session-wise memory record of a finished session (Eq. 3). */
export function summarizeSession(s: SessionState, reason: EndReason, startedAt: number, sessionIndex: number): SessionSummary {
  const f = s.f;
  const top = s.active.filter((t) => s.engaged[t] > 0).sort((a, b) => s.engaged[b] - s.engaged[a] || a - b);
  const tired = s.active.filter((t) => s.fatigueNow(t) >= 0.4 || (s.exposures[t] >= 3 && s.skips[t] * 2 >= s.exposures[t]));
  return {
    sessionIndex,
    startedAt,
    durationSec: Math.round(s.elapsedSec),
    itemsViewed: s.n,
    watchSec: s.watchSecTotal,
    endReason: reason,
    finalSatisfaction: Math.round(s.satisfaction * 1000) / 1000,
    topTopics: top.slice(0, 3).map((t) => f.topicIds[t]),
    tiredTopics: tired.map((t) => f.topicIds[t]),
    instructions: s.instructions.slice(),
  };
}

