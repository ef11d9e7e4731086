import { cleanup, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MindsetPanel from '../../src/ui/charts/MindsetPanel.svelte';
import Feed from '../../src/ui/live/Feed.svelte';
import { SessionState, THOUGHT_CHUNK } from '../../src/ui/state/session.svelte';
import { decision, item, trajectory } from './fixtures';

const items = [item('a', { title: 'Lobster fishing off Maine' }), item('b', { title: 'Five summer hairstyles', topic: 'hairstyling' }), item('c', { title: 'UFC main event' })];

function playedSession(): SessionState {
  const s = new SessionState();
  s.reset({ lookup: (id) => items.find((i) => i.id === id), timeBudgetSec: 600, interests: { fishing: 0.8, ufc: 0.6 } });
  s.apply({ type: 'session_start', trajectoryId: 't', userId: 'u', seed: 1 });
  s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b'] } });
  s.apply({ type: 'item_start', turn: 0, position: 0, itemId: 'a' });
  s.apply({ type: 'decision', turn: 0, decision: decision('a', 0, ['watch', 'like'], 30, { satisfaction: 0.8, timeLeftSec: 570, interests: { fishing: 0.85 } }) });
  s.apply({ type: 'item_start', turn: 0, position: 1, itemId: 'b' });
  s.apply({ type: 'decision', turn: 0, decision: decision('b', 1, ['skip', 'leave'], 0, { satisfaction: 0.3, timeLeftSec: 568, interests: { fishing: 0.85, hairstyling: 0.02 } }) });
  s.apply({ type: 'leave', turn: 0, position: 1 });
  s.apply({ type: 'reflection', turn: 0, reflection: { reasons: ['off_interest'], text: 'Too much hairstyling.', instruction: { text: '<img src=x onerror=alert(1)> more UFC' } } });
  s.apply({ type: 'instruction', turn: 0, text: '<img src=x onerror=alert(1)> more UFC' });
  const plan = { summary: 'less hairstyling; more UFC', moreTopics: ['ufc'], lessTopics: ['hairstyling'], moreCreators: [], lessCreators: [], locations: [], formats: [], explore: false, preferRecent: false, preferTrending: false, diversify: false, planner: 'rules' };
  const slate = { itemIds: ['c'], message: 'Absolutely! More UFC.', plan };
  s.apply({ type: 'list', turn: 1, slate });
  s.apply({ type: 'reply', turn: 1, message: slate.message, slate });
  s.apply({ type: 'item_start', turn: 1, position: 0, itemId: 'c' });
  return s;
}

describe('feed', () => {
  afterEach(() => cleanup());

  it('tells the story: turns, card states, leave point, reflection, instruction, reply and plan', () => {
    const s = playedSession();
    const { container } = render(Feed, { session: s, recommender: 'content' });
    expect(screen.getAllByTestId('turn')).toHaveLength(2);
    expect(screen.getAllByTestId('item-card').map((c) => c.dataset.state)).toEqual(['done', 'done', 'current']);
    expect(container.textContent).toContain('the user leaves here');
    expect(screen.getByTestId('reflection').textContent).toContain('Too much hairstyling.');
    expect(screen.getByTestId('instruction-bubble').textContent).toContain('<img src=x onerror=alert(1)> more UFC');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('reply-bubble').textContent).toContain('Absolutely! More UFC.');
    expect(screen.getByTestId('plan').textContent).toContain('less hairstyling; more UFC');
  });

  it('streams a very long thought piece by piece: each piece writes a short piece of the card, the whole text ends complete, as text', () => {
    const s = new SessionState();
    s.reset({ lookup: (id) => items.find((i) => i.id === id), timeBudgetSec: 600, interests: { fishing: 0.8 } });
    s.apply({ type: 'session_start', trajectoryId: 't', userId: 'u', seed: 1 });
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b'] } });
    s.apply({ type: 'item_start', turn: 0, position: 0, itemId: 'a' });
    render(Feed, { session: s, recommender: 'content' });
    const reasoning = screen.getAllByTestId('reasoning')[0];
    // What the page writes per piece: the characters of the text nodes changed or added.
    const watch = new MutationObserver(() => {});
    watch.observe(reasoning, { subtree: true, childList: true, characterData: true });
    const written = () =>
      watch.takeRecords().reduce((n, r) => n + (r.type === 'characterData' ? (r.target as Text).data.length : [...r.addedNodes].reduce((m, a) => m + (a.textContent?.length ?? 0), 0)), 0);
    const pieces = Array.from({ length: 600 }, (_, i) => (i === 300 ? '<b>bold</b> ' : i === 500 ? 'x\u202E ' : `word${i % 10} `));
    let total = 0;
    for (const p of pieces) {
      s.apply({ type: 'thought_delta', turn: 0, position: 0, text: p });
      flushSync();
      total += written();
    }
    watch.disconnect();
    const expected = pieces.join('').replace('\u202E', 'U+202E');
    expect(reasoning.textContent).toBe(`“${expected}”`);
    expect(s.turns[0].thoughts[0]).toBe(pieces.join(''));
    expect(reasoning.querySelector('b')).toBeNull();
    expect(reasoning.querySelectorAll('[data-testid="bidi-mark"]')).toHaveLength(1);
    // Each piece rewrote at most one short piece (THOUGHT_CHUNK characters and the piece itself), not the whole thought:
    // re-rendering all of it wrote about 800,000 characters for this 4,800-character thought.
    expect(total).toBeLessThan(pieces.length * (THOUGHT_CHUNK + 16));
    // The decision replaces the stream with the final thought.
    s.apply({ type: 'decision', turn: 0, decision: { ...decision('a', 0, ['watch'], 30, { satisfaction: 0.8, timeLeftSec: 570 }), thought: 'Done thinking.' } });
    flushSync();
    expect(reasoning.textContent).toBe('“Done thinking.”');
  });

  it('updates as events arrive', () => {
    const s = playedSession();
    render(Feed, { session: s, recommender: 'content' });
    s.apply({ type: 'decision', turn: 1, decision: decision('c', 0, ['watch'], 12, { satisfaction: 0.7, timeLeftSec: 556 }) });
    flushSync();
    expect(screen.getAllByTestId('item-card').map((c) => c.dataset.state)).toEqual(['done', 'done', 'done']);
    expect(screen.getAllByTestId('watch-bar')).toHaveLength(2);
  });
});

describe('mindset panel', () => {
  afterEach(() => cleanup());

  it('shows gauges, charts and, at the end, the rewards summary', () => {
    const s = playedSession();
    render(MindsetPanel, { session: s, initialInterests: { fishing: 0.8, ufc: 0.6 } });
    for (const id of ['mindset-panel', 'chart-satisfaction', 'chart-interests', 'chart-watch', 'chart-actions']) expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.getByTestId('chart-interests').textContent).toContain('fishing');
    expect(screen.queryByTestId('summary')).toBeNull();
    s.apply({ type: 'session_end', trajectory: trajectory() });
    flushSync();
    expect(screen.getByTestId('summary').textContent).toContain('left without saying');
  });
});
