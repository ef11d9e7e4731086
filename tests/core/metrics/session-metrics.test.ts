import { describe, expect, it } from 'vitest';
import { GLANCE_SEC, sessionMetrics } from '../../../src/core/metrics/session-metrics';
import type { ActionType, ItemDecision, Turn } from '../../../src/core/types';

function d(itemId: string, position: number, actions: ActionType[], watchSec: number): ItemDecision {
  return {
    itemId, position, actions, watchSec, reasons: [], interest: 0.5, mindsetNote: 'neutral',
    mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
  };
}

describe('sessionMetrics', () => {
  it('counts watch time, items, actions, turns, instructions (hand-computed)', () => {
    const turns: Turn[] = [
      { index: 0, slate: { itemIds: ['a', 'b', 'c'] }, decisions: [d('a', 0, ['watch', 'like'], 10), d('b', 1, ['skip'], 0), d('c', 2, ['watch'], 1)], reflection: null, reward: 11 },
      {
        index: 1,
        slate: { itemIds: ['e', 'f', 'g'] },
        decisions: [d('e', 0, ['watch'], 5), d('f', 1, ['skip', 'leave'], 0)],
        reflection: { reasons: ['repetitive'], instruction: { text: 'more F1' } },
        reward: 5,
      },
    ];
    const m = sessionMetrics(turns, 'turn_limit', { returnProbability: 0.8, returnAfterHours: 12 });
    expect(m.watchSec).toBe(16);
    expect(m.itemsViewed).toBe(5);
    expect(m.actions).toEqual({ click: 0, comment: 0, share: 0, like: 1, watch: 3, skip: 2, leave: 1 });
    expect(m.turns).toBe(2);
    expect(m.instructions).toBe(1);
    expect(m.endReason).toBe('turn_limit');
    // 10 + glance + max(1, glance) + 5 + glance
    expect(m.sessionSec).toBe(10 + GLANCE_SEC + GLANCE_SEC + 5 + GLANCE_SEC);
    expect(m.returnProbability).toBe(0.8);
    expect(m.returnAfterHours).toBe(12);
  });
  it('is all zeros for an empty session', () => {
    const m = sessionMetrics([], 'catalog_exhausted');
    expect(m.watchSec + m.itemsViewed + m.turns + m.sessionSec + m.returnProbability).toBe(0);
    expect(Object.keys(m.actions)).toHaveLength(7);
  });
});
