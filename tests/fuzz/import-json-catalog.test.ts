/**
 * Broken JSON catalogs through the real parser (parseCatalogJson): each gives an
 * ImportError naming the file and line, with a short message, and returns nothing.
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/core/catalog/import-error';
import { parseCatalogJson } from '../../src/core/catalog/validate';

const item = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'a', title: 'A', topic: 'fishing', ...over });
const doc = (items: unknown[]): string => JSON.stringify({ id: 'c', name: 'C', items }, null, 2);

const CASES: [name: string, text: string, line: number | null, detail: RegExp][] = [
  ['200,000 unclosed brackets', '['.repeat(200_000), 1, /invalid JSON: nested more than 512 levels deep/],
  ['200,000 unclosed braces in an item', `{"items":[{"id":"a","x":${'{"a":'.repeat(200_000)}`, 1, /invalid JSON: nested more than 512 levels deep/],
  ['a trailing comma', '{\n  "items": [\n    {"id": "a", "title": "A", "topic": "x"},\n  ]\n}', 4, /invalid JSON: expected a value \(trailing comma\?\)/],
  ['an unterminated string', '{\n  "items": [\n    {"id": "a, "title": "A"}\n  ]\n}', 3, /invalid JSON/],
  ['no items', doc([]), null, /the catalog has no items/],
  ['an item without a topic', doc([item(), item({ id: 'b', topic: undefined })]), 10, /items\[1\]\.topic: expected string/],
  ['a duplicate item id', doc([item(), item({ title: 'Again' })]), 10, /duplicate item id "a" \(first used on line 5\)/],
  ['quality out of range', doc([item({ quality: 7 })]), 9, /items\[0\]\.quality: expected number to be <=1/],
  ['a 1,000,000-character wrong value is quoted short', doc([item({ likes: 'x'.repeat(1_000_000) })]), 9, /items\[0\]\.likes: expected number, got string "x{40}"\.\.\. \(1,000,000 characters\)/],
  ['an item a billion billion years long', doc([item({ durationSec: 1e308 })]), 9, /items\[0\]\.durationSec: expected number to be <=604800/],
  ['an item 5e-324 s long', doc([item({ durationSec: 5e-324 })]), 9, /items\[0\]\.durationSec: expected number to be >=0\.1/],
  ['an array of numbers', '[1, 2, 3]', 1, /\[0\]: expected object/],
  ['a string', '"catalog"', 1, /expected a catalog object/],
  ['an empty file', '   \n', null, /the file is empty/],
  // Topic and creator ids key the views' lists (Svelte's keyed each throws on a repeat): refused like item ids.
  ['a duplicate topic id', '{\n  "topics": [\n    {"id": "fishing", "label": "Fishing", "related": []},\n    {"id": "fishing", "label": "Again", "related": []}\n  ],\n  "items": [{"id": "a", "title": "A", "topic": "fishing"}]\n}', 4, /topics\[1\]\.id: duplicate topic id "fishing" \(first used on line 3\)/],
  ['a duplicate creator id', '{\n  "creators": [\n    {"id": "c1", "name": "A", "topic": "x", "locale": ""},\n    {"id": "c1", "name": "B", "topic": "x", "locale": ""}\n  ],\n  "items": [{"id": "a", "title": "A", "topic": "x"}]\n}', 4, /creators\[1\]\.id: duplicate creator id "c1" \(first used on line 3\)/],
  ['a duplicate 100,000-character item id is quoted short', doc([item({ id: 'z'.repeat(100_000) }), item({ id: 'z'.repeat(100_000) })]), 10, /duplicate item id "z{200}\.\.\. \(100,000 characters\)"/],
];

describe('import fuzz: broken JSON catalogs', () => {
  for (const [name, text, line, detail] of CASES) {
    it(name, () => {
      let result: unknown = undefined;
      let err: unknown = null;
      try {
        result = parseCatalogJson(text, 'broken.json');
      } catch (e) {
        err = e;
      }
      expect(result).toBeUndefined();
      expect(err).toBeInstanceOf(ImportError);
      const e = err as ImportError;
      expect(e.file).toBe('broken.json');
      expect(e.line).toBe(line);
      expect(e.detail).toMatch(detail);
      expect(e.message.length).toBeLessThan(400);
    }, 20_000);
  }
});
