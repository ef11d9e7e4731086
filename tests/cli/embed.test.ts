import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, parseEmbedArgs, runEmbed } from '../../src/cli/embed';
import { UsageError } from '../../src/cli/simulate-args';
import { loadBuiltinCatalog } from '../../src/core/catalog/builtin';
import { parseNpy, parseVectorCsv } from '../../src/core/embed/import-vectors';

describe('npm run embed', () => {
  it('writes offline vectors as .npy and .csv that import back identically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'embed-cli-'));
    const catalog = await loadBuiltinCatalog('shortvideo');
    const ids = catalog.items.map((i) => i.id);
    const npyRes = await runEmbed(parseEmbedArgs(['--catalog', 'shortvideo', '--model', 'offline', '--out', join(dir, 'v.npy'), '--dim', '16', '--sid'])!);
    expect(npyRes).toMatchObject({ items: ids.length, dim: 16, model: 'offline' });
    expect((npyRes.sid as { levels: number }).levels).toBe(3);
    const a = parseNpy(new Uint8Array(await readFile(join(dir, 'v.npy'))), ids, { catalogId: 'shortvideo', model: 'offline' });
    await runEmbed(parseEmbedArgs(['--catalog', 'shortvideo', '--model', 'offline', '--out', join(dir, 'v.csv'), '--dim', '16'])!);
    const b = parseVectorCsv(await readFile(join(dir, 'v.csv'), 'utf8'), { catalogId: 'shortvideo', model: 'offline' }, new Set(ids));
    expect(b.ids).toEqual(ids);
    expect(a.dim).toBe(16);
    for (let i = 0; i < a.data.length; i += 97) expect(b.data[i]).toBeCloseTo(a.data[i], 6);
  });

  it('rejects bad options with exit code 2', async () => {
    expect(() => parseEmbedArgs(['--model', 'offline', '--out', 'x.npy'])).toThrow(UsageError);
    expect(() => parseEmbedArgs(['--catalog', 'shortvideo', '--model', 'offline', '--out', 'x.txt'])).toThrow(/\.npy or \.csv/);
    expect(await main(['--catalog', 'shortvideo', '--out', 'x.npy'])).toBe(2);
    expect(await main(['--catalog', 'nope', '--model', 'offline', '--out', join(tmpdir(), 'x.npy')])).toBe(2);
  });
});
