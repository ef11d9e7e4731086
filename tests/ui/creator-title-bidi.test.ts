/**
 * The Creator lab's Title is a text input, which obeys a hidden bidirectional control (a
 * share link's U+202E reversed the rest of the title in the field). Everywhere else such a
 * control is shown flagged; here the title is shown again under the field, flagged.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import PostForm from '../../src/ui/creator/PostForm.svelte';
import AudienceForm from '../../src/ui/creator/AudienceForm.svelte';
import { CreatorState } from '../../src/ui/creator/creator-state.svelte';

afterEach(() => cleanup());

describe('Creator lab title with a hidden direction control', () => {
  it('shows the title again with the control flagged, tied to the field', async () => {
    const c = new CreatorState();
    c.title = 'Best of \u202Eyrrehc';
    render(PostForm, { c, catalog: null });
    const note = screen.getByTestId('creator-title-bidi');
    expect(note.textContent).toContain('Best of U+202Eyrrehc');
    expect(note.querySelector('[data-testid="bidi-mark"]')?.textContent).toBe('U+202E');
    expect(screen.getByTestId('creator-title').getAttribute('aria-describedby')).toBe(note.id);
    // Typing the control away removes the note.
    await fireEvent.input(screen.getByTestId('creator-title'), { target: { value: 'Best of cherry' } });
    expect(screen.queryByTestId('creator-title-bidi')).toBeNull();
    expect(screen.getByTestId('creator-title').hasAttribute('aria-describedby')).toBe(false);
  });

  it('adds nothing to a plain title, Arabic included', () => {
    const c = new CreatorState();
    c.title = 'مرحبا Best of';
    render(PostForm, { c, catalog: null });
    expect(screen.queryByTestId('creator-title-bidi')).toBeNull();
  });

  it("shows strategy B's title again flagged too (a link's U+202E reversed it in its field, unsaid)", async () => {
    const c = new CreatorState();
    c.compare = 'variant';
    c.variantTitle = 'Best of \u202Eyrrehc';
    render(AudienceForm, { c, catalog: null, recommenders: [] });
    const note = screen.getByTestId('creator-variant-title-bidi');
    expect(note.textContent).toContain('Best of U+202Eyrrehc');
    expect(screen.getByTestId('creator-variant-title').getAttribute('aria-describedby')).toBe(note.id);
    await fireEvent.input(screen.getByTestId('creator-variant-title'), { target: { value: 'Best of cherry' } });
    expect(screen.queryByTestId('creator-variant-title-bidi')).toBeNull();
  });
});

