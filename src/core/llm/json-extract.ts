/**
 * Getting a JSON object out of what a language model wrote: prose around it, code
 * fences, trailing commas, single quotes, a cut-off end. jsonrepair does the repairs;
 * this file finds the candidate and reads fields of a reply that is still streaming.
 */
import { jsonrepair } from 'jsonrepair';

export interface ExtractedJson {
  value: Record<string, unknown>;
  /** True when the text was not valid JSON as written and had to be repaired or cut out of prose. */
  repaired: boolean;
}

/**
 * The first JSON object in `text`, repaired if needed; null when there is none.
 * Looks inside ``` fences first, then from the first '{' to its matching '}' (or the end
 * of the text when the reply was cut off).
 */
export function extractJsonObject(text: string): ExtractedJson | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const direct = tryParse(trimmed);
  if (direct) return { value: direct, repaired: false };
  const fence = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(trimmed);
  const candidates: string[] = [];
  if (fence && fence[1].includes('{')) candidates.push(fence[1]);
  const start = trimmed.indexOf('{');
  if (start >= 0) candidates.push(balancedSlice(trimmed, start));
  for (const c of candidates) {
    const parsed = tryParse(c) ?? tryRepair(c);
    if (parsed) return { value: parsed, repaired: true };
  }
  return null;
}

function tryParse(s: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(s);
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

function tryRepair(s: string): Record<string, unknown> | null {
  try {
    return tryParse(jsonrepair(s));
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** From `start` (a '{') to its matching '}', honouring strings in either quote; the rest of the text if unmatched. */
export function balancedSlice(text: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return text.slice(start);
}

/**
 * The value of a string field of a JSON object that may still be streaming
 * (`{"thought": "I love fish` -> "I love fish"). Returns null until the field has started.
 * Escapes are decoded; a dangling backslash at the end is held back.
 */
export function partialStringField(text: string, field: string): string | null {
  const reader = new StreamingStringField(field);
  const value = reader.push(text);
  return reader.started ? value : null;
}

/**
 * Reads one string field out of JSON text that arrives in pieces, in one pass: each
 * character is examined once (a streamed reply of n characters costs O(n), not the O(n²)
 * of re-parsing the text so far on every piece). Finds the first `"field": "` (either quote
 * style, any whitespace, like the regex `["']field["']\s*:\s*["']`), then decodes the value
 * until its closing quote.
 */
export class StreamingStringField {
  /** 0 scanning, 1 in the key, 2 after the key, 3 after the colon, 4 in the value, 5 after a backslash, 6 in \uXXXX, 7 done. */
  private state = 0;
  /** Characters of the field name matched so far (state 1). */
  private matched = 0;
  private valueQuote = '';
  private hex = '';
  /** Characters examined so far (for the linearity test). */
  scanned = 0;

  constructor(private readonly field: string) {}

  /** The field's value started (its opening quote was read). */
  get started(): boolean {
    return this.state >= 4;
  }

  /** The value is complete (its closing quote was read). */
  get complete(): boolean {
    return this.state === 7;
  }

  /** Feed more text; returns the newly decoded part of the value ('' when none). */
  push(piece: string): string {
    let out = '';
    for (let i = 0; i < piece.length && this.state !== 7; i++) {
      this.scanned++;
      const ch = piece[i];
      switch (this.state) {
        case 0:
          if (ch === '"' || ch === "'") {
            this.state = 1;
            this.matched = 0;
          }
          break;
        case 1:
          if (this.matched < this.field.length && ch === this.field[this.matched]) this.matched++;
          else if (this.matched === this.field.length && (ch === '"' || ch === "'")) this.state = 2;
          else if (ch === '"' || ch === "'") this.matched = 0; // this quote may open the key
          else this.state = 0;
          break;
        case 2:
          if (ch === ':') this.state = 3;
          else if (!isSpace(ch)) {
            // The quote that closed "field" may open the real key: `"field"field": ...`.
            this.state = 1;
            this.matched = 0;
            i--;
            this.scanned--;
          }
          break;
        case 3:
          if (ch === '"' || ch === "'") {
            this.state = 4;
            this.valueQuote = ch;
          } else if (!isSpace(ch)) {
            this.state = 0;
            i--;
            this.scanned--;
          }
          break;
        case 4:
          if (ch === this.valueQuote) this.state = 7;
          else if (ch === '\\') this.state = 5;
          else out += ch;
          break;
        case 5:
          if (ch === 'u') {
            this.state = 6;
            this.hex = '';
          } else {
            out += ESCAPES[ch] ?? ch;
            this.state = 4;
          }
          break;
        case 6:
          this.hex += ch;
          if (this.hex.length === 4) {
            const code = parseInt(this.hex, 16);
            out += Number.isFinite(code) ? String.fromCharCode(code) : '';
            this.state = 4;
          }
          break;
      }
    }
    return out;
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
