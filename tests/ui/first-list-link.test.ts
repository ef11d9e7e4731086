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
  });
});
