import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generate, serialise } from '../../../scripts/catalog/generate';

const staticDir = fileURLToPath(new URL('../../../static-data/', import.meta.url));

describe('built-in data generator', () => {
  const committed = serialise(generate(DEFAULT_SEED));

  it('reproduces the committed static-data files byte for byte', () => {
    for (const [name, text] of Object.entries(committed)) {
      const onDisk = readFileSync(staticDir + name, 'utf8');
      // Compare sizes first so a mismatch does not print 300 KiB twice.
      expect(text.length, `${name}: run npm run gen:data`).toBe(onDisk.length);
      expect(text === onDisk, `${name}: run npm run gen:data`).toBe(true);
    }
  });

  it('is deterministic for a seed and depends on it', () => {
    const again = serialise(generate(DEFAULT_SEED));
    expect(again['shortvideo.json'] === committed['shortvideo.json']).toBe(true);
    const other = generate(DEFAULT_SEED + 1);
    expect(other.catalog.items.map((i) => i.title)).not.toEqual(JSON.parse(committed['shortvideo.json']).items.map((i: { title: string }) => i.title));
    expect(other.catalog.items.length).toBeGreaterThanOrEqual(600);
  });

  it('writes one item per line, so import errors can point at the item', () => {
    const lines = committed['shortvideo.json'].split('\n');
    const itemLines = lines.filter((l) => l.trim().startsWith('{"id":"sv-'));
    expect(itemLines.length).toBe(JSON.parse(committed['shortvideo.json']).items.length);
  });
});
