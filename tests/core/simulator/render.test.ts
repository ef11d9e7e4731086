/** The Table 2 sentences, rendered from codes. */
import { describe, expect, it } from 'vitest';
import type { ItemDecision, ReasonCode } from '../../../src/core/types';
import { renderAction, renderMindsetNote, renderReasons, renderReflection } from '../../../src/core/simulator/render';
import { makeCatalog, makeItem } from './fixtures';

const catalog = makeCatalog();

function dec(over: Partial<ItemDecision> & { reasons: ReasonCode[] }): ItemDecision {
  return {
    itemId: 'x', position: 0, actions: ['skip'], watchSec: 0, interest: 0.5, mindsetNote: 'neutral',
    mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
    ...over,
  };
}

describe('render', () => {
  const fishing = makeItem('fishing', 'Lobster fishing', { durationSec: 45 });
  const ufc = makeItem('ufc', 'UFC Fight Night', { durationSec: 45 });
  const hair = makeItem('hairstyling', 'Braids', { durationSec: 40 });

  it('renders the reasoning column of Table 2', () => {
    expect(renderReasons(dec({ reasons: ['related_interest'] }), fishing, catalog)).toBe('Related to my fishing interest');
    expect(renderReasons(dec({ reasons: ['strong_interest'] }), ufc, catalog)).toBe("Strong interest, I've engaged with this before");
    expect(renderReasons(dec({ reasons: ['unrelated', 'test_new_content'] }), hair, catalog)).toBe('Unrelated, testing new content');
    expect(renderReasons(dec({ reasons: ['strong_interest', 'over_engagement'] }), ufc, catalog)).toBe('Interest, but avoiding over-engagement');
    expect(renderReasons(dec({ reasons: ['unrelated', 'already_skipped_topic'] }), hair, catalog)).toBe('Unrelated, already skipped');
  });

  it('a movie decision with no reason code still says something, and the rating', () => {
    const movie = makeItem('drama', 'Heat (1995)', { durationSec: 150 });
    expect(renderReasons(dec({ reasons: [], rating: 3.04 }), movie, catalog)).toBe("Not for me; I'd rate it 3.0/5");
    expect(renderReasons(dec({ reasons: [], rating: 3.6, actions: ['watch'] }), movie, catalog)).toBe("Worth a look; I'd rate it 3.5/5");
    expect(renderReasons(dec({ reasons: [] }), movie, catalog)).toBe('');
  });

  it('names the related interest, and adds at most two secondary reasons', () => {
    const boat = makeItem('boating', 'Sailing');
    expect(renderReasons(dec({ reasons: ['novel_topic'], relatedTopic: 'fishing' }), boat, catalog)).toBe('Something new, close to my fishing interest');
    expect(renderReasons(dec({ reasons: ['related_interest'], relatedTopic: 'fishing' }), boat, catalog)).toBe('Related to my fishing interest');
    const r = renderReasons(dec({ reasons: ['strong_interest', 'local', 'popular', 'fresh', 'high_quality'] }), ufc, catalog);
    expect(r).toBe("Strong interest, I've engaged with this before, from around here, lots of people like it");
    // Without the item or labels, the decision's topic id is prettified.
    expect(renderReasons(dec({ reasons: ['related_interest'], topic: 'deep-sea' }))).toBe('Related to my deep sea interest');
  });

  it("puts a liked item's drawbacks and a skipped item's merits after a 'but'", () => {
    expect(renderReasons(dec({ reasons: ['strong_interest', 'low_quality', 'stale'] }), ufc, catalog)).toBe(
      "Strong interest, I've engaged with this before, but looks low-effort and old news",
    );
    expect(renderReasons(dec({ reasons: ['strong_interest', 'local', 'stale'] }), ufc, catalog)).toBe(
      "Strong interest, I've engaged with this before, from around here, but old news",
    );
    expect(renderReasons(dec({ reasons: ['unrelated', 'local'] }), hair, catalog)).toBe('Unrelated, but from around here');
    expect(renderReasons(dec({ reasons: ['unrelated', 'too_long'] }), hair, catalog)).toBe('Unrelated, too long for now');
  });

  it('renders the action line', () => {
    expect(renderAction(dec({ reasons: [], actions: ['watch', 'like'], watchSec: 20 }), fishing)).toBe('Watch 20s / 45s, Like');
    expect(renderAction(dec({ reasons: [], actions: ['click', 'watch', 'like', 'comment'], watchSec: 30 }))).toBe('Click, Watch 30s, Like, Comment');
    expect(renderAction(dec({ reasons: [], actions: ['watch', 'skip'], watchSec: 15 }), ufc)).toBe('Watch 15s / 45s, Skip');
    expect(renderAction(dec({ reasons: [], actions: ['skip', 'leave'] }))).toBe('Skip, Leave');
  });

  it('renders the mindset column of Table 2', () => {
    expect(renderMindsetNote(dec({ reasons: [], mindsetNote: 'open_to_more', topic: 'fishing' }), catalog)).toBe('Open to more fishing content');
    expect(renderMindsetNote(dec({ reasons: [], mindsetNote: 'top_interest_expect_more', topic: 'ufc' }), catalog)).toBe('UFC is a top interest, expect more');
    expect(renderMindsetNote(dec({ reasons: [], mindsetNote: 'selective_want_variety', topic: 'ufc' }), catalog)).toBe('Selective with UFC, want variety');
    expect(renderMindsetNote(dec({ reasons: [], mindsetNote: 'expect_fewer', topic: 'hairstyling' }), catalog)).toBe('Not interested, expect fewer');
    expect(renderMindsetNote(dec({ reasons: [], mindsetNote: 'not_interested_less_likely' }))).toBe('Not interested, less likely to engage');
  });

  it('renders reflections, saying when the user leaves silently', () => {
    expect(renderReflection({ reasons: ['repetitive', 'off_interest'], instruction: null })).toBe(
      "Too much of the same thing. Most of it wasn't for me. Leaving without saying anything.",
    );
    expect(renderReflection({ reasons: ['too_long'], instruction: { text: 'Shorter please.' } })).toBe('The videos were too long.');
    expect(renderReflection({ reasons: ['time_up', 'satisfied'], instruction: null })).toBe("I'm out of time. That was a good session.");
  });
});
