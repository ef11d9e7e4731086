/**
 * Untrusted text in the settings panel: a MovieLens user's bio quotes the dataset's own tags
 * ("Tags movies with ..."), and the persona editor lists an imported catalog's topic ids.
 * Both were shown raw, so a U+202E in a tag or a topic id reversed the rest of the line, as
 * it did elsewhere before the views used UntrustedText.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import PersonaEditor from '../../src/ui/settings/PersonaEditor.svelte';
import SettingsPanel from '../../src/ui/settings/SettingsPanel.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

describe('bidirectional controls in the settings panel', () => {
  it("an imported user's bio is isolated, its controls shown", async () => {
    const personas = await loadBuiltinPersonas();
    const data = new DataStore();
    data.personas = personas;
    data.importedUsers = [{ ...personas[0], id: 'ml-u1', name: 'User 1', source: 'movielens', bio: 'Rated 3 movies in 2015. Tags movies with \u202Etrahs, noir.' }];
    const settings = new SettingsState('?user=ml-u1');
    render(SettingsPanel, { settings, data, onllmsimulator: () => {} });
    const bio = screen.getByText(/Rated 3 movies/);
    expect(CONTROLS.test(bio.textContent ?? '')).toBe(false);
    expect(bio.querySelector('[data-testid="bidi-mark"]')?.textContent).toBe('U+202E');
  });

  it("the persona editor's imported topic ids are isolated, their controls shown", async () => {
    const base = (await loadBuiltinPersonas())[0];
    const settings = new SettingsState();
    const { container } = render(PersonaEditor, { settings, base, topics: [{ id: '\u202Ehsif', label: 'x', related: [] }] });
    expect(CONTROLS.test(container.textContent ?? '')).toBe(false);
    expect([...container.querySelectorAll('[title]')].some((e) => CONTROLS.test(e.getAttribute('title') ?? ''))).toBe(false);
    expect(container.querySelector('[data-testid="bidi-mark"]')?.textContent).toBe('U+202E');
  });
});
