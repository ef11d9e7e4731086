/**
 * Narration: the key moments of a session (first skip, fatigue, the leave point, the
 * instruction, the reply), each with one sentence for a class. Computed from the session
 * state as it grows, so the live view can pause the first time each appears.
 */
import type { TurnView } from '../state/session.svelte';
import { isolateBidi } from '../../core/bidi';

/** One narrated moment. */
export interface Moment {
  /** Stable key (a moment pauses once). */
  key: string;
  kind: 'skip' | 'fatigue' | 'leave' | 'instruction' | 'reply';
  text: string;
}

const FATIGUE = new Set(['fatigue', 'over_engagement', 'bored']);

/** The moments visible in these turns, in the order they happened (at most one of each kind). */
export function sessionMoments(turns: readonly TurnView[]): Moment[] {
  const out: Moment[] = [];
  const seen = new Set<Moment['kind']>();
  const add = (m: Moment) => {
    if (seen.has(m.kind)) return;
    seen.add(m.kind);
    out.push(m);
  };
  for (const t of turns) {
    t.decisions.forEach((d, i) => {
      if (!d) return;
      const item = t.items[i];
      // Untrusted (an imported title, a typed or LLM-written instruction): isolated in the sentence.
      const title = isolateBidi(item?.title ?? d.itemId);
      if (d.actions.includes('skip') && !d.actions.includes('watch')) {
        add({ key: `skip-${t.index}-${i}`, kind: 'skip', text: `First skip: “${title}” does not match her interests, so she swipes past it. A skip is a signal the recommender can learn from.` });
      }
      if (d.reasons.some((r) => FATIGUE.has(r))) {
        add({ key: `fatigue-${t.index}-${i}`, kind: 'fatigue', text: `Fatigue: she still likes ${item?.topic ? isolateBidi(item.topic) : 'this topic'}, but after so much of it she watches less. More of the same stops working.` });
      }
    });
    if (t.leftAt !== null) {
      add({ key: `leave-${t.index}`, kind: 'leave', text: `The leave point: satisfaction fell too low (or time ran out), so she is about to close the app. This is where retention is won or lost.` });
    }
    if (t.instruction) {
      add({ key: `instruction-${t.index}`, kind: 'instruction', text: `Instead of just leaving, she tells the recommender what she wants: “${isolateBidi(t.instruction)}”. A traditional recommender would ignore this.` });
    }
    if (t.reply) {
      add({ key: `reply-${t.index}`, kind: 'reply', text: `The instruction-following recommender answers with a plan and a new list. Watch whether her satisfaction recovers.` });
    }
  }
  return out;
}
