/**
 * The first-list picker by keyboard: "add" took the item out of the results and "remove"
 * out of the list, each with the button that had the focus, so the focus fell to the page's
 * top after every pick (Tab started again from the skip link). It now moves to the next
 * button of the same kind, or to the search box when none is left. Moving an item to the
 * top disabled the focused up button (a browser drops the focus then): it goes to the
 * item's remove button.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FirstListPicker from '../../src/ui/scenarios/FirstListPicker.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { item } from './fixtures';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const items = [item('u1', { title: 'UFC 1', topic: 'ufc' }), item('u2', { title: 'UFC 2', topic: 'ufc' }), item('u3', { title: 'UFC 3', topic: 'ufc' })];

describe('first-list picker focus', () => {
  it('stays on the next add button, then on the search box', async () => {
    const settings = new SettingsState();
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    await fireEvent.input(screen.getByTestId('first-list-search'), { target: { value: 'ufc' } });
    for (let n = 3; n > 0; n--) {
      const adds = screen.getAllByTestId('first-list-add');
      expect(adds).toHaveLength(n);
      adds[0].focus();
      await fireEvent.click(adds[0]);
      if (n > 1) await waitFor(() => expect((document.activeElement as HTMLElement).dataset.testid).toBe('first-list-add'));
      else await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('first-list-search')));
    }
    expect(settings.value.firstList).toEqual(['u1', 'u2', 'u3']);
  });

  it('stays on the next remove button, then on the search box', async () => {
    const settings = new SettingsState('?first=u1,u2');
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    const removes = () => screen.getAllByRole('button', { name: /^Remove/ });
    removes()[0].focus();
    await fireEvent.click(removes()[0]);
    await waitFor(() => expect(document.activeElement).toBe(removes()[0]));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove UFC 2');
    await fireEvent.click(removes()[0]);
    expect(settings.value.firstList).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('first-list-search')));
  });

  it('moving the second item to the top leaves the focus on a button that works', async () => {
    const settings = new SettingsState('?first=u1,u2');
    render(FirstListPicker, { settings, data: { catalog: { id: 'x', items } } as never });
    await fireEvent.click(screen.getByTestId('first-list-edit'));
    const up = screen.getByRole('button', { name: 'Move UFC 2 up' }) as HTMLButtonElement;
    up.focus();
    await fireEvent.click(up);
    expect(settings.value.firstList).toEqual(['u2', 'u1']);
    // Its own up button is disabled at the top (a browser drops the focus from it): the focus is on its remove.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove UFC 2'));
  });
});
