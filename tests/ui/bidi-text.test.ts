/**
 * Bidirectional-text spoofing: a U+202E RIGHT-TO-LEFT OVERRIDE typed into an instruction
 * (or written by an LLM, or in an imported title) was obeyed though the text was rendered
 * as text: it reversed the rest of its bubble. Untrusted text is now isolated (dir="auto")
 * and its controls are shown as code points, not applied; Arabic and Hebrew (with their
 * marks) are left exactly as written.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Bubble from '../../src/ui/live/Bubble.svelte';
import ItemCard from '../../src/ui/live/ItemCard.svelte';
import HistoryRow from '../../src/ui/history/HistoryRow.svelte';
import UntrustedText from '../../src/ui/shell/UntrustedText.svelte';
import { bidiSegments, hasBidiControl, isolateBidi, revealBidi } from '../../src/core/bidi';
import { sessionMoments } from '../../src/ui/tour/narration';
import { SessionState } from '../../src/ui/state/session.svelte';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decision, item } from './fixtures';

afterEach(() => cleanup());

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const ARABIC = 'أريد المزيد من فيديوهات الصيد';
const HEBREW_WITH_MARK = 'פחות חדשות\u200F, יותר דיג';

describe('bidi controls helper', () => {
  it('splits out every embedding, override and isolate, and nothing else', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasBidiControl(`a${c}b`)).toBe(true);
    }
    expect(bidiSegments('less news\u202E swen erom')).toEqual([
      { text: 'less news' },
      { control: '\u202E', code: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' },
      { text: ' swen erom' },
    ]);
    expect(bidiSegments('\u2067\u2069')).toEqual([
      { control: '\u2067', code: 'U+2067', name: 'RIGHT-TO-LEFT ISOLATE' },
      { control: '\u2069', code: 'U+2069', name: 'POP DIRECTIONAL ISOLATE' },
    ]);
    // Right-to-left writing and its marks (U+200F, U+200E, U+061C) are not controls to flag.
    for (const t of [ARABIC, HEBREW_WITH_MARK, 'abc\u200Edef', 'x\u061Cy']) expect(bidiSegments(t)).toEqual([{ text: t }]);
    expect(revealBidi('Delete \u202Efdp.exe')).toBe('Delete [U+202E]fdp.exe');
    expect(revealBidi(ARABIC)).toBe(ARABIC);
  });
});

describe('untrusted text', () => {
  it('is isolated, shows a control as its code point and keeps right-to-left text as written', () => {
    const { container } = render(UntrustedText, { text: 'more \u202Eswen\u202C please', testid: 't' });
    const el = screen.getByTestId('t');
    expect(el.tagName).toBe('BDI');
    expect(el.getAttribute('dir')).toBe('auto');
    expect(el.textContent).toBe('more U+202Eswen\u202C please'.replace('\u202C', 'U+202C'));
    const marks = screen.getAllByTestId('bidi-mark');
    expect(marks.map((m) => m.getAttribute('title'))).toEqual([
      'Hidden bidirectional character U+202E RIGHT-TO-LEFT OVERRIDE: shown here, not applied',
      'Hidden bidirectional character U+202C POP DIRECTIONAL FORMATTING: shown here, not applied',
    ]);
    expect(CONTROLS.test(container.textContent ?? '')).toBe(false);
    cleanup();
    render(UntrustedText, { text: HEBREW_WITH_MARK, testid: 'h' });
    expect(screen.getByTestId('h').textContent).toBe(HEBREW_WITH_MARK);
    expect(screen.queryByTestId('bidi-mark')).toBeNull();
  });

  it('an instruction bubble with a right-to-left override cannot reverse its text; Arabic reads as written', () => {
    render(Bubble, { from: 'user', text: 'less news\u202E more fishing', testid: 'instruction-bubble' });
    const bubble = screen.getByTestId('instruction-bubble');
    expect(CONTROLS.test(bubble.textContent ?? '')).toBe(false);
    expect(bubble.textContent).toContain('less newsU+202E more fishing');
    // A paragraph of its own direction: it cannot reorder the bubble's other lines (the plan).
    const said = bubble.querySelector('p[dir="auto"]');
    expect(said?.textContent).toBe('less newsU+202E more fishing');
    cleanup();
    render(Bubble, { from: 'user', text: ARABIC, testid: 'instruction-bubble' });
    expect(screen.getByTestId('instruction-bubble').querySelector('p[dir="auto"]')?.textContent).toBe(ARABIC);
    expect(screen.queryByTestId('bidi-mark')).toBeNull();
  });

  it('an item card isolates the imported title, creator, LLM reason, comment and mindset note', () => {
    const d = { ...decision('a', 0, ['watch', 'comment'], 20, { satisfaction: 0.6, timeLeftSec: 400 }), thought: 'great\u202E tsap', comment: 'wow\u2067 x', mindsetText: 'calm\u202D ok' };
    render(ItemCard, { item: item('a', { title: 'Lobster\u202E gnihsif', creator: 'sea\u202Bfolk' }), decision: d, state: 'done' });
    const card = screen.getByTestId('item-card');
    expect(CONTROLS.test(card.textContent ?? '')).toBe(false);
    expect(screen.getAllByTestId('bidi-mark').map((m) => m.textContent)).toEqual(['U+202E', 'U+202B', 'U+202E', 'U+2067', 'U+202D']);
    // The quotes around the reason stay outside its isolate: the reason cannot swap them.
    const reason = screen.getByTestId('reasoning');
    expect(reason.textContent?.trim()).toBe('“greatU+202E tsap”');
    expect(reason.querySelector('bdi[dir="auto"]')?.textContent).toBe('greatU+202E tsap');
    expect(card.querySelector('.title bdi[dir="auto"]')?.textContent).toBe('LobsterU+202E gnihsif');
  });

  it('a History row isolates the stored title and reveals the control in its buttons\' names', () => {
    const row = {
      id: 's1', title: 'Mia \u202Etxt.exe', status: 'complete', startedAt: 0, updatedAt: 0, recommender: 'popular', simulator: 'rule', seed: 1,
      catalogId: 'builtin', summary: { turns: 1, items: 2, watchSec: 30, instructions: 0 },
    } as unknown as import('../../src/storage/db').SessionRecord;
    render(HistoryRow, { row, onopen: () => {}, onexport: () => {}, ondelete: () => {} });
    const li = screen.getByTestId('history-row');
    expect(CONTROLS.test(li.textContent ?? '')).toBe(false);
    expect(screen.getByTestId('history-open').querySelector('bdi[dir="auto"]')?.textContent).toBe('Mia U+202Etxt.exe');
    expect(screen.getByTestId('history-delete').getAttribute('aria-label')).toBe('Delete session Mia [U+202E]txt.exe');
  });
});

describe('untrusted text inside a plain-string sentence', () => {
  it('narration quotes an instruction isolated, its override shown: the rest of the sentence keeps its order', () => {
    const s = new SessionState();
    s.reset({ lookup: (id) => item(id, { title: `T ${id}`, topic: 'ufc' }), timeBudgetSec: 600, interests: {} });
    s.apply({ type: 'list', turn: 0, slate: { itemIds: ['a'] } });
    s.apply({ type: 'decision', turn: 0, decision: decision('a', 0, ['skip', 'leave'], 0, { satisfaction: 0.2, timeLeftSec: 555 }) });
    s.apply({ type: 'leave', turn: 0, position: 0 });
    s.apply({ type: 'instruction', turn: 0, text: 'more\u202E boating' });
    const said = sessionMoments(s.turns).find((m) => m.kind === 'instruction')!.text;
    expect(said).toContain('what she wants: “\u2068more[U+202E] boating\u2069”. A traditional');
    // Only the isolate the sentence itself opens and closes.
    expect([...said].filter((c) => CONTROLS.test(c))).toEqual(['\u2068', '\u2069']);
    expect(isolateBidi('a\u2069b')).toBe('\u2068a[U+2069]b\u2069');
  });
});

describe('the first-list picker', () => {
  it('isolates an imported title in the results and the chosen list, and names it with the control shown', async () => {
    const settings = new SettingsState('');
    const items = [item('f1', { title: 'Lobster\u202E rolls', topic: 'fishing' })];
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'lobster' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Lobster[U+202E] rolls' }));
    const editor = document.getElementById('first-list-editor')!;
    expect(CONTROLS.test(editor.textContent ?? '')).toBe(false);
    expect(screen.getByTestId('first-list-chosen').querySelector('bdi[dir="auto"]')?.textContent).toBe('LobsterU+202E rolls');
    expect(screen.getByRole('button', { name: 'Remove Lobster[U+202E] rolls' })).toBeTruthy();
  });
});
