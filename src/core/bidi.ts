/**
 * Hidden bidirectional control characters in untrusted text (instructions, LLM reasons,
 * imported titles, shared links). Rendered as text they are still obeyed: a U+202E
 * RIGHT-TO-LEFT OVERRIDE typed into an instruction reversed the rest of its bubble, so
 * "less news" could read as something else. The embeddings, overrides and isolates are
 * shown instead of applied (as code hosts flag "hidden bidirectional characters"); the
 * marks (U+200E, U+200F, U+061C) are kept, since right-to-left writers use them and, inside
 * the isolated text (the UI's `shell/UntrustedText.svelte`), they can only place a neighbouring
 * punctuation mark or digit, never reorder the words around it.
 */

/** The controls that are shown, not applied, with their Unicode names. */
export const BIDI_CONTROLS: Readonly<Record<string, string>> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

const CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A run of plain text, or one control character shown as its code point. */
export type BidiSegment = { text: string } | { control: string; code: string; name: string };

/** `U+202E` for a character. */
function codeOf(ch: string): string {
  return 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

/** Whether `text` holds a control that would reorder what follows it. */
export function hasBidiControl(text: string): boolean {
  return CONTROL.test(text);
}

/** `text` split into plain runs and the controls between them (one segment for plain text). */
export function bidiSegments(text: string): BidiSegment[] {
  if (!hasBidiControl(text)) return [{ text }];
  const out: BidiSegment[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTROLS)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index) });
    out.push({ control: m[0], code: codeOf(m[0]), name: BIDI_CONTROLS[m[0]] });
    at = m.index! + 1;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * For attributes and other plain strings (a tooltip, an aria-label): each control replaced
 * by its code point in brackets, `[U+202E]`, so nothing is left to obey.
 */
export function revealBidi(text: string): string {
  return hasBidiControl(text) ? text.replace(CONTROLS, (c) => `[${codeOf(c)}]`) : text;
}

/**
 * For untrusted text quoted inside a sentence that is one plain string (a narration line, a
 * tooltip): its controls revealed and the whole of it wrapped in FIRST STRONG ISOLATE ...
 * POP DIRECTIONAL ISOLATE, the plain-text form of `<bdi>`, so right-to-left words in it
 * cannot carry the closing quote or the rest of the sentence along.
 */
export function isolateBidi(text: string): string {
  return `\u2068${revealBidi(text)}\u2069`;
}
