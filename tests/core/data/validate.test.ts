import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ImportError, parseCatalogJson, parsePersonasJson } from '../../../src/core/catalog/validate';
import { findDuplicateKey, findSyntaxError, lineOf, locatePath } from '../../../src/core/catalog/json-position';

const staticDir = fileURLToPath(new URL('../../../static-data/', import.meta.url));
const catalogText = readFileSync(staticDir + 'shortvideo.json', 'utf8');
const personasText = readFileSync(staticDir + 'personas.json', 'utf8');

/** Runs `f`, expects an ImportError and returns it. */
function importError(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** 1-based line of the first occurrence of `needle`. */
function lineWith(text: string, needle: string): number {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return lineOf(text, at);
}

describe('parseCatalogJson', () => {
  it('accepts the built-in catalog unchanged', () => {
    const c = parseCatalogJson(catalogText, 'shortvideo.json');
    expect(c).toEqual(JSON.parse(catalogText));
  });

  it('names file, line, field, expected and got for a wrong type deep in the file', () => {
    const item = JSON.parse(catalogText).items[400];
    const lines = catalogText.split('\n');
    const k = lines.findIndex((l) => l.includes(`"id":"${item.id}"`));
    lines[k] = lines[k].replace(`"likes":${item.likes},`, '"likes":"lots",');
    const bad = lines.join('\n');
    const e = importError(() => parseCatalogJson(bad, 'feed.json'));
    expect(e.file).toBe('feed.json');
    expect(e.line).toBe(lineWith(bad, `"id":"${item.id}"`));
    expect(e.message).toMatch(new RegExp(`^feed\\.json:${e.line}: items\\[400\\]\\.likes: expected number, got string "lots"`));
  });

  it('reports an out-of-range value and a missing field', () => {
    const text = '[\n{"id":"a","title":"Reel one","topic":"fishing"},\n{"id":"b","title":"Reel two","topic":"fishing","quality":1.5}\n]';
    const e = importError(() => parseCatalogJson(text, 'items.json'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/\[1\]\.quality: .*<=1, got number 1\.5/);
    const missing = importError(() => parseCatalogJson('[\n{"id":"a","topic":"x"}\n]', 'items.json'));
    expect(missing.line).toBe(2);
    expect(missing.message).toMatch(/\[0\]\.title: expected string, got nothing \(missing\)/);
  });

  it('reports the line of a JSON syntax error', () => {
    const lines = catalogText.split('\n');
    lines[120] = lines[120].replace('"title":', '"title"');
    const e = importError(() => parseCatalogJson(lines.join('\n'), 'broken.json'));
    expect(e.line).toBe(121);
    expect(e.message).toMatch(/^broken\.json:121: invalid JSON: expected ':' after a key/);
    const truncated = importError(() => parseCatalogJson('{\n "items": [\n {"id":"a"', 't.json'));
    expect(truncated.line).toBe(3);
    expect(truncated.message).toMatch(/end of input/);
  });

  it('accepts JSON Lines of items with defaults, and reports the bad line', () => {
    const jsonl = '{"id":"x1","title":"Bay fog timelapse","topic":"photography","locale":"Oakland, CA"}\n\n{"id":"x2","title":"Crab feed","topic":"seafood-cooking","creator":"chef"}\n';
    const c = parseCatalogJson(jsonl, 'My Feed.jsonl');
    expect(c.id).toBe('my-feed');
    expect(c.items.map((i) => i.id)).toEqual(['x1', 'x2']);
    expect(c.items[0]).toMatchObject({ format: 'short_video', tags: [], quality: 0.5, likes: 0 });
    expect(c.topics.map((t) => t.id)).toEqual(['photography', 'seafood-cooking']);
    expect(c.creators).toEqual([{ id: 'chef', name: 'chef', topic: 'seafood-cooking', locale: '' }]);
    const badType = importError(() => parseCatalogJson(jsonl + '{"id":"x3","title":"T","topic":"x","format":"podcast"}\n', 'f.jsonl'));
    expect(badType.line).toBe(4);
    expect(badType.message).toMatch(/format: expected one of .*, got string "podcast"/);
    const badSyntax = importError(() => parseCatalogJson(jsonl + '{"id":"x3",\n', 'f.jsonl'));
    expect(badSyntax.line).toBe(4);
    expect(badSyntax.message).toMatch(/invalid JSON Lines record/);
  });

  it('rejects duplicate ids, empty files and unknown shapes', () => {
    const dup = importError(() => parseCatalogJson('[{"id":"a","title":"One","topic":"x"},\n{"id":"a","title":"Two","topic":"x"}]', 'd.json'));
    expect(dup.line).toBe(2);
    expect(dup.message).toMatch(/duplicate item id "a" \(first used on line 1\)/);
    expect(importError(() => parseCatalogJson('  \n', 'e.json')).message).toBe('e.json: the file is empty');
    expect(importError(() => parseCatalogJson('{"movies": []}', 's.json')).message).toMatch(/^s\.json:1: expected a catalog object/);
    expect(importError(() => parseCatalogJson('[]', 'n.json')).message).toMatch(/no items/);
  });
});

describe('repeated keys in imports', () => {
  // JSON.parse keeps the last value of a repeated key without a word: an item that gave
  // "topic" twice was imported with the second, a profile's "interests" with the last.
  it('refuses a catalog, a JSON Lines record or a profile that gives a key twice, naming it and its line', () => {
    const cat = importError(() => parseCatalogJson('[\n{"id":"a","title":"One","topic":"x"},\n{"id":"b","title":"Two","topic":"x",\n "topic":"y"}\n]', 'c.json'));
    expect(cat.line).toBe(4);
    expect(cat.message).toBe('c.json:4: [1]: the key "topic" is given twice; JSON keeps only the last, so remove one');
    const jl = importError(() => parseCatalogJson('{"id":"a","title":"One","topic":"x"}\n\n{"id":"b","title":"Two","title":"Three","topic":"x"}\n', 'c.jsonl'));
    expect(jl.line).toBe(3);
    expect(jl.message).toMatch(/^c\.jsonl:3: \(top level\): the key "title" is given twice/);
    const p = importError(() => parsePersonasJson('{"personas":[\n{"id":"a","name":"A","interests":{"ufc":1,\n"ufc":0}}]}', 'p.json'));
    expect(p.line).toBe(3);
    expect(p.message).toMatch(/^p\.json:3: personas\[0\]\.interests: the key "ufc" is given twice/);
  });

  it('reads a catalog of a few MB in one pass, finding a repeat near its end', () => {
    const base = JSON.parse(catalogText) as { items: { id: string }[] };
    const items = Array.from({ length: 12 }, (_, k) => base.items.map((it) => ({ ...it, id: `${it.id}-${k}` }))).flat();
    const big = JSON.stringify({ ...base, items }, null, 1);
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(parseCatalogJson(big, 'big.json').items).toHaveLength(items.length);
    const at = big.lastIndexOf(`"id": ${JSON.stringify(items.at(-1)!.id)}`);
    const dup = big.slice(0, at) + '"id": "again", ' + big.slice(at);
    const e = importError(() => parseCatalogJson(dup, 'big.json'));
    expect(e.line).toBe(lineOf(dup, at + '"id": "again", '.length));
    expect(e.message).toMatch(new RegExp(`items\\[${items.length - 1}\\]: the key "id" is given twice`));
  });
});

describe('parsePersonasJson', () => {
  it('accepts the built-in personas and a minimal profile with defaults', () => {
    expect(parsePersonasJson(personasText, 'personas.json')).toEqual(JSON.parse(personasText));
    const [p] = parsePersonasJson('{"id":"me","name":"Me","interests":{"f1":0.9},"traits":{"curiosity":0.9}}', 'me.json');
    expect(p).toMatchObject({ id: 'me', age: null, history: [], source: 'persona' });
    expect(p.traits.curiosity).toBe(0.9);
    expect(p.traits.timeBudgetSec).toBe(600);
  });

  it('points at the line of a bad nested field', () => {
    const bad = personasText.replace('"curiosity":0.3,', '"curiosity":"high",');
    const e = importError(() => parsePersonasJson(bad, 'personas.json'));
    expect(e.line).toBe(lineWith(bad, '"curiosity":"high"'));
    expect(e.message).toMatch(/\[0\]\.traits\.curiosity: expected number, got string "high"/);
    const maya = JSON.parse(personasText)[0];
    const h = maya.history[3];
    const badAction = personasText.replace(`{"itemId":"${h.itemId}","action":"${h.action}"`, `{"itemId":"${h.itemId}","action":"love"`);
    const e2 = importError(() => parsePersonasJson(badAction, 'personas.json'));
    expect(e2.line).toBe(lineWith(badAction, '"action":"love"'));
    expect(e2.message).toMatch(/\[0\]\.history\[3\]\.action: .*got string "love"/);
  });

  it('accepts JSON Lines and { personas: [...] }, and rejects duplicate ids', () => {
    const two = '{"id":"a","name":"A","interests":{}}\n{"id":"b","name":"B","interests":{"ufc":1}}\n';
    expect(parsePersonasJson(two, 'p.jsonl').map((p) => p.id)).toEqual(['a', 'b']);
    expect(parsePersonasJson('{"personas":[{"id":"a","name":"A","interests":{}}]}', 'p.json')).toHaveLength(1);
    const dup = importError(() => parsePersonasJson('[\n{"id":"a","name":"A","interests":{}},\n{"id":"a","name":"B","interests":{}}\n]', 'p.json'));
    expect(dup.line).toBe(3);
    const weight = importError(() => parsePersonasJson('[{"id":"a","name":"A","interests":{"ufc":2}}]', 'w.json'));
    expect(weight.message).toMatch(/\[0\]\.interests\.ufc: .*<=1, got number 2/);
  });
});

describe('json-position', () => {
  it('finds syntax errors and value positions', () => {
    expect(findSyntaxError('{"a": [1, 2, ]}')?.message).toMatch(/trailing comma/);
    expect(findSyntaxError('{"a": 1}')).toBeNull();
    expect(findSyntaxError('{"a": "x\ny"}')?.message).toMatch(/unterminated string/);
    const text = '{\n "a": [\n  {"b": 1},\n  {"b": 2}\n ]\n}';
    expect(lineOf(text, locatePath(text, ['a', 1, 'b']))).toBe(4);
    expect(lineOf(text, locatePath(text, ['a', 1, 'missing']))).toBe(4);
    expect(lineOf(text, locatePath(text, ['zzz']))).toBe(1);
  });

  it('finds a key given twice in one object (JSON.parse keeps the last, unsaid), with where it is', () => {
    expect(findDuplicateKey('{"a": 1, "b": 2, "a": 3}')).toEqual({ key: 'a', path: [], offset: 17 });
    expect(findDuplicateKey('{"x": [{"k": 1}, {"k": 2, "k": 3}]}')).toMatchObject({ key: 'k', path: ['x', 1] });
    // The same name in different objects, or a key and an equal string value, is no repeat.
    expect(findDuplicateKey('{"a": {"a": 1}, "b": [{"a": 2}, {"a": "a"}], "c": "a"}')).toBeNull();
    expect(findDuplicateKey('{"a": 1}')).toBeNull();
    // Escapes are read: "\u0061" is "a".
    expect(findDuplicateKey('{"a": 1, "\\u0061": 2}')?.key).toBe('a');
    expect(findDuplicateKey('{"a": 1,, "a": 2}')).toBeNull(); // not JSON: JSON.parse says so
  });
});
