/** Small hand-made fixtures for the UI tests. */
import type { ActionType, Item, ItemDecision, Trajectory } from '../../src/core/types';

export function item(id: string, over: Partial<Item> = {}): Item {
  return {
    id,
    title: `Title ${id}`,
    description: '',
    topic: 'fishing',
    subtopic: '',
    tags: [],
    creator: 'maker',
    format: 'short_video',
    durationSec: 60,
    publishedAt: 0,
    locale: '',
    likes: 1,
    shares: 1,
    comments: 1,
    quality: 0.5,
    ...over,
  };
}

export function decision(
  itemId: string,
  position: number,
  actions: ActionType[],
  watchSec: number,
  m: { satisfaction: number; timeLeftSec: number; interests?: Record<string, number> },
): ItemDecision {
  return {
    itemId,
    position,
    actions,
    watchSec,
    reasons: ['strong_interest'],
    interest: 0.8,
    mindsetNote: 'open_to_more',
    mindset: { satisfaction: m.satisfaction, timeLeftSec: m.timeLeftSec, boredom: 0, interests: m.interests ?? {}, fatigue: {} },
  };
}

export function trajectory(): Trajectory {
  return {
    id: 'traj-1',
    seed: 1,
    userId: 'u',
    recommender: 'content',
    simulator: 'rule-based',
    catalogId: 'shortvideo',
    context: { timeOfDay: 'evening', dayOfWeek: 2, device: 'mobile', location: 'Oakland, CA' },
    instructionsEnabled: true,
    turns: [],
    endReason: 'left_silent',
    metrics: {
      watchSec: 30,
      itemsViewed: 2,
      actions: { click: 0, comment: 0, share: 0, like: 1, watch: 1, skip: 1, leave: 1 },
      turns: 1,
      instructions: 0,
      endReason: 'left_silent',
      sessionSec: 35,
      returnProbability: 0.5,
      returnAfterHours: 20,
    },
    startedAt: 0,
  };
}
