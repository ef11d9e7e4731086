/**
 * Output the CLI writes to a terminal carries text from servers (LLM thoughts, error
 * messages) and files (catalog titles): escape sequences in it could move the cursor,
 * rewrite earlier lines or change the terminal's title. Human-readable output is stripped
 * of control characters; JSON output keeps every character but escapes the ones that
 * JSON.stringify leaves raw (DEL, C1 controls, bidi overrides), so it stays valid JSON.
 */
import { stripControlChars } from '../llm/redact';

/** Human-readable text for a terminal: control characters and escape sequences removed (tab and newline kept). */
export function terminalText(text: string): string {
  return stripControlChars(text);
}

/** A JSON line with the characters JSON.stringify leaves raw written as \u escapes (same data, safe on a terminal). */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
