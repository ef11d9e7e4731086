/**
 * Text plumbing for the MovieLens importers: byte decoding (the core has no TextDecoder
 * in its type libs, and ml-100k is ISO-8859-1 anyway), and a small RFC 4180 CSV reader
 * that reports the exact 1-based line of every record.
 *
 * Why not papaparse here: error messages must name the line, and papaparse's step
 * `meta.cursor` does not mark record boundaries consistently (the first record's cursor
 * lies after its newline, later ones before it), so mapping records back to lines would
 * need a second tokenizer anyway. This one is a single pass over char codes.
 */
import { ImportError } from './import-error';

const CHUNK = 8192;

/**
 * Longest record (a line, or a quoted record spanning lines) the readers accept, in
 * characters. MovieLens lines are under 500 characters; the bound keeps one broken or
 * hostile line from being carried through every later step (and echoed in a message).
 */
export const MAX_LINE_CHARS = 65_536;

const fmt = (n: number): string => n.toLocaleString('en-US');

function tooLong(file: string, line: number): ImportError {
  return new ImportError(file, line, `line is longer than ${fmt(MAX_LINE_CHARS)} characters (a MovieLens line is a few hundred); is this the right file?`);
}

function codesToString(codes: number[], n: number, out: string[]): void {
  for (let i = 0; i < n; i += CHUNK) out.push(String.fromCharCode.apply(null, codes.slice(i, Math.min(n, i + CHUNK))));
}

/** ISO-8859-1 (latin1): every byte is the code point of the same value. */
export function decodeLatin1(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)))));
  }
  return out.join('');
}

/**
 * Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points
 * past U+10FFFF). Tells a UTF-8 file from a latin1 one: latin1 accents (0xC0-0xFF followed
 * by plain ASCII) never form a valid sequence.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return firstInvalidUtf8(bytes) === -1;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence, or -1 when all do. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b < 0xe0) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b < 0xf0) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b < 0xf5) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= len) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** UTF-8 to string; a leading BOM is dropped, malformed sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  const out: string[] = [];
  const codes: number[] = new Array<number>(CHUNK + 4);
  let n = 0;
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const len = bytes.length;
  while (i < len) {
    const b = bytes[i];
    let cp = 0xfffd;
    let need = 0;
    if (b < 0x80) {
      cp = b;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      need = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      need = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      need = 3;
    }
    i++;
    if (need > 0) {
      let ok = i + need <= len;
      for (let k = 0; ok && k < need; k++) {
        const c = bytes[i + k];
        if ((c & 0xc0) !== 0x80) ok = false;
        else cp = (cp << 6) | (c & 0x3f);
      }
      if (ok) i += need;
      else cp = 0xfffd;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes[n++] = 0xd800 + (cp >> 10);
      codes[n++] = 0xdc00 + (cp & 0x3ff);
    } else {
      codes[n++] = cp;
    }
    if (n >= CHUNK) {
      codesToString(codes, n, out);
      n = 0;
    }
  }
  codesToString(codes, n, out);
  return out.join('');
}

/** A file's contents as text: strings pass through (minus a BOM), bytes are decoded. */
export function toText(content: string | Uint8Array, encoding: 'utf-8' | 'latin1'): string {
  if (typeof content === 'string') return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  return encoding === 'latin1' ? decodeLatin1(content) : decodeUtf8(content);
}

/**
 * Calls `onRecord` for every non-empty record of a comma-separated text, with the
 * 1-based line the record starts on. Quoted fields may hold commas, doubled quotes and
 * newlines; CRLF and LF both end records. Throws `ImportError` on an unterminated quote
 * or text after a closing quote.
 */
export function forEachCsvRecord(
  text: string,
  file: string,
  onRecord: (fields: string[], line: number) => void,
): void {
  const len = text.length;
  let i = 0;
  let line = 1;
  while (i < len) {
    const startLine = line;
    const recordStart = i;
    const fields: string[] = [];
    // One record.
    for (;;) {
      let c = i < len ? text.charCodeAt(i) : -1;
      if (c === 34 /* " */) {
        const quoteLine = line;
        i++;
        let value = '';
        let from = i;
        for (;;) {
          if (i >= len) throw new ImportError(file, quoteLine, 'a quoted field is never closed (missing ")');
          if (i - recordStart > MAX_LINE_CHARS) {
            throw line > quoteLine
              ? new ImportError(file, quoteLine, `a quoted field opened on this line is not closed within ${fmt(MAX_LINE_CHARS)} characters (missing ")`)
              : tooLong(file, quoteLine);
          }
          c = text.charCodeAt(i);
          if (c === 34) {
            if (i + 1 < len && text.charCodeAt(i + 1) === 34) {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            break;
          }
          if (c === 10) line++;
          i++;
        }
        fields.push(value);
        c = i < len ? text.charCodeAt(i) : -1;
        if (c !== 44 && c !== 10 && c !== 13 && c !== -1) {
          // A quote that ran over a line break and then closed mid-field is almost always
          // an unclosed quote on the line it opened: report that line, not the later one.
          if (line > quoteLine) {
            throw new ImportError(file, quoteLine, `a quoted field in column ${fields.length} is not closed on this line (missing "): it runs on to line ${line}`);
          }
          throw new ImportError(file, line, `unexpected text after a closing quote in field ${fields.length}`);
        }
      } else {
        const from = i;
        while (i < len) {
          c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          i++;
        }
        if (i - recordStart > MAX_LINE_CHARS) throw tooLong(file, line);
        fields.push(text.slice(from, i));
        c = i < len ? c : -1;
      }
      if (c === 44) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of text.
      if (c === 13) i++;
      if (i < len && text.charCodeAt(i) === 10) i++;
      if (c !== -1) line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    onRecord(fields, startLine);
  }
}

/**
 * Lines of a delimiter-separated text without quoting (ml-100k), with 1-based numbers;
 * blank lines skipped. A line over `MAX_LINE_CHARS` throws an ImportError naming it.
 */
export function forEachLine(text: string, onLine: (line: string, lineNo: number) => void, file = 'file'): void {
  let lineNo = 0;
  let from = 0;
  const len = text.length;
  while (from <= len) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = len;
    lineNo++;
    let end = to;
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    if (end - from > MAX_LINE_CHARS) throw tooLong(file, lineNo);
    if (end > from) onLine(text.slice(from, end), lineNo);
    from = to + 1;
  }
}
