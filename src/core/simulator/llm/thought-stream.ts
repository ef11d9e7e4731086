/**
 * Streams the "thought" field of a JSON reply while it is being generated: fed the text so
 * far, it returns the part of the thought not emitted yet.
 */
import { partialStringField } from '../../llm/json-extract';

export class ThoughtStream {
  private text = '';
  private emitted = '';

  /** Add a piece of generated text; returns the new part of the thought ('' when none). */
  push(delta: string): string {
    this.text += delta;
    const thought = partialStringField(this.text, 'thought');
    if (thought === null || thought.length <= this.emitted.length || !thought.startsWith(this.emitted)) return '';
    const fresh = thought.slice(this.emitted.length);
    this.emitted = thought;
    return fresh;
  }

  /** The thought emitted so far. */
  get thought(): string {
    return this.emitted;
  }
}
