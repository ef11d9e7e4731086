/**
 * The traps a class hits: a paused session's main button resumes and a new run asks
 * first; human mode brings the instruction box into focus; end reasons in words; an
 * instruction on the last allowed turn is acknowledged; replay starts from the stored
 * start state.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Controls from '../../src/ui/live/Controls.svelte';
import Feed from '../../src/ui/live/Feed.svelte';
import InstructionPrompt from '../../src/ui/human/InstructionPrompt.svelte';
import { HumanInput } from '../../src/ui/human/human-input.svelte';
import { endReasonText, unansweredInstruction } from '../../src/ui/live/end-reason';
import { initialState, recommenderLabel, replayScript, stepSelector, storedStart } from '../../src/ui/history/replay-model';
import { SessionState } from '../../src/ui/state/session.svelte';
import { decision, item, trajectory } from './fixtures';

afterEach(() => cleanup());

function controls(status: 'idle' | 'running' | 'paused' | 'ended') {
  const cb = { onrun: vi.fn(), ontoggle: vi.fn(), onstep: vi.fn(), onreset: vi.fn(), onspeed: vi.fn() };
  render(Controls, { status, speed: 1, ...cb });
  return cb;
}

describe('transport while a session plays', () => {
  it('paused: the main button resumes; "New run" asks and does nothing until confirmed', async () => {
    const cb = controls('paused');
    const main = screen.getByTestId('pause');
    expect(main.classList.contains('primary')).toBe(true);
    expect(main.textContent).toContain('Resume');
    await fireEvent.click(main);
    expect(cb.ontoggle).toHaveBeenCalledTimes(1);

    await fireEvent.click(screen.getByTestId('run'));
    expect(cb.onrun).not.toHaveBeenCalled();
    expect(screen.getByTestId('confirm-new-run').textContent).toContain('stays in the history');
    expect(document.activeElement).toBe(screen.getByTestId('confirm-yes'));
    await fireEvent.click(screen.getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-new-run')).toBeNull();
    expect(cb.onrun).not.toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId('run'));
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    expect(cb.onrun).toHaveBeenCalledTimes(1);
  });

  it('restart while running asks too; idle and ended runs start at once', async () => {
    const cb = controls('running');
    expect(screen.getByTestId('pause').textContent).toContain('Pause');
    await fireEvent.click(screen.getByTestId('reset'));
    expect(cb.onreset).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('confirm-yes'));
    expect(cb.onreset).toHaveBeenCalledTimes(1);
    cleanup();
    const cb2 = controls('ended');
    expect(screen.queryByTestId('pause')).toBeNull();
    await fireEvent.click(screen.getByTestId('run'));
    expect(cb2.onrun).toHaveBeenCalledTimes(1);
  });
});

describe('human mode: the instruction box', () => {
  it('takes the focus when it appears, and sends what was typed', async () => {
    const input = new HumanInput();
    const asked = input.requestInstruction();
    render(InstructionPrompt, { input });
    flushSync();
    const box = screen.getByTestId('human-instruction') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(box);
    // jsdom has no speech recognition: the person is told, and typing still works.
    expect(screen.getByTestId('voice-unavailable').textContent).toContain('not offered by this browser');
    await fireEvent.input(box, { target: { value: 'more UFC' } });
    await fireEvent.click(screen.getByTestId('human-send'));
    expect(await asked).toBe('more UFC');
  });
});

describe('end of a session', () => {
  it('says why it ended in words, and that an instruction on the last turn went unanswered', () => {
    expect(endReasonText('turn_limit')).toBe('the turn limit was reached');
    expect(endReasonText('left_silent')).toContain('left without saying');
    const t = trajectory();
    t.endReason = 'turn_limit';
    t.turns = [{ index: 0, slate: { itemIds: ['a'] }, decisions: [decision('a', 0, ['skip', 'leave'], 0, { satisfaction: 0.2, timeLeftSec: 500 })], reflection: { reasons: ['bored'], instruction: { text: 'more UFC' } }, reward: 0 }];
    expect(unansweredInstruction(t)).toBe('more UFC');

    const s = new SessionState();
    s.reset({ lookup: (id) => item(id), timeBudgetSec: 600, interests: {} });
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a'] } });
    s.apply({ type: 'session_end', trajectory: t });
    render(Feed, { session: s, recommender: 'content' });
    expect(screen.getByTestId('end-reason').textContent).toBe('Session ended: the turn limit was reached.');
    expect(screen.getByTestId('unanswered-instruction').textContent).toContain('would have replied');
    expect(screen.queryByText(/turn_limit/)).toBeNull();

    // A silent leave needs no such note.
    t.turns[0].reflection = { reasons: ['bored'], instruction: null };
    expect(unansweredInstruction(t)).toBeNull();
  });
});

describe('replay start state', () => {
  it('uses the stored budget and interests; falls back to an estimate, marked as such', () => {
    const t = trajectory();
    t.turns = [{ index: 0, slate: { itemIds: ['a'] }, decisions: [decision('a', 0, ['watch'], 30, { satisfaction: 0.9, timeLeftSec: 540, interests: { fishing: 0.97 } })], reflection: null, reward: 0 }];
    const stored = initialState(t, { timeBudgetSec: 600, interests: { fishing: 0.9, ufc: 0.8 }, satisfaction: 0.7 });
    expect(stored).toEqual({ timeBudgetSec: 600, interests: { fishing: 0.9, ufc: 0.8 }, satisfaction: 0.7, estimated: false });
    const est = initialState(t, undefined);
    expect(est.estimated).toBe(true);
    expect(est.timeBudgetSec).toBe(570);
    expect(est.satisfaction).toBe(0.9);
    // Stored before the start satisfaction was kept: budget and interests stored, satisfaction estimated.
    const older = initialState(t, { timeBudgetSec: 600, interests: { fishing: 0.9 } });
    expect(older).toEqual({ timeBudgetSec: 600, interests: { fishing: 0.9 }, satisfaction: 0.9, estimated: true });
    // Untrusted imports: malformed start states are ignored, bad weights dropped.
    expect(storedStart({ timeBudgetSec: 'x', interests: {} })).toBeNull();
    expect(storedStart({ timeBudgetSec: 600, interests: { a: 0.5, b: 'evil' }, satisfaction: 7 })).toEqual({ timeBudgetSec: 600, interests: { a: 0.5 }, satisfaction: null });
  });

  it('starts the replay\'s session at the stored satisfaction, not a full mark', () => {
    const t = trajectory();
    t.turns = [{ index: 0, slate: { itemIds: ['a'] }, decisions: [decision('a', 0, ['watch'], 30, { satisfaction: 0.9, timeLeftSec: 540, interests: {} })], reflection: null, reward: 0 }];
    const start = initialState(t, { timeBudgetSec: 600, interests: {}, satisfaction: 0.66 });
    const s = new SessionState();
    s.reset({ lookup: () => undefined, timeBudgetSec: start.timeBudgetSec, interests: start.interests });
    s.apply(replayScript(t, true, start).events[0]);
    expect(s.satisfaction).toBe(0.66);
    expect(s.timeLeftSec).toBe(600);
    // Without a start state the first event carries none (the gauge keeps its reset value).
    expect(replayScript(t, true).events[0]).not.toHaveProperty('start');
  });

  it('labels the recommender as the live view does and finds the scrubbed element', () => {
    expect(recommenderLabel('content+follow')).toBe('content, following instructions');
    expect(recommenderLabel('popular')).toBe('popular');
    expect(stepSelector({ end: 3, kind: 'item', turn: 1, position: 2, label: '' }, 1)).toBe('[data-testid="turn"]:nth-of-type(2) [data-testid="item-card"]:nth-of-type(3)');
    expect(stepSelector({ end: 9, kind: 'end', turn: 1, label: '' }, 1)).toBe('[data-testid="end-reason"]');
  });
});
