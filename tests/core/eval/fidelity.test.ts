import { describe, expect, it } from 'vitest';
import { buildFidelityLists, evaluateFidelity, isEngaged, type FidelityOptions } from '../../../src/core/eval/fidelity';
import type { SessionStart, UserSimulator } from '../../../src/core/simulator/simulator';
import type { ActionType, Catalog, Interaction, Item, ItemDecision, UserProfile } from '../../../src/core/types';

// A tiny world: 30 items; the users' positives are i4 (topic a4), i5 (b), i7 (a7); every
// other item is topic b. User A likes a4, user C likes a7, so an item one of them may get
// as a negative (the other's positive) is never of interest to them.
const item = (n: number, topic: string): Item => ({
  id: `i${n}`, title: `Item ${n}`, description: '', topic, subtopic: '', tags: [], creator: '', format: 'movie',
  durationSec: 150, publishedAt: 0, locale: '', likes: 0, shares: 0, comments: 0, quality: 0.5,
});
const topicOf = (n: number): string => (n === 4 ? 'a4' : n === 7 ? 'a7' : 'b');
const catalog: Catalog = {
  id: 'tiny', name: 'tiny', items: Array.from({ length: 30 }, (_, n) => item(n, topicOf(n))),
  topics: ['a4', 'a7', 'b'].map((id) => ({ id, label: id, related: [] })), creators: [], now: 0,
};
const rated = (n: number, rating: number, at: number): Interaction => ({ itemId: `i${n}`, action: rating >= 4 ? 'like' : 'skip', at, rating });
const user = (id: string, likes: string, history: Interaction[], heldOut: Interaction[]): UserProfile => ({
  id, name: id, age: null, gender: '', location: '', occupation: '', bio: '', groups: [], interests: { [likes]: 1 },
  traits: { timeBudgetSec: 600, curiosity: 0.5, activity: 0.5, conformity: 0.5, fatigueSensitivity: 0.5, instructionPropensity: 0.5 },
  history, heldOut, source: 'movielens',
});
const users = [
  user('A', 'a4', [0, 1, 2, 3].map((n) => rated(n, 4, n)), [rated(4, 5, 10), rated(5, 4, 11), rated(6, 2, 12)]),
  user('B', 'b', [rated(8, 5, 1)], [rated(9, 3, 5)]), // no held-out like: not evaluated
  user('C', 'a7', [rated(10, 2, 1)], [rated(7, 4.5, 5)]),
];

/** A simulator whose every decision we choose; it records what it was given. */
function stub(decide: (item: Item, position: number, user: UserProfile) => ActionType[]): UserSimulator & { starts: SessionStart[]; calls: number } {
  const sim = {
    name: 'stub',
    starts: [] as SessionStart[],
    calls: 0,
    startSession(start: SessionStart) {
      sim.starts.push(start);
      return {
        mindset: { satisfaction: 1, timeLeftSec: 1, boredom: 0, interests: {}, fatigue: {} },
        decide(it: Item, position: number): ItemDecision {
          sim.calls++;
          const actions = decide(it, position, start.user);
          return {
            itemId: it.id, position, actions, watchSec: actions.includes('watch') ? 100 : 0, reasons: [], interest: 0,
            mindsetNote: 'neutral', mindset: { satisfaction: 1, timeLeftSec: 1, boredom: 0, interests: {}, fatigue: {} },
          };
        },
        reflect: () => ({ reasons: [], instruction: null }),
        end: () => ({ sessionIndex: 0, startedAt: 0, durationSec: 0, itemsViewed: 0, watchSec: 0, endReason: 'no_instructions' as const, finalSatisfaction: 1, topTopics: [], tiredTopics: [], instructions: [] }),
      };
    },
  };
  return sim;
}

const opts: FidelityOptions = { ratio: 3, seed: 7, listSize: 5 };

describe('buildFidelityLists', () => {
  it('mixes held-out liked items with unseen items at the ratio, seeded', () => {
    const lists = buildFidelityLists(catalog, users, opts);
    expect(lists.map((l) => l[0].userId)).toEqual(['A', 'C']);
    const flat = (u: number) => lists[u].flatMap((l) => l.items.map((it, k) => [it.id, l.positive[k]] as const));
    const a = flat(0);
    expect(a).toHaveLength(8); // 2 positives + 6 negatives
    expect(a.filter(([, p]) => p).map(([id]) => id).sort()).toEqual(['i4', 'i5']);
    const seenA = new Set(['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    for (const [id, p] of a) if (!p) expect(seenA.has(id)).toBe(false);
    expect(new Set(a.map(([id]) => id)).size).toBe(8);
    expect(lists[0].map((l) => l.items.length)).toEqual([5, 3]);
    expect(flat(1)).toHaveLength(4);
    expect(buildFidelityLists(catalog, users, opts)).toEqual(lists);
    expect(buildFidelityLists(catalog, users, { ...opts, seed: 8 })).not.toEqual(lists);
  });
  it('respects minHeldOutLiked, maxPositivesPerUser and maxUsers', () => {
    expect(buildFidelityLists(catalog, users, { ...opts, minHeldOutLiked: 2 }).map((l) => l[0].userId)).toEqual(['A']);
    const one = buildFidelityLists(catalog, users, { ...opts, maxPositivesPerUser: 1, maxUsers: 1 });
    expect(one).toHaveLength(1);
    expect(one[0].flatMap((l) => l.positive).filter(Boolean)).toHaveLength(1);
    expect(() => buildFidelityLists(catalog, users, { ...opts, ratio: 1.5 })).toThrow(RangeError);
  });
});

describe('evaluateFidelity', () => {
  it('computes the confusion counts and rates (hand-derived)', async () => {
    // Engage with the user's topic only: positives i4 (A), i7 (C) engaged, i5 (A) missed; the 9 negatives skipped.
    const sim = stub((it, _pos, u) => (u.interests[it.topic] ? ['watch', 'like'] : ['skip']));
    const r = await evaluateFidelity(catalog, users, sim, opts);
    expect(r).toMatchObject({ users: 2, items: 12, positives: 3, negatives: 9, tp: 2, fn: 1, fp: 0, tn: 9, lists: 3 });
    expect(r.accuracy).toBeCloseTo(11 / 12, 12);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(0.8, 12);
  });
  it('handles the degenerate simulators', async () => {
    const all = await evaluateFidelity(catalog, users, stub(() => ['watch']), opts);
    expect([all.accuracy, all.precision, all.recall, all.engagedRate]).toEqual([0.25, 0.25, 1, 1]);
    expect(all.f1).toBeCloseTo(0.4, 12);
    const none = await evaluateFidelity(catalog, users, stub(() => ['skip']), opts);
    expect([none.accuracy, none.precision, none.recall, none.f1]).toEqual([0.75, 0, 0, 0]);
  });
  it('counts the items after a leave as not engaged and stops asking', async () => {
    const sim = stub((_it, pos) => (pos === 0 ? ['watch', 'leave'] : ['like']));
    const r = await evaluateFidelity(catalog, users, sim, opts);
    // Lists: A has 8 items in lists of 5 and 3, C has 4 items in one list.
    expect(sim.calls).toBe(3); // one decision per list
    expect(r.tp + r.fp).toBe(3); // only the first item of each list is engaged
    expect(r.tn + r.fn).toBe(9);
    expect(r.leftEarlyRate).toBe(1);
  });
  it('runs one fresh session per list, instructions off, held-out data hidden', async () => {
    const sim = stub(() => ['skip']);
    await evaluateFidelity(catalog, users, sim, opts);
    expect(sim.starts).toHaveLength(3);
    for (const s of sim.starts) {
      expect(s.instructionsEnabled).toBe(false);
      expect(s.user.heldOut).toBeUndefined();
      expect(s.memory.interactions).toEqual([]);
      expect(s.context.timeOfDay).toBeDefined();
    }
    expect(new Set(sim.starts.map((s) => s.memory)).size).toBe(3);
  });
});

describe('isEngaged', () => {
  const d = (actions: ActionType[], watchSec = 0) => ({ actions, watchSec });
  const it150 = { durationSec: 150 };
  it('follows the documented definition', () => {
    expect(isEngaged(d(['watch'], 10), it150)).toBe(true);
    expect(isEngaged(d(['watch', 'leave'], 10), it150)).toBe(true);
    expect(isEngaged(d(['watch', 'skip'], 10), it150)).toBe(false);
    expect(isEngaged(d(['skip']), it150)).toBe(false);
    expect(isEngaged(d(['skip', 'leave']), it150)).toBe(false);
    for (const a of ['like', 'comment', 'share', 'click'] as const) expect(isEngaged(d([a]), it150)).toBe(true);
    expect(isEngaged(d(['watch'], 30), it150, 0.5)).toBe(false);
    expect(isEngaged(d(['watch'], 75), it150, 0.5)).toBe(true);
  });
});
