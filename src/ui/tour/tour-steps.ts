/**
 * The guided tour: a few steps over the real live view, each pointing at an element by
 * selector. Done or skipped once, it is remembered in localStorage and not offered again.
 */

/** One step: what to point at and what to say. */
export interface TourStep {
  /** CSS selector of the element to point at (the step is skipped when absent). */
  target: string;
  title: string;
  text: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  { target: '#setting-scenario', title: 'Scenarios', text: "Start from one of the paper's situations: Table 2, a traditional recommender, a new user… Each comes with a note of what to watch for." },
  { target: '#transport', title: 'Run, pause, step', text: 'Run plays a session; Pause holds it; Step lets one item through at a time, so you can talk about each decision.' },
  { target: '[data-testid="feed"]', title: 'The session', text: 'Each card is an item the recommender showed. The simulated user thinks (the quote), acts (the badges) and updates her mindset. When she is about to leave, she may say what she wants instead.' },
  { target: '[data-testid="mindset-panel"]', title: 'Her state of mind', text: 'Satisfaction, time left and interests move with every item. Tap or hover over an i to see what a number means.' },
  { target: '[data-testid="narrate"]', title: 'Narration', text: 'Switch on narrate and the session pauses at the key moments (first skip, fatigue, the leave point, the instruction, the reply) with one sentence each.' },
  { target: '[data-testid="nav-compare"], [data-testid="nav-menu"]', title: 'Plain against agentic', text: 'Compare runs the same user twice: one recommender follows instructions, the other does not. "Many seeds" repeats it with intervals.' },
];

/** localStorage key of the "tour seen" flag. */
export const TOUR_KEY = 'recoworld-tour-done';

/** Whether the tour was finished or skipped before (false where storage is unavailable). */
export function tourSeen(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(TOUR_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remember that the tour was finished or skipped. */
export function markTourSeen(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(TOUR_KEY, '1');
  } catch {
    // Private mode or storage disabled: the tour is offered again next time, nothing else breaks.
  }
}
