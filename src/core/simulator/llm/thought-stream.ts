/**
 * Streams the "thought" field of a JSON reply while it is being generated: fed each new
 * piece of text, it returns the part of the thought not emitted yet. Incremental: every
 * character is examined once, so an 80 000-character thought costs linear work.
 */
import { StreamingStringField } from '../../llm/json-extract';

export class ThoughtStream {
  private readonly field = new StreamingStringField('thought');
  private parts: string[] = [];

  /** Add a piece of generated text; returns the new part of the thought ('' when none). */
  push(delta: string): string {
    const fresh = this.field.push(delta);
    if (fresh) this.parts.push(fresh);
    return fresh;
  }

  /** The thought emitted so far. */
  get thought(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  /** Characters examined so far (the linearity test counts these). */
  get scanned(): number {
    return this.field.scanned;
  }
}
