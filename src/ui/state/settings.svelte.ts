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

  /** Change some settings (and the URL). */
  set(patch: Partial<Settings>): void {
    Object.assign(this.value, patch);
    this.writeUrl();
  }

  /** The link that reproduces the current run. */
  shareUrl(): string {
    if (typeof location === 'undefined') return '?' + encodeSettings(this.value);
    const q = encodeSettings($state.snapshot(this.value) as Settings);
    return location.origin + location.pathname + (q ? '?' + q : '');
  }

  /** Write the settings into the address bar without adding a history entry. */
  writeUrl(): void {
    if (typeof history === 'undefined') return;
    const q = encodeSettings($state.snapshot(this.value) as Settings);
    history.replaceState(null, '', location.pathname + (q ? '?' + q : '') + location.hash);
  }
}
