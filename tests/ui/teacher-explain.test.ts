/** Explanations on hover, focus and tap; the content-based lesson where it happens. */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MindsetPanel from '../../src/ui/charts/MindsetPanel.svelte';
import Explain from '../../src/ui/shell/Explain.svelte';
import { EXPLAIN } from '../../src/ui/live/explanations';
import { narrowListNote } from '../../src/ui/live/lesson-notes';
import { SessionState } from '../../src/ui/state/session.svelte';

afterEach(() => cleanup());

describe('explanations', () => {
  it('open on hover, on tap (click) and on focus; Escape closes', async () => {
    render(Explain, { text: 'Satisfaction explained', label: 'About satisfaction' });
    const btn = screen.getByRole('button', { name: 'About satisfaction' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.mouseEnter(btn.parentElement!);
    expect(screen.getByRole('tooltip').textContent).toBe('Satisfaction explained');
    await fireEvent.mouseLeave(btn.parentElement!);
    expect(screen.queryByRole('tooltip')).toBeNull();
    // Touch screens: a tap is a click; it stays open until tapped again.
    await fireEvent.click(btn);
    expect(btn.getAttribute('aria-expanded')).toBe('true');
    expect(btn.getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id);
    await fireEvent.mouseLeave(btn.parentElement!);
    expect(screen.getByRole('tooltip')).toBeTruthy();
    await fireEvent.click(btn);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.focus(btn);
    expect(screen.getByRole('tooltip')).toBeTruthy();
    await fireEvent.keyDown(btn, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  // A tip opened by the pointer must close without moving it (WCAG 1.4.13): Escape did
  // nothing unless the i button itself had the focus.
  it('a tip opened on hover or tap closes with Escape wherever the focus is', async () => {
    render(Explain, { text: 'Satisfaction explained', label: 'About satisfaction' });
    const btn = screen.getByRole('button', { name: 'About satisfaction' });
    await fireEvent.mouseEnter(btn.parentElement!);
    expect(screen.getByRole('tooltip')).toBeTruthy();
    await fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.click(btn);
    btn.blur();
    await fireEvent.mouseEnter(btn.parentElement!);
    await fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    await fireEvent.mouseLeave(btn.parentElement!);
    await fireEvent.mouseEnter(btn.parentElement!);
    expect(screen.getByRole('tooltip')).toBeTruthy();
  });

  it('every number of the mindset panel has one', () => {
    const s = new SessionState();
    s.reset({ lookup: () => undefined, timeBudgetSec: 600, interests: { fishing: 0.9 } });
    render(MindsetPanel, { session: s, initialInterests: { fishing: 0.9 } });
    const labels = screen.getAllByTestId('explain').map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual(['About satisfaction', 'About time left', 'About the interest colours', 'About watch time', 'About actions per turn']);
    expect(EXPLAIN.satisfaction).toMatch(/raise/);
  });
});

describe('the content-based lesson', () => {
  it('is said on a single-topic content-based list while a strong interest is missing', () => {
    const interests = { fishing: 0.97, ufc: 0.9, boating: 0.6 };
    expect(narrowListNote('content, following instructions', 1, ['fishing', 'fishing', 'fishing'], interests)).toContain('her interest in ufc never comes back');
    expect(narrowListNote('content', 0, ['fishing', 'fishing'], interests)).toBeNull();
    expect(narrowListNote('popular', 2, ['fishing', 'fishing'], interests)).toBeNull();
    expect(narrowListNote('content', 2, ['fishing', 'ufc'], interests)).toBeNull();
  });
});
