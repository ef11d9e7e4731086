import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/env/environment';
import type { Item, ItemDecision, Trajectory } from '../../src/core/types';
import { SessionState } from '../../src/ui/state/session.svelte';
import { decision, item, trajectory } from './fixtures';

describe('SessionState', () => {
  const items = ['a', 'b', 'c'].map((id, i) => item(id, { topic: i === 2 ? 'hair' : 'fishing', durationSec: 40 }));
  const lookup = (id: string): Item | undefined => items.find((x) => x.id === id);

  function started(): SessionState {
    const s = new SessionState();
    s.reset({ lookup, timeBudgetSec: 600, interests: { fishing: 0.8 } });
    s.apply({ type: 'session_start', trajectoryId: 't1', userId: 'u', seed: 1 });
    return s;
  }

  it('starts the gauges where the simulated user starts, not at a full mark', () => {
    const s = new SessionState();
    s.reset({ lookup, timeBudgetSec: 600, interests: { fishing: 0.8 } });
    expect(s.satisfaction).toBe(1);
    s.apply({ type: 'session_start', trajectoryId: 't1', userId: 'u', seed: 1, start: { satisfaction: 0.68, timeLeftSec: 540 } });
    expect(s.satisfaction).toBe(0.68);
    expect(s.timeLeftSec).toBe(540);
  });

  it('adds a turn per list and resolves its items', () => {
    const s = started();
    expect(s.status).toBe('running');
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b', 'zzz'] } });
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0].items.map((i) => i.title)).toEqual(['Title a', 'Title b', 'zzz']);
    expect(s.cardState(0, 0)).toBe('pending');
  });

  it('tracks the current item, decisions, series and mindset', () => {
    const s = started();
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b'] } });
    s.apply({ type: 'item_start', turn: 0, position: 0, itemId: 'a' });
    expect(s.cardState(0, 0)).toBe('current');
    s.apply({ type: 'thought_delta', turn: 0, position: 0, text: 'Lobster ' });
    s.apply({ type: 'thought_delta', turn: 0, position: 0, text: 'again!' });
    expect(s.turns[0].thoughts[0]).toBe('Lobster again!');
    const d: ItemDecision = decision('a', 0, ['watch', 'like'], 30, { satisfaction: 0.9, timeLeftSec: 570, interests: { fishing: 0.85 } });
    s.apply({ type: 'decision', turn: 0, decision: d });
    expect(s.cardState(0, 0)).toBe('done');
    expect(s.satisfaction).toBe(0.9);
    expect(s.timeLeftSec).toBe(570);
    expect(s.interests).toEqual({ fishing: 0.85 });
    s.apply({ type: 'item_start', turn: 0, position: 1, itemId: 'b' });
    s.apply({ type: 'decision', turn: 0, decision: decision('b', 1, ['skip'], 0, { satisfaction: 0.7, timeLeftSec: 568 }) });
    expect(s.series.map((p) => p.cumulativeWatchSec)).toEqual([30, 30]);
    expect(s.series.map((p) => p.n)).toEqual([1, 2]);
    expect(s.actionsPerTurn[0]).toEqual({ watch: 1, like: 1, skip: 1 });
  });

  it('puts leave, reflection, instruction and the reply (carried by the next list) on the turn that asked', () => {
    const s = started();
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b'] } });
    s.apply({ type: 'decision', turn: 0, decision: decision('a', 0, ['skip', 'leave'], 0, { satisfaction: 0.2, timeLeftSec: 590 }) });
    s.apply({ type: 'leave', turn: 0, position: 0 });
    s.apply({ type: 'reflection', turn: 0, reflection: { reasons: ['repetitive'], instruction: { text: 'less fishing' } } });
    s.apply({ type: 'instruction', turn: 0, text: 'less fishing' });
    const plan = { summary: 'less fishing', moreTopics: [], lessTopics: ['fishing'], moreCreators: [], lessCreators: [], locations: [], formats: [], explore: false, preferRecent: false, preferTrending: false, diversify: true, planner: 'rules' };
    const slate = { itemIds: ['c'], message: 'Sure, less fishing.', plan };
    s.apply({ type: 'list', turn: 1, slate });
    s.apply({ type: 'reply', turn: 1, message: 'Sure, less fishing.', slate });
    const t0 = s.turns[0];
    expect(t0.leftAt).toBe(0);
    expect(t0.reflection?.reasons).toEqual(['repetitive']);
    expect(t0.instruction).toBe('less fishing');
    expect(t0.reply).toBe('Sure, less fishing.');
    expect(t0.plan?.summary).toBe('less fishing');
    expect(s.turns[1].reply).toBeNull();
  });

  it('ends with the trajectory and can be reset', () => {
    const s = started();
    const tr: Trajectory = trajectory();
    s.apply({ type: 'session_end', trajectory: tr });
    expect(s.status).toBe('ended');
    expect(s.trajectory?.id).toBe(tr.id);
    s.reset();
    expect(s.status).toBe('idle');
    expect(s.turns).toEqual([]);
    expect(s.timeLeftSec).toBe(600);
  });

  it('a reset forgets the earlier session’s storage problem (its banner stayed over the next session)', () => {
    const s = started();
    s.storageError = 'Storage is full: this session is not being saved.';
    s.savedAt = 1;
    s.reset({ lookup, timeBudgetSec: 600, interests: { fishing: 0.8 } });
    expect(s.storageError).toBeNull();
    expect(s.savedAt).toBeNull();
  });

  it('ignores events for turns it does not know', () => {
    const s = started();
    const evs: SessionEvent[] = [
      { type: 'decision', turn: 5, decision: decision('a', 0, ['watch'], 5, { satisfaction: 0.5, timeLeftSec: 1 }) },
      { type: 'leave', turn: 5, position: 0 },
      { type: 'instruction', turn: 5, text: 'x' },
    ];
    for (const e of evs) expect(() => s.apply(e)).not.toThrow();
    expect(s.turns).toEqual([]);
  });
});
