/**
 * The persona editor's age field as a careless user types it. Emptying it used to make the
 * persona 0 years old; 500 or 2.5 were run as typed, while the link (which accepts whole
 * ages 0..120) dropped them, so a shared link reproduced a different run. Now: empty means
 * the persona's own age, the rest is clamped to a whole age in 0..120, and the field shows
 * the age the run uses.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import PersonaEditor from '../../src/ui/settings/PersonaEditor.svelte';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, encodeSettings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('persona editor: age', () => {
  it('empty keeps the persona age; out of range and fractions are clamped; the link keeps what the run uses', async () => {
    const base = (await loadBuiltinPersonas())[0];
    const settings = new SettingsState();
    render(PersonaEditor, { settings, base, topics: [] });
    const age = screen.getByLabelText('age') as HTMLInputElement;
    const type = async (v: string) => {
      age.value = v;
      await fireEvent.change(age);
    };
    await type('30');
    expect(settings.value.edits).toEqual({ age: 30 });
    await type('');
    expect(settings.value.edits).toBeNull();
    expect(age.value).toBe(String(base.age));
    for (const [typed, want] of [['500', 120], ['-4', 0], ['41.7', 41]] as const) {
      await type(typed);
      expect(settings.value.edits?.age, typed).toBe(want);
      expect(age.value, typed).toBe(String(want));
      // A link of these settings carries the same age (it accepts whole ages 0..120 only).
      expect(decodeSettings(encodeSettings(settings.value)).edits?.age, typed).toBe(want);
    }
  });
});
