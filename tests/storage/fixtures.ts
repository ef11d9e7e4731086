/**
 * Hand-written session fixtures for storage tests: a two-turn session as the runner
 * would emit it (events) and the final trajectory. Independent of the simulator code.
 */
import type { SessionEvent } from '../../src/core/env/environment';
import type { Item, ItemDecision, Mindset, Trajectory, Turn } from '../../src/core/types';
import { sessionIdOf, type SessionMeta } from '../../src/storage/db';

const mindset = (satisfaction: number): Mindset => ({
  satisfaction,
  timeLeftSec: 300,
  boredom: 0.1,
  interests: { fishing: 0.8, ufc: 0.7 },
  fatigue: {},
});

export function item(id: string, topic = 'fishing'): Item {
  return {
    id, title: `Title of ${id}`, description: '', topic, subtopic: '', tags: [], creator: 'c1', format: 'short_video',
    durationSec: 60, publishedAt: 0, locale: '', likes: 1, shares: 0, comments: 0, quality: 0.5,
  };
}

export function decision(itemId: string, position: number, watchSec: number, leave = false): ItemDecision {
  return {
    itemId, position, actions: leave ? ['skip', 'leave'] : ['watch'], watchSec, reasons: ['strong_interest'],
    interest: 0.8, mindsetNote: 'open_to_more', mindset: mindset(0.7 - position * 0.1),
  };
}

/** A session: turn 0 (2 items, leave + instruction), reply, turn 1 (2 items, silent leave). */
export function sampleSession(id = 'traj-1'): { meta: SessionMeta; events: SessionEvent[]; trajectory: Trajectory } {
  const turn0: Turn = {
    index: 0,
    slate: { itemIds: ['a', 'b'] },
    decisions: [decision('a', 0, 30), decision('b', 1, 0, true)],
    reflection: { reasons: ['repetitive'], instruction: { text: 'Show me something different', kind: 'related_but_different' } },
    reward: 30,
  };
  const turn1: Turn = {
    index: 1,
    slate: { itemIds: ['c', 'd'], message: 'Sure! Here is something different.' },
    decisions: [decision('c', 0, 45), decision('d', 1, 0, true)],
    reflection: { reasons: ['bored'], instruction: null },
    reward: 45,
  };
  const trajectory: Trajectory = {
    id, seed: 42, userId: 'persona-maya', recommender: 'popular', simulator: 'rule-based', catalogId: 'shortvideo',
    context: { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: 'Oakland, CA' },
    instructionsEnabled: true, turns: [turn0, turn1], endReason: 'left_silent',
    metrics: {
      watchSec: 75, itemsViewed: 4, actions: { click: 0, comment: 0, share: 0, like: 0, watch: 2, skip: 2, leave: 2 },
      turns: 2, instructions: 1, endReason: 'left_silent', sessionSec: 80, returnProbability: 0.5, returnAfterHours: 12,
    },
    startedAt: T0,
  };
  const events: SessionEvent[] = [
    { type: 'session_start', trajectoryId: id, userId: 'persona-maya', seed: 42 },
    { type: 'list', turn: 0, slate: turn0.slate },
    { type: 'item_start', turn: 0, position: 0, itemId: 'a' },
    { type: 'decision', turn: 0, decision: turn0.decisions[0] },
    { type: 'item_start', turn: 0, position: 1, itemId: 'b' },
    { type: 'decision', turn: 0, decision: turn0.decisions[1] },
    { type: 'leave', turn: 0, position: 1 },
    { type: 'reflection', turn: 0, reflection: turn0.reflection! },
    { type: 'instruction', turn: 0, text: 'Show me something different' },
    { type: 'reply', turn: 1, message: turn1.slate.message!, slate: turn1.slate },
    { type: 'list', turn: 1, slate: turn1.slate },
    { type: 'decision', turn: 1, decision: turn1.decisions[0] },
    { type: 'decision', turn: 1, decision: turn1.decisions[1] },
    { type: 'leave', turn: 1, position: 1 },
    { type: 'reflection', turn: 1, reflection: turn1.reflection! },
    { type: 'session_end', trajectory },
  ];
  const meta: SessionMeta = {
    id, startedAt: trajectory.startedAt, seed: 42, userId: 'persona-maya', userName: 'Maya', recommender: 'popular',
    simulator: 'rule-based', catalogId: 'shortvideo', instructionsEnabled: true, context: trajectory.context,
    settings: { seed: 42, rec: 'popular', llm: { baseUrl: 'http://localhost:11434/v1', apiKey: 'sk-SECRET' } },
  };
  return { meta, events, trajectory };
}

let n = 0;
/** A fresh database name per test. */
export function dbName(): string {
  return `test-${process.pid}-${++n}`;
}

/** Start time of every sample session. */
export const T0 = 1_700_000_000_000;

/** The stored id of sampleSession(id). */
export function sid(id: string): string {
  return sessionIdOf(id, T0);
}
