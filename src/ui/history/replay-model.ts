/**
 * A stored session as a replayable sequence: the runner's events rebuilt from the
 * Trajectory (so recorded, cut-off and imported sessions replay the same way), and the
 * "steps" a timeline can be dragged to (each completed item, reflection, instruction).
 */
import type { SessionEvent } from '../../core/env/environment';
import type { Item, Trajectory } from '../../core/types';
import type { ItemSnapshot } from '../../storage/db';
import { endReasonText } from '../live/end-reason';

/** One point of the timeline. */
export interface ReplayStep {
  /** Events [0, end) are applied to show this step. */
  end: number;
  kind: 'list' | 'item' | 'leave' | 'instruction' | 'end';
  turn: number;
  /** Position of the item in its list (item and leave steps). */
  position?: number;
  label: string;
}

/** Events and steps of a replay. */
export interface ReplayScript {
  events: SessionEvent[];
  steps: ReplayStep[];
}

/**
 * Rebuild the event sequence of a trajectory. `start` (from `initialState`) puts the user's
 * starting mindset into `session_start`, as the live runner does, so the gauges begin where
 * the live view began instead of at a made-up full mark.
 */
export function replayScript(t: Trajectory, complete: boolean, start?: ReplayStart): ReplayScript {
  const begin = start?.satisfaction != null ? { start: { satisfaction: start.satisfaction, timeLeftSec: start.timeBudgetSec } } : {};
  const events: SessionEvent[] = [{ type: 'session_start', trajectoryId: t.id, userId: t.userId, seed: t.seed, ...begin }];
  const steps: ReplayStep[] = [];
  for (const turn of t.turns) {
    events.push({ type: 'list', turn: turn.index, slate: turn.slate });
    steps.push({ end: events.length, kind: 'list', turn: turn.index, label: `turn ${turn.index + 1}: list of ${turn.slate.itemIds.length}` });
    for (const d of turn.decisions) {
      events.push({ type: 'item_start', turn: turn.index, position: d.position, itemId: d.itemId });
      events.push({ type: 'decision', turn: turn.index, decision: d });
      const left = d.actions.includes('leave');
      if (left) events.push({ type: 'leave', turn: turn.index, position: d.position });
      steps.push({
        end: events.length,
        kind: left ? 'leave' : 'item',
        turn: turn.index,
        position: d.position,
        label: `turn ${turn.index + 1}, item ${d.position + 1}: ${d.actions.join(' + ')}`,
      });
    }
    if (turn.reflection) {
      events.push({ type: 'reflection', turn: turn.index, reflection: turn.reflection });
      if (turn.reflection.instruction) {
        events.push({ type: 'instruction', turn: turn.index, text: turn.reflection.instruction.text });
        steps.push({ end: events.length, kind: 'instruction', turn: turn.index, label: `instruction: ${turn.reflection.instruction.text}` });
      }
    }
  }
  if (complete) {
    events.push({ type: 'session_end', trajectory: t });
    steps.push({ end: events.length, kind: 'end', turn: t.turns.length - 1, label: `ended: ${endReasonText(t.endReason)}` });
  }
  return { events, steps };
}

/** An Item from a stored snapshot (fields a snapshot lacks get neutral values). */
export function itemFromSnapshot(s: ItemSnapshot): Item {
  return {
    description: '',
    tags: [],
    publishedAt: 0,
    locale: '',
    likes: 0,
    shares: 0,
    comments: 0,
    quality: 0,
    ...s,
    format: s.format,
  };
}

/** What a replay starts from: the user's time budget, interests and satisfaction before the first item. */
export interface ReplayStart {
  timeBudgetSec: number;
  interests: Record<string, number>;
  /** Satisfaction before the first item (0-1); null when neither stored nor estimable (no decisions). */
  satisfaction: number | null;
}

/**
 * The start state stored with the session (`SessionMeta.start`), checked field by field
 * (imported files are untrusted); null when absent or malformed.
 */
export function storedStart(v: unknown): ReplayStart | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as { timeBudgetSec?: unknown; interests?: unknown };
  if (typeof o.timeBudgetSec !== 'number' || !Number.isFinite(o.timeBudgetSec) || o.timeBudgetSec <= 0) return null;
  if (!o.interests || typeof o.interests !== 'object' || Array.isArray(o.interests)) return null;
  const interests: Record<string, number> = {};
  for (const [k, w] of Object.entries(o.interests as Record<string, unknown>)) {
    if (typeof w === 'number' && Number.isFinite(w)) interests[k] = w;
  }
  // Sessions stored before the start satisfaction was kept have none: null, estimated later.
  const sat = (v as { satisfaction?: unknown }).satisfaction;
  const satisfaction = typeof sat === 'number' && sat >= 0 && sat <= 1 ? sat : null;
  return { timeBudgetSec: o.timeBudgetSec, interests, satisfaction };
}

/**
 * The start state of a replay: the stored one when the session has it (sessions recorded
 * by this version), else an estimate read back from the first decision (older sessions and
 * imports: the budget is then a lower bound, the interests and satisfaction are those after
 * the first item). `estimated` is true when any part is estimated.
 */
export function initialState(t: Trajectory, stored?: unknown): ReplayStart & { estimated: boolean } {
  const s = storedStart(stored);
  const est = estimateStart(t);
  if (s && s.satisfaction != null) return { ...s, estimated: false };
  if (s) return { ...s, satisfaction: est.satisfaction, estimated: est.satisfaction != null };
  return { ...est, estimated: true };
}

function estimateStart(t: Trajectory): ReplayStart {
  const first = t.turns.find((x) => x.decisions.length)?.decisions[0];
  if (!first) return { timeBudgetSec: 0, interests: {}, satisfaction: null };
  let budget = 0;
  for (const turn of t.turns) for (const d of turn.decisions) budget = Math.max(budget, d.mindset.timeLeftSec);
  return {
    timeBudgetSec: Math.max(budget, first.mindset.timeLeftSec + first.watchSec),
    interests: { ...first.mindset.interests },
    satisfaction: first.mindset.satisfaction,
  };
}

/** "content, following instructions" for a stored "content+follow", as the live view labels it. */
export function recommenderLabel(stored: string): string {
  return stored.endsWith('+follow') ? `${stored.slice(0, -'+follow'.length)}, following instructions` : stored;
}

/** CSS selector (inside the replay's feed) of what a timeline step shows, to scroll it into view. */
export function stepSelector(step: ReplayStep | undefined, turnOrdinal: number): string | null {
  if (!step) return null;
  const turn = `[data-testid="turn"]:nth-of-type(${turnOrdinal + 1})`;
  switch (step.kind) {
    case 'list':
      return turn;
    case 'item':
    case 'leave':
      return `${turn} [data-testid="item-card"]:nth-of-type(${(step.position ?? 0) + 1})`;
    case 'instruction':
      return `${turn} [data-testid="instruction-bubble"]`;
    case 'end':
      return '[data-testid="end-reason"]';
  }
}
