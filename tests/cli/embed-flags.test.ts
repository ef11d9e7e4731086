/**
 * embed: flags the chosen model never reads are refused, not ignored: `--dim` sizes the
 * offline model only (a Transformers.js model has its own width: `--dim 16` gave 384
 * columns, unsaid), and `--dtype` / `--model-base` load a Transformers.js model only
 * (with `--model offline` they changed nothing).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEmbedArgs, runEmbed } from '../../src/cli/embed';
import { UsageError } from '../../src/cli/simulate-args';

const base = ['--catalog', 'shortvideo', '--out', '/tmp/recoworld-embed-flags.npy'];

describe('embed: flags of the other kind of model', () => {
  it('--dim with a Transformers.js model, --dtype or --model-base with offline: refused', () => {
    expect(() => parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--dim', '16'])).toThrow(UsageError);
    expect(() => parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--dim', '16'])).toThrow(/^--dim sizes the offline model only; Xenova\/all-MiniLM-L6-v2 has its own width$/);
    expect(() => parseEmbedArgs([...base, '--model', 'offline', '--dtype', 'fp32'])).toThrow(/^--dtype applies to a Transformers\.js model, not --model offline$/);
    expect(() => parseEmbedArgs([...base, '--model', 'offline', '--model-base', '/models'])).toThrow(/^--model-base applies to a Transformers\.js model, not --model offline$/);
  });

  it('each kind still takes its own', () => {
    expect(parseEmbedArgs([...base, '--model', 'offline', '--dim', '16'])?.dim).toBe(16);
    expect(parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--dtype', 'fp32', '--model-base', '/tmp'])).toMatchObject({ dtype: 'fp32', modelBase: '/tmp' });
  });
});

describe('embed: --model-base that is not a folder', () => {
  it('is refused before any work (it was looked for after the catalog loaded, said as "the model is not in the folder")', () => {
    expect(() => parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--model-base', '/no/such/folder'])).toThrow('--model-base "/no/such/folder": no such folder');
    expect(() => parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--model-base', '/etc/hostname'])).toThrow('--model-base "/etc/hostname": no such folder');
    expect(() => parseEmbedArgs([...base, '--model', 'Xenova/all-MiniLM-L6-v2', '--model-base', '/tmp'])).not.toThrow();
  });
});

describe('embed: --dim past what the offline model can give', () => {
  it('is refused before the fit, naming the most the catalog allows (--dim 1024 wrote 720 columns after minutes, said only by the JSON)', async () => {
    const o = parseEmbedArgs(['--catalog', 'shortvideo', '--model', 'offline', '--out', '/tmp/recoworld-embed-dim.npy', '--dim', '1000'])!;
    const err = await runEmbed(o).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe('--dim 1000: the offline model of shortvideo has at most 729 dimensions (one per item or distinct word, whichever is fewer); give --dim 729 or less');
  });

  it('fewer independent dimensions than asked (items sharing their text) are said as a warning; the default shrinks unsaid', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'embed-dim-'));
    try {
      writeFileSync(join(folder, 'movies.csv'), 'movieId,title,genres\n1,Heat (1995),Action\n2,Heat (1995),Action\n3,Heat (1995),Action\n');
      writeFileSync(join(folder, 'ratings.csv'), 'userId,movieId,rating,timestamp\n1,1,4.0,1000000100\n1,2,4.0,1000000200\n2,3,3.0,1000000300\n');
      const out = join(folder, 'v.csv');
      const given = await runEmbed(parseEmbedArgs(['--catalog', folder, '--model', 'offline', '--out', out, '--dim', '3'])!);
      expect(given).toMatchObject({ dim: 1, warnings: [`--dim 3: the catalog's text gives only 1 independent dimension (items share their text), so ${out} has 1 column`] });
      const byDefault = await runEmbed(parseEmbedArgs(['--catalog', folder, '--model', 'offline', '--out', out])!);
      expect(byDefault.dim).toBe(1);
      expect(byDefault.warnings).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('embed: --dtype', () => {
  it('an unknown or empty dtype is refused by name (it went on to the load, which took the default weights unsaid)', () => {
    const tjs = [...base, '--model', 'Xenova/all-MiniLM-L6-v2'];
    expect(() => parseEmbedArgs([...tjs, '--dtype='])).toThrow(UsageError);
    expect(() => parseEmbedArgs([...tjs, '--dtype='])).toThrow(/^--dtype "" is not a Transformers\.js dtype \(one of auto, fp32, fp16, q8, /);
    expect(() => parseEmbedArgs([...tjs, '--dtype', 'fp99'])).toThrow(/^--dtype "fp99" is not a Transformers\.js dtype/);
    expect(parseEmbedArgs([...tjs, '--dtype', 'q4f16'])?.dtype).toBe('q4f16');
  });
});
