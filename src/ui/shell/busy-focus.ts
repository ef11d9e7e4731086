/**
 * Keyboard focus across long work started from a button that is disabled (or removed) while
 * the work runs. Focus on a disabled button falls to <body>, so a keyboard user's next Tab
 * started again at the top of the page, and pressing Enter again did nothing. Focus moves
 * to the work's Cancel (or Pause) while it runs and back to the starting button when it
 * ends, and only when it was on the button: focus the user put elsewhere stays there.
 */
import { tick } from 'svelte';

type El = HTMLElement | null | undefined;

/**
 * The document focus lives in: the element's own, else the global one. Read when asked, not
 * at load: the hand-back runs after the work, when the page (or a test's DOM) may be gone;
 * then there is no focus to move, which is not an error.
 */
function docOf(el: El): Document | undefined {
  return el?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);
}

/** Whether focus has nowhere useful to be: on <body>, on nothing, or on `lost` (a button now disabled or gone). */
function stranded(lost: El, doc: Document | undefined = docOf(lost)): boolean {
  if (!doc) return false;
  const a = doc.activeElement;
  return !a || a === doc.body || (!!lost && a === lost) || !a.isConnected;
}

/** Move focus from `from` to `to()` once the DOM has updated, when it was on `from` (or stranded). */
export async function handFocus(from: El, to: () => El): Promise<void> {
  if (!stranded(from)) return;
  await tick();
  const t = to();
  if (t && !(t as HTMLButtonElement).disabled) t.focus();
}

/**
 * Run `work` begun from the `start` button: focus goes to `during()` (Cancel) while it runs
 * when it was on `start`, and back to `start` when it ends when it is still on Cancel or stranded.
 */
export async function followWork(start: El, during: () => El, work: Promise<unknown>): Promise<void> {
  const wasOnStart = stranded(start);
  if (wasOnStart) void handFocus(start, during);
  try {
    await work;
  } finally {
    await tick();
    // Cancel is usually gone by now, so the document is the start button's.
    if (wasOnStart && start && stranded(during(), docOf(start))) start.focus();
  }
}
