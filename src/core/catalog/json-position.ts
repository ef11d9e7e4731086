/**
 * Positions inside JSON text, for error messages that name a line: where the first
 * syntax error is (JSON.parse does not say so in every engine: V8 often reports only
 * "Unexpected token"), and where the value at a path (e.g. items[12].likes) starts.
 * A small strict scanner. The repeated-key check runs on every JSON import (catalogs of
 * many MB), so the scanner reads the text in one pass: no rescans, no per-value copies.
 */

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

class SyntaxFault extends Error {
  constructor(public offset: number, message: string) {
    super(message);
  }
}

function describeChar(text: string, i: number): string {
  return i >= text.length ? 'end of input' : `'${text[i]}'`;
}

/**
 * Deepest nesting the scanner follows. It recurses per level, so without a bound a file of
 * 200,000 `[` overflows the stack instead of getting a message; real catalogs nest < 10.
 */
export const MAX_JSON_DEPTH = 512;

/** A key given twice in one object (JSON.parse keeps the last one, unsaid). */
class DuplicateKeyFault extends Error {
  constructor(public offset: number, public key: string, public path: (string | number)[]) {
    super(`"${key}" is given twice`);
  }
}

/** A JSON number, matched at lastIndex. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A strict JSON scanner over `text`, starting at `i`. */
class Scanner {
  i = 0;
  private depth = 0;
  /** With `checkKeys`: where the scanner is (keys and indices), for a repeated key's path. */
  private readonly at: (string | number)[] = [];
  constructor(private readonly text: string, private readonly checkKeys = false) {}

  ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  peek(): string {
    return this.text[this.i] ?? '';
  }

  fail(expected: string): never {
    throw new SyntaxFault(this.i, `expected ${expected}, found ${describeChar(this.text, this.i)}`);
  }

  string(): string {
    const start = this.i;
    if (this.peek() !== '"') this.fail('a string');
    this.i++;
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '"') {
        this.i++;
        return JSON.parse(t.slice(start, this.i)) as string;
      }
      if (c === '\\') {
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) throw new SyntaxFault(this.i, 'bad \\u escape in a string');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else throw new SyntaxFault(this.i, 'bad escape in a string');
      } else if (t.charCodeAt(this.i) < 32) {
        throw new SyntaxFault(this.i, c === '\n' ? 'unterminated string (line break inside a string)' : 'control character inside a string');
      } else this.i++;
    }
    throw new SyntaxFault(start, 'unterminated string');
  }

  value(): void {
    this.ws();
    const c = this.peek();
    if (c === '{' || c === '[') {
      if (++this.depth > MAX_JSON_DEPTH) throw new SyntaxFault(this.i, `nested more than ${MAX_JSON_DEPTH} levels deep`);
      if (c === '{') this.object();
      else this.array();
      this.depth--;
    }
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else if (this.text.startsWith('true', this.i)) this.i += 4;
    else if (this.text.startsWith('false', this.i)) this.i += 5;
    else if (this.text.startsWith('null', this.i)) this.i += 4;
    else this.fail('a value');
  }

  number(): void {
    // Sticky: matched where the scanner is, without copying the rest of the text.
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('a number');
    this.i += m[0].length;
  }

  object(): void {
    this.i++;
    this.ws();
    if (this.peek() === '}') { this.i++; return; }
    const seen = this.checkKeys ? new Set<string>() : null;
    for (;;) {
      this.ws();
      if (this.peek() !== '"') this.fail(this.peek() === '}' ? 'a key (trailing comma?)' : 'a quoted key');
      const keyAt = this.i;
      const key = this.string();
      if (seen) {
        if (seen.has(key)) throw new DuplicateKeyFault(keyAt, key, [...this.at]);
        seen.add(key);
      }
      this.ws();
      if (this.peek() !== ':') this.fail("':' after a key");
      this.i++;
      if (seen) this.at.push(key);
      this.value();
      if (seen) this.at.pop();
      this.ws();
      if (this.peek() === ',') { this.i++; continue; }
      if (this.peek() === '}') { this.i++; return; }
      this.fail("',' or '}'");
    }
  }

  array(): void {
    this.i++;
    this.ws();
    if (this.peek() === ']') { this.i++; return; }
    for (let k = 0; ; k++) {
      this.ws();
      if (this.peek() === ']') this.fail('a value (trailing comma?)');
      if (this.checkKeys) this.at.push(k);
      this.value();
      if (this.checkKeys) this.at.pop();
      this.ws();
      if (this.peek() === ',') { this.i++; continue; }
      if (this.peek() === ']') { this.i++; return; }
      this.fail("',' or ']'");
    }
  }
}

/** The first syntax error in `text` (offset and a plain description), or null if it is valid JSON. */
export function findSyntaxError(text: string): { offset: number; message: string } | null {
  const s = new Scanner(text);
  try {
    s.value();
    s.ws();
    if (s.i < text.length) s.fail('end of input after the value');
    return null;
  } catch (e) {
    if (e instanceof SyntaxFault) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/**
 * The first key given twice in one object of `text`, or null: JSON.parse keeps the last
 * value of a repeated key without a word, so a file that sets a field twice runs with one
 * of them unsaid. `path` is where the object is (keys and array indices, [] for the top),
 * `offset` where the second key starts. Null too for text that is not JSON (JSON.parse
 * says that).
 */
export function findDuplicateKey(text: string): { key: string; path: (string | number)[]; offset: number } | null {
  const s = new Scanner(text, true);
  try {
    s.value();
    return null;
  } catch (e) {
    if (e instanceof DuplicateKeyFault) return { key: e.key, path: e.path, offset: e.offset };
    if (e instanceof SyntaxFault) return null;
    throw e;
  }
}

/**
 * Offset where the value at `path` starts in valid JSON `text`, or where the deepest
 * existing part of the path starts (a missing field points at its parent object).
 */
export function locatePath(text: string, path: readonly (string | number)[]): number {
  const s = new Scanner(text);
  s.ws();
  let best = s.i;
  try {
    for (const seg of path) {
      s.ws();
      const c = s.peek();
      let found = false;
      if (c === '{' && typeof seg === 'string') {
        s.i++;
        s.ws();
        while (s.peek() !== '}') {
          s.ws();
          const key = s.string();
          s.ws();
          s.i++; // ':'
          s.ws();
          if (key === seg) { found = true; break; }
          s.value();
          s.ws();
          if (s.peek() === ',') s.i++;
        }
      } else if (c === '[' && typeof seg === 'number') {
        s.i++;
        for (let k = 0; ; k++) {
          s.ws();
          if (s.peek() === ']') break;
          if (k === seg) { found = true; break; }
          s.value();
          s.ws();
          if (s.peek() === ',') s.i++;
        }
      }
      if (!found) break;
      s.ws();
      best = s.i;
    }
  } catch {
    // Invalid JSON: keep the best position found so far.
  }
  return best;
}
