/**
 * The persona editor on an imported JSON catalog whose topic ids are not plain slugs
 * ("music videos", "música", "Cooking&Food": a JSON catalog takes any topic id). Moving such
 * a topic's slider showed the new weight, but the run and the link dropped the edit (only
 * ids like "music-videos" were kept), so the session ran the persona unedited without a word.
 * Also, a link's trait names that are not traits ("toString", "constructor") were written
 * onto the user's traits, because the check looked up inherited properties too.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import { applyEdits, parseEdits } from '../../src/core/run/persona-edits';
import PersonaEditor from '../../src/ui/settings/PersonaEditor.svelte';
import { describeRun } from '../../src/ui/state/describe-run';
import { SettingsState } from '../../src/ui/state/settings.svelte';
import { decodeSettings, encodeSettings } from '../../src/ui/state/url-settings';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('persona edits of imported topics', () => {
  for (const topic of ['music videos', 'música', 'Cooking&Food', '(no genres listed)']) {
    it(`an edit of the topic ${JSON.stringify(topic)} reaches the run and the link`, async () => {
      const base = (await loadBuiltinPersonas())[0];
      const settings = new SettingsState();
      render(PersonaEditor, { settings, base, topics: [{ id: topic, label: topic, related: [] }] });
      const slider = screen.getByTitle(topic).closest('label')!.querySelector('input[type="range"]') as HTMLInputElement;
      slider.value = '0.9';
      await fireEvent.change(slider);
      expect(settings.value.edits?.interests?.[topic]).toBe(0.9);
      const d = describeRun(settings.value);
      expect(d.users.kind === 'user' && d.users.edits?.interests?.[topic]).toBe(0.9);
      expect(decodeSettings(encodeSettings(settings.value)).edits?.interests?.[topic]).toBe(0.9);
    });
  }

  it('a link cannot write names that are not traits, nor prototype keys, onto the user', async () => {
    const base = (await loadBuiltinPersonas())[0];
    const edits = parseEdits('{"traits":{"toString":0.5,"constructor":0.5,"curiosity":0.9},"interests":{"__proto__":0.5,"sport":0.4}}');
    const u = applyEdits(base, edits);
    expect(u.traits.curiosity).toBe(0.9);
    expect(Object.keys(u.traits).sort()).toEqual(Object.keys(base.traits).sort());
    expect(typeof u.traits.toString).toBe('function');
    expect(Object.getPrototypeOf(u.interests)).toBe(Object.prototype);
    expect(Object.hasOwn(u.interests, '__proto__')).toBe(false);
    expect(u.interests.sport).toBe(0.4);
  });
});
