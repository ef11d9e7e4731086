import { cleanup, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import NarrationBar from '../../src/ui/tour/NarrationBar.svelte';
import { LiveController } from '../../src/ui/state/live.svelte';
import { sessionMoments } from '../../src/ui/tour/narration';
import { markTourSeen, tourSeen } from '../../src/ui/tour/tour-steps';
import { SessionState } from '../../src/ui/state/session.svelte';
import { decision, item } from './fixtures';

describe('narration moments', () => {
  it('finds the first skip, fatigue, the leave point, the instruction and the reply, once each, in order', () => {
    const s = new SessionState();
    s.reset({ lookup: (id) => item(id, { title: `T ${id}`, topic: 'ufc' }), timeBudgetSec: 600, interests: {} });
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b', 'c', 'd'] } });
    s.apply({ type: 'decision', turn: 0, decision: decision('a', 0, ['watch'], 30, { satisfaction: 0.9, timeLeftSec: 570 }) });
    expect(sessionMoments(s.turns)).toEqual([]);
    s.apply({ type: 'decision', turn: 0, decision: decision('b', 1, ['skip'], 0, { satisfaction: 0.7, timeLeftSec: 565 }) });
    const tired = decision('c', 2, ['watch'], 5, { satisfaction: 0.5, timeLeftSec: 560 });
    tired.reasons = ['fatigue'];
    s.apply({ type: 'decision', turn: 0, decision: tired });
    s.apply({ type: 'decision', turn: 0, decision: decision('d', 3, ['skip', 'leave'], 0, { satisfaction: 0.2, timeLeftSec: 555 }) });
    s.apply({ type: 'leave', turn: 0, position: 3 });
    s.apply({ type: 'instruction', turn: 0, text: 'more boating' });
    s.apply({ type: 'list', turn: 1, slate: { itemIds: ['e'], message: 'Sure, boating.' } });
    const m = sessionMoments(s.turns);
    expect(m.map((x) => x.kind)).toEqual(['skip', 'fatigue', 'leave', 'instruction', 'reply']);
    expect(m[0].text).toContain('T b');
    expect(m[3].text).toContain('more boating');
    // A second skip is not a new moment.
    expect(new Set(m.map((x) => x.key)).size).toBe(5);
  });

  it('remembers the tour in storage, and copes without storage', () => {
    const store = new Map<string, string>();
    const st = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(tourSeen(st)).toBe(false);
    markTourSeen(st);
    expect(tourSeen(st)).toBe(true);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(tourSeen(broken)).toBe(false);
    expect(() => markTourSeen(broken)).not.toThrow();
  });
});

// A live region added together with its words is not read out by screen readers: the
// narration's box (role="status") appeared only with its sentence, so the sentence was unsaid.
describe('the narration bar', () => {
  afterEach(() => cleanup());

  it('says each moment in a status region that was there before it', () => {
    const live = new LiveController();
    live.session.reset({ lookup: (id) => item(id, { title: `T ${id}`, topic: 'ufc' }), timeBudgetSec: 600, interests: {} });
    live.session.status = 'running';
    render(NarrationBar, { live, on: true });
    const region = screen.getByRole('status');
    expect(region.textContent?.trim()).toBe('');
    live.session.apply({ type: 'list', turn: 0, slate: { itemIds: ['a', 'b'] } });
    live.session.apply({ type: 'decision', turn: 0, decision: decision('a', 0, ['skip'], 0, { satisfaction: 0.7, timeLeftSec: 590 }) });
    flushSync();
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain('First skip');
    expect(live.session.status).toBe('paused');
    expect(screen.getByTestId('narration-continue')).toBeTruthy();
  });
});
