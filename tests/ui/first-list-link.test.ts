/**
 * A link whose hand-picked first list names an item twice (`first=a,a,b`): the item is kept
 * once. It used to reach the picker, which keys its rows by id and threw
 * (each_key_duplicate), and the first list showed the item twice.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings } from '../../src/ui/state/url-settings';
import { item } from './fixtures';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('first list from a link', () => {
  it('keeps a repeated id once, in first-seen order', () => {
    expect(decodeSettings('?first=f1,u1,f1,f1').firstList).toEqual(['f1', 'u1']);
  });

  it('the picker opens on such a link and lists each item once', async () => {
    history.replaceState(null, '', '/?first=f1,f1,u1');
    const settings = new SettingsState();
    const items = [item('f1', { title: 'Lobster season opener' }), item('u1', { title: 'UFC Fight Night', topic: 'ufc' })];
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    expect(screen.getByTestId('first-list-summary').textContent).toBe('hand-picked, 2 items');
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    expect(screen.getByTestId('first-list-chosen').querySelectorAll('li')).toHaveLength(2);
    // Each row's buttons name their item (a screen reader heard "Move up" twice).
    expect(screen.getByRole('button', { name: 'Move UFC Fight Night up' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove Lobster season opener' })).toBeTruthy();
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'lobster' } });
    expect(screen.queryByRole('button', { name: 'Add Lobster season opener' })).toBeNull();
  });

  it('search results name the item each add button adds', async () => {
    const settings = new SettingsState('');
    const items = [item('f1', { title: 'Lobster season opener' }), item('f2', { title: 'Lobster rolls' })];
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'lobster' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Lobster rolls' }));
    expect(settings.value.firstList).toEqual(['f2']);
  });
});
