/**
 * Keyboard shortcuts of the live view, as a pure mapping from a key event to a command
 * (so they are testable without a page): Space run/pause, N or → step, R restart, ? help.
 */
export type ShortcutCommand = 'toggle' | 'step' | 'restart' | 'help';

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyLike {
  key: string;
  metaKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element (INPUT, TEXTAREA, SELECT, BUTTON...). */
  targetTag?: string;
  targetEditable?: boolean;
  /** True when the focused element is a transport button (run, pause, step, restart). */
  targetTransport?: boolean;
  /** True when the focused element scrolls sideways (the long session timeline): → scrolls it. */
  targetScrollsSideways?: boolean;
}

/** The command for a key press, or null (typing in a field never triggers one). */
export function shortcutFor(e: KeyLike): ShortcutCommand | null {
  if (e.metaKey || e.ctrlKey || e.altKey) return null;
  const tag = (e.targetTag ?? '').toUpperCase();
  if (e.targetEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  switch (e.key) {
    case '?':
      return 'help';
    case ' ':
    case 'Spacebar':
      // Space on a focused button presses that button, except on the transport buttons:
      // after clicking Run, Space must pause rather than press Run again. On a summary it
      // opens the disclosure ("parameters", "Prompt templates"; it started a session).
      return (tag === 'BUTTON' && !e.targetTransport) || tag === 'SUMMARY' ? null : 'toggle';
    case 'ArrowRight':
      // A focused region that scrolls sideways is scrolled with the arrow keys (N still steps).
      return e.targetScrollsSideways ? null : 'step';
    case 'n':
    case 'N':
      return 'step';
    case 'r':
    case 'R':
      return 'restart';
    default:
      return null;
  }
}
