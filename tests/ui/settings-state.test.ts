import { afterEach, describe, expect, it } from 'vitest';
import { SettingsState } from '../../src/ui/state/settings.svelte';

describe('settings state and the address bar', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('reads the URL, writes changes back and adds a history entry only for view changes', () => {
    history.replaceState(null, '', '/?seed=9&rec=popular');
    const s = new SettingsState();
    expect(s.value.seed).toBe(9);
    expect(s.value.rec).toBe('popular');
    const len = history.length;
    s.set({ seed: 10 });
    expect(new URLSearchParams(location.search).get('seed')).toBe('10');
    expect(history.length).toBe(len);
    s.set({ view: 'compare' });
    expect(new URLSearchParams(location.search).get('view')).toBe('compare');
    expect(history.length).toBe(len + 1);
    expect(s.shareUrl()).toBe(location.origin + location.pathname + location.search);
  });

  it('reloads from the URL (Back/Forward) and ignores hostile values', () => {
    const s = new SettingsState('');
    history.replaceState(null, '', '/?seed=5&loc=%3Cscript%3Ealert(1)%3C%2Fscript%3E&k=999');
    s.reloadFromUrl();
    expect(s.value.seed).toBe(5);
    expect(s.value.location).toBe('<script>alert(1)</script>');
    expect(s.value.listSize).toBe(5);
  });
});
