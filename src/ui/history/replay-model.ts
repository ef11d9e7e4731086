/**
 * A stored session as a replayable sequence: the runner's events rebuilt from the
 * Trajectory (so recorded, cut-off and imported sessions replay the same way), and the
 * "steps" a timeline can be dragged to (each completed item, reflection, instruction).
 */
import type { SessionEvent } from '../../core/env/environment';
import type { Item, Trajectory } from '../../core/types';
import type { ItemSnapshot } from '../../storage/db';

/** One point of the timeline. */
export interface ReplayStep {
  /** Events [0, end) are applied to show this step. */
  end: number;
  kind: 'list' | 'item' | 'leave' | 'instruction' | 'end';
  turn: number;
  label: string;
}

/** Events and steps of a replay. */
export interface ReplayScript {
  events: SessionEvent[];
  steps: ReplayStep[];
}

/** Rebuild the event sequence of a trajectory. */
export function replayScript(t: Trajectory, complete: boolean): ReplayScript {
  const events: SessionEvent[] = [{ type: 'session_start', trajectoryId: t.id, userId: t.userId, seed: t.seed }];
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
    steps.push({ end: events.length, kind: 'end', turn: t.turns.length - 1, label: `ended: ${t.endReason}` });
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

/** The time budget and starting interests of a stored session, read back from its first decision. */
export function initialState(t: Trajectory): { timeBudgetSec: number; interests: Record<string, number> } {
  const first = t.turns.find((x) => x.decisions.length)?.decisions[0];
  if (!first) return { timeBudgetSec: 0, interests: {} };
  let budget = 0;
  for (const turn of t.turns) for (const d of turn.decisions) budget = Math.max(budget, d.mindset.timeLeftSec);
  return { timeBudgetSec: Math.max(budget, first.mindset.timeLeftSec + first.watchSec), interests: { ...first.mindset.interests } };
}
