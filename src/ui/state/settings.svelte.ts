/**
 * The settings of the app as runes state, read from and written to the URL through the
 * declarative table in url-settings.ts (replaceState: no history spam while sliding).
 */
import { decodeSettings, encodeSettings, type Settings } from './url-settings';

/** Reactive settings mirrored in location.search. */
export class SettingsState {
  value = $state<Settings>(decodeSettings(''));

  constructor(query = typeof location !== 'undefined' ? location.search : '') {
    this.value = decodeSettings(query);
  }

  /** Change some settings (and the URL). Switching views adds a history entry (Back works). */
  set(patch: Partial<Settings>): void {
    const newView = patch.view !== undefined && patch.view !== this.value.view;
    Object.assign(this.value, patch);
    this.writeUrl(newView);
  }

  /** Re-read the settings from the address bar (Back/Forward). */
  reloadFromUrl(): void {
    if (typeof location !== 'undefined') this.value = decodeSettings(location.search);
  }

  /** The link that reproduces the current run. */
  shareUrl(): string {
    if (typeof location === 'undefined') return '?' + encodeSettings(this.value);
    const q = encodeSettings($state.snapshot(this.value) as Settings);
    return location.origin + location.pathname + (q ? '?' + q : '');
  }

  /** Write the settings into the address bar without adding a history entry. */
  writeUrl(push = false): void {
    if (typeof history === 'undefined') return;
    const q = encodeSettings($state.snapshot(this.value) as Settings);
    const url = location.pathname + (q ? '?' + q : '') + location.hash;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
}
