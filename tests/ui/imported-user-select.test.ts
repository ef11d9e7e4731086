/**
 * The User menu lists the first 500 imported users (a MovieLens release has thousands). A
 * link or a pick of a later one (user 600 of ml-latest-small's 671) ran that user while the
 * menu showed none of them selected (a blank box, or the first user, read as the one running).
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import type { UserProfile } from '../../src/core/types';
import SettingsPanel from '../../src/ui/settings/SettingsPanel.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('User menu with many imported users', () => {
  it('shows the chosen user even past the first 500', async () => {
    const personas = await loadBuiltinPersonas();
    const users: UserProfile[] = Array.from({ length: 671 }, (_, i) => ({ ...personas[0], id: `ml-u${i + 1}`, name: `MovieLens user ${i + 1}`, source: 'movielens' }));
    const data = new DataStore();
    data.personas = personas;
    data.importedUsers = users;
    const settings = new SettingsState('?user=ml-u600');
    render(SettingsPanel, { settings, data, onllmsimulator: () => {} });
    const select = screen.getByTestId('setting-user') as HTMLSelectElement;
    expect(select.value).toBe('ml-u600');
    expect(select.selectedOptions[0]?.textContent).toBe('MovieLens user 600');
    // One option each: the chosen one is not listed twice when it is among the first 500.
    expect(select.querySelectorAll('option[value="ml-u600"]')).toHaveLength(1);
    settings.set({ user: 'ml-u3' });
    await Promise.resolve();
    expect(select.value).toBe('ml-u3');
    expect(select.querySelectorAll('option[value="ml-u3"]')).toHaveLength(1);
  });
});
