/**
 * Settings buttons that take themselves away: "Undo all edits" (gone once nothing is edited),
 * "dismiss" under a failed import, and the first-list picker's "Clear" each dropped the focus
 * to the page's top for a keyboard user. The focus now goes to the field next to them: the
 * persona editor's first field, the catalog menu, the picker's search box. The scenario
 * note's "close scenario" (the note goes away) hands it to the live view's main button.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import CatalogSource from '../../src/ui/settings/CatalogSource.svelte';
import PersonaEditor from '../../src/ui/settings/PersonaEditor.svelte';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { item } from './fixtures';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('settings buttons that go away keep the focus nearby', () => {
  it('Undo all edits: to the age field', async () => {
    const base = (await loadBuiltinPersonas())[0];
    const settings = new SettingsState('?edits=' + encodeURIComponent('{"age":30}'));
    render(PersonaEditor, { settings, base, topics: [] });
    const undo = screen.getByText('Undo all edits');
    undo.focus();
    await fireEvent.click(undo);
    expect(settings.value.edits).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('age')));
  });

  it("a failed import's dismiss: to the catalog menu", async () => {
    const data = new DataStore();
    data.importProblem = { message: 'bad', file: 'x.json', line: 2 };
    render(CatalogSource, { settings: new SettingsState(''), data });
    const dismiss = screen.getByText('dismiss');
    dismiss.focus();
    await fireEvent.click(dismiss);
    expect(screen.queryByTestId('catalog-import-error')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('setting-catalog')));
  });

  it("the first-list picker's Clear: to the search box", async () => {
    const settings = new SettingsState('?first=u1');
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items: [item('u1', { title: 'UFC 1' })] } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    const clear = screen.getByText(/^Clear/);
    clear.focus();
    await fireEvent.click(clear);
    expect(settings.value.firstList).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('first-list-search')));
  });
});

describe('closing a scenario', () => {
  it("hands the focus to the live view's main button (the note and its button went away)", async () => {
    const { default: ScenarioNote } = await import('../../src/ui/scenarios/ScenarioNote.svelte');
    const controls = document.body.appendChild(document.createElement('div'));
    controls.className = 'controls';
    controls.innerHTML = '<button type="button" class="primary">Run</button>';
    const settings = new SettingsState('?scenario=table2');
    render(ScenarioNote, { settings });
    const close = screen.getByTestId('scenario-clear');
    close.focus();
    await fireEvent.click(close);
    expect(screen.queryByTestId('scenario-note')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(controls.querySelector('button')));
    controls.remove();
  });
});
