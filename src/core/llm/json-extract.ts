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
  const re = new RegExp(`["']${field}["']\\s*:\\s*(["'])`);
  const m = re.exec(text);
  if (!m) return null;
  const quote = m[1];
  let out = '';
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote) return out;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    if (i + 1 >= text.length) break;
    const next = text[++i];
    if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (hex.length < 4) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += ESCAPES[next] ?? next;
    }
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
