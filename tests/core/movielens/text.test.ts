import { describe, expect, it } from 'vitest';
import { decodeLatin1, decodeUtf8, forEachCsvRecord, forEachLine, isValidUtf8 } from '../../../src/core/catalog/movielens-text';
import { parseTitle } from '../../../src/core/catalog/movielens-raw';

function records(text: string): [string[], number][] {
  const out: [string[], number][] = [];
  forEachCsvRecord(text, 'x.csv', (f, line) => out.push([f, line]));
  return out;
}

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF with exact lines', () => {
    expect(records('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n\nlast,4')).toEqual([
      [['a', 'b'], 1],
      [['x, y', 'say "hi"'], 2],
      [['two\nlines', '3'], 3],
      [['last', '4'], 6],
    ]);
  });
  it('keeps empty fields', () => {
    expect(records('1,,\n')).toEqual([[['1', '', ''], 1]]);
  });
  it('reports text after a closing quote', () => {
    expect(() => records('a\n"x"y,1\n')).toThrow(/x.csv:2: unexpected text after a closing quote/);
  });
});

describe('decoders', () => {
  it('decodes UTF-8 including multi-byte and astral characters, dropping a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFMisérables – 🎬 ok');
    expect(decodeUtf8(bytes)).toBe('Misérables – 🎬 ok');
  });
  it('decodes long inputs across chunk boundaries', () => {
    const s = 'é'.repeat(10_000) + 'x'.repeat(9_000);
    expect(decodeUtf8(new TextEncoder().encode(s))).toBe(s);
    expect(decodeLatin1(Uint8Array.from(s, (c) => c.charCodeAt(0)))).toBe(s);
  });
  it('turns malformed UTF-8 into U+FFFD', () => {
    expect(decodeUtf8(Uint8Array.from([0x41, 0xe9, 0x42]))).toBe('A\uFFFDB');
  });
  it('splits lines with numbers, skipping blank ones', () => {
    const seen: [string, number][] = [];
    forEachLine('a\r\n\nb\n', (l, n) => seen.push([l, n]));
    expect(seen).toEqual([['a', 1], ['b', 3]]);
  });
});

describe('parseTitle', () => {
  it('moves the article back and reads the year', () => {
    expect(parseTitle('City of Lost Children, The (Cité des enfants perdus, La) (1995)')).toEqual({
      title: 'The City of Lost Children (Cité des enfants perdus, La) (1995)',
      year: 1995,
    });
    expect(parseTitle('Big Bang Theory, The (2007-)')).toEqual({ title: 'The Big Bang Theory (2007-)', year: 2007 });
    expect(parseTitle('Hyena Road')).toEqual({ title: 'Hyena Road', year: null });
  });
});

describe('isValidUtf8 (tells ml-10m UTF-8 from ml-1m latin1)', () => {
  it('accepts UTF-8 and rejects latin1 accents, overlong forms, surrogates and cut sequences', () => {
    expect(isValidUtf8(new Uint8Array([0x4d, 0x69, 0x73, 0xc3, 0xa9]))).toBe(true); // "Misé"
    expect(isValidUtf8(new Uint8Array([0xf0, 0x9f, 0x8e, 0xac]))).toBe(true); // U+1F3AC
    expect(isValidUtf8(new Uint8Array([0x4d, 0x69, 0x73, 0xe9, 0x72]))).toBe(false); // latin1 "Misér"
    expect(isValidUtf8(new Uint8Array([0xe0, 0x80, 0xaf]))).toBe(false); // overlong "/"
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // a surrogate
    expect(isValidUtf8(new Uint8Array([0x41, 0xc3]))).toBe(false); // cut at the end
  });
});
