import { describe, expect, it } from 'vitest';
import { REWARD_NAMES, isRewardName, rewardOf } from '../../../src/core/env/reward';
import type { ActionType, ItemDecision } from '../../../src/core/types';

function d(actions: ActionType[], watchSec: number): ItemDecision {
  return {
    itemId: 'x', position: 0, actions, watchSec, reasons: [], interest: 0.5, mindsetNote: 'neutral',
    mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
  };
}

describe('rewards', () => {
  const ds = [d(['watch', 'like', 'share'], 120), d(['click', 'comment'], 0), d(['skip'], 0), d(['watch', 'like'], 30)];
  it('watch = seconds watched', () => expect(rewardOf('watch', ds)).toBe(150));
  it('clicks and likes are counts', () => {
    expect(rewardOf('clicks', ds)).toBe(1);
    expect(rewardOf('likes', ds)).toBe(2);
  });
  it('engagement = minutes + 0.5 click + 1 like + 2 comment + 3 share', () => {
    expect(rewardOf('engagement', ds)).toBeCloseTo(2.5 + 0.5 + 2 + 2 + 3, 12);
  });
  it('names are validated', () => {
    expect(REWARD_NAMES[0]).toBe('watch');
    expect(isRewardName('likes')).toBe(true);
    expect(isRewardName('dwell')).toBe(false);
  });
});
