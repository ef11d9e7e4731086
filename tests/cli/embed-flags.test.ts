/**
 * embed: flags the chosen model never reads are refused, not ignored: `--dim` sizes the
 * offline model only (a Transformers.js model has its own width: `--dim 16` gave 384
 * columns, unsaid), and `--dtype` / `--model-base` load a Transformers.js model only
 * (with `--model offline` they changed nothing).
 */
import { describe, expect, it } from 'vitest';
import { parseEmbedArgs } from '../../src/cli/embed';
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
