/**
 * A hand-picked first list holds only ids a link can carry. An imported JSON catalog may name
 * an item "clip 1" or "a,b": the picker took it, then Run failed ("firstList.0: has characters
 * that are not allowed") and a share link or reload dropped the whole list (or split "a,b" in
 * two). Such an item is now offered with its add button off and the reason beside it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, encodeSettings } from '../../src/ui/state/url-settings';
import { item } from './fixtures';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('first-list picker: ids a link cannot carry', () => {
  it('offers them with the add button off and says why; the others still add, run and round-trip', async () => {
    const settings = new SettingsState();
    const items = [item('clip 1', { title: 'Lobster clip one' }), item('a,b', { title: 'Lobster clip two' }), item('clip-3', { title: 'Lobster clip three' })];
    render(FirstListPicker, { settings, data: { catalog: { id: 'mine', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'lobster' } });
    const adds = screen.getAllByTestId('first-list-add') as HTMLButtonElement[];
    expect(adds.map((b) => b.disabled)).toEqual([true, true, false]);
    expect(screen.getAllByTestId('first-list-id-refused')[0].textContent).toMatch(/its id .*cannot go in a link/);
    await fireEvent.click(adds[2]);
    expect(settings.value.firstList).toEqual(['clip-3']);
    expect(() => describeRun(settings.value)).not.toThrow();
    expect(decodeSettings(encodeSettings(settings.value)).firstList).toEqual(['clip-3']);
  });
});
