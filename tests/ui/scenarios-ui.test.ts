/** Scenarios in the app: a link opens one, the note says what to watch for, a change is flagged; the first-list picker edits the setting. */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioById, TABLE2_FIRST_LIST } from '../../src/core/scenarios';
import { scenarioMatches, scenarioPatch } from '../../src/ui/scenarios/apply-scenario';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import ScenarioNote from '../../src/ui/scenarios/ScenarioNote.svelte';
import ScenarioPicker from '../../src/ui/scenarios/ScenarioPicker.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, encodeSettings } from '../../src/ui/state/url-settings';
import { item } from './fixtures';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('scenario presets in the app', () => {
  it('a scenario becomes settings that survive a share link, and matches until a setting changes', () => {
    const s = scenarioById('table2')!;
    const settings = { ...decodeSettings(''), ...scenarioPatch(s) };
    expect(settings.firstList).toEqual([...TABLE2_FIRST_LIST]);
    expect(settings.scenario).toBe('table2');
    const link = encodeSettings(settings);
    expect(link).toContain('scenario=table2');
    const back = decodeSettings(link);
    expect(back.firstList).toEqual([...TABLE2_FIRST_LIST]);
    expect(scenarioMatches(s, back)).toBe(true);
    expect(scenarioMatches(s, { ...back, seed: 99 })).toBe(false);
    expect(scenarioMatches(s, { ...back, firstList: [] })).toBe(false);
    const pva = scenarioPatch(scenarioById('plain-vs-agentic')!);
    expect([pva.view, pva.follow, pva.follow2]).toEqual(['compare', true, false]);
  });

  it('the picker opens a scenario; the note shows its watch-for list and flags a change', async () => {
    const settings = new SettingsState();
    render(ScenarioPicker, { settings });
    render(ScenarioNote, { settings });
    expect(screen.queryByTestId('scenario-note')).toBeNull();
    await fireEvent.change(screen.getByTestId('setting-scenario'), { target: { value: 'traditional' } });
    expect(settings.value.follow).toBe(false);
    expect(location.search).toContain('scenario=traditional');
    const note = await screen.findByTestId('scenario-note');
    expect(note.textContent).toContain('ignores the instruction');
    expect(note.querySelectorAll('li')).toHaveLength(scenarioById('traditional')!.watchFor.length);
    expect(screen.queryByTestId('scenario-changed')).toBeNull();
    // Said from a status region there before the change (one added with its words is not read out).
    const region = screen.getByRole('status');
    expect(region.textContent?.trim()).toBe('');
    settings.set({ seed: 1234 });
    expect(await screen.findByTestId('scenario-changed')).toBeTruthy();
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toContain('Some settings were changed');
    await fireEvent.click(screen.getByTestId('scenario-clear'));
    expect(screen.queryByTestId('scenario-note')).toBeNull();
  });

  it('the first-list picker searches the catalog and sets the hand-picked list', async () => {
    const settings = new SettingsState();
    const items = [item('f1', { title: 'Lobster season opener' }), item('u1', { title: 'UFC Fight Night', topic: 'ufc' }), item('h1', { title: 'Braids', topic: 'hairstyling' })];
    const data = { catalog: { id: 'x', items } } as never;
    render(FirstListPicker, { settings, data });
    expect(screen.getByTestId('first-list-summary').textContent).toBe("the recommender's");
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'ufc' } });
    const adds = screen.getAllByTestId('first-list-add');
    expect(adds).toHaveLength(1);
    await fireEvent.click(adds[0]);
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'lobster' } });
    await fireEvent.click(screen.getAllByTestId('first-list-add')[0]);
    expect(settings.value.firstList).toEqual(['u1', 'f1']);
    expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items');
    expect(screen.getByTestId('first-list-chosen').textContent).toContain('UFC Fight Night');
  });
});
