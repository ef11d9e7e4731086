/**
 * Light/dark theme: follows prefers-color-scheme until the person picks one, then
 * remembers the choice in localStorage.
 */
export type Theme = 'light' | 'dark';

const KEY = 'recoworld-theme';

/** The theme to start with. */
export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be unavailable (private mode); fall through to the system setting.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Apply (and remember) a theme. */
export function applyTheme(theme: Theme, remember = false): void {
  document.documentElement.dataset.theme = theme;
  if (remember) {
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not remembering is fine.
    }
  }
}
