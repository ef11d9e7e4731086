/**
 * An imported JSON catalog names its own id ("My Feed"), which the run takes, but a link's
 * catalog= took only ids of the user-id form: a share link or reload of a run on "My Feed"
 * opened the built-in catalog without a word (the "imported, not built in" note never showed).
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CatalogSource from '../../src/ui/settings/CatalogSource.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, defaultSettings, encodeSettings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('a link to an imported catalog whose id is not a slug', () => {
  it('carries the id, and the panel says the catalog is not loaded here', async () => {
    const link = encodeSettings({ ...defaultSettings(), catalog: 'My Feed (2024)' });
    expect(decodeSettings(link).catalog).toBe('My Feed (2024)');
    expect(describeRun(decodeSettings(link)).catalog).toBe('My Feed (2024)');
    render(CatalogSource, { settings: new SettingsState(link), data: new DataStore() });
    expect(screen.getByRole('status').textContent).toContain('This link names the catalog “My Feed (2024)”');
  });

  it("shows a link's hidden bidirectional control in the menu, not obeyed", () => {
    render(CatalogSource, { settings: new SettingsState('catalog=feed%E2%80%AEtxt'), data: new DataStore() });
    const option = (screen.getByTestId('setting-catalog') as HTMLSelectElement).selectedOptions[0];
    expect(option.textContent).toBe('feed[U+202E]txt (not loaded)');
  });

  it('still refuses what no run takes (markup, control characters)', () => {
    for (const bad of ['%3Cb%3E', 'a%00b', 'x'.repeat(1025)]) expect(decodeSettings(`catalog=${bad}`).catalog, bad).toBe('shortvideo');
  });
});
