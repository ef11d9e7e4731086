/**
 * `--out -` (and `--chat -`, `--dpo -`) reads as "to stdout" by the usual convention (and
 * docs/cli.md spoke of `--out -`), but no command writes its file to stdout: each created a
 * file named "-" in the current folder, unsaid, while stdout carried the summary. Refused
 * now, with the way to name such a file on purpose.
 */
import { describe, expect, it } from 'vitest';
import { checkOutputPath } from '../../src/cli/output-path';
import { parseTrainingDataArgs } from '../../src/cli/training-data';
import { main as simulate } from '../../src/cli/simulate';
import { captureStdio } from '../helpers/capture-stdio';

describe('an output file named "-"', () => {
  it('is refused by every command that writes one', async () => {
    expect(() => checkOutputPath('out', '-')).toThrow(/^--out -: this command writes that file, not stdout; name a file \(\.\/- for a file named "-"\)$/);
    expect(() => checkOutputPath('out', './-')).not.toThrow();
    await expect(parseTrainingDataArgs(['--chat', '-'])).rejects.toThrow(/^--chat -: this command writes that file, not stdout/);
    const r = await captureStdio(() => simulate(['--users', '2', '--quiet', '--out', '-']));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^simulate: --out -: this command writes that file, not stdout/);
    expect(r.out).toBe('');
  });
});

describe('simulate --out naming a file the command reads', () => {
  it('--out the --run file or a --recommender-module file is refused, and the file stays', async () => {
    const { mkdtempSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'recoworld-out-input-'));
    try {
      const run = join(dir, 'run.json');
      writeFileSync(run, '{"seed": 3}');
      const r = await captureStdio(() => simulate(['--run', run, '--quiet', '--out', join(dir, '.', 'run.json')]));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^simulate: --out ".*run\.json" is the --run file this command reads; name another file/);
      expect(readFileSync(run, 'utf8')).toBe('{"seed": 3}');
      const mod = join(dir, 'rec.mjs');
      writeFileSync(mod, 'export function recommend(req) { return { items: [] }; }\n');
      const m = await captureStdio(() => simulate(['--recommender-module', mod, '--quiet', '--out', mod]));
      expect(m.code).toBe(2);
      expect(m.err).toMatch(/^simulate: --out ".*rec\.mjs" is the --recommender-module file this command reads; name another file/);
      expect(readFileSync(mod, 'utf8')).toMatch(/^export function recommend/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('simulate --recommender-module with --recommender naming another', () => {
  it('is refused: the module was loaded (its code run) and never asked for a list, unsaid', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'recoworld-unused-module-'));
    try {
      const mod = join(dir, 'mine.mjs');
      writeFileSync(mod, 'export function recommend(req) { return { items: [] }; }\n');
      const r = await captureStdio(() => simulate(['--recommender-module', mod, '--recommender', 'popular', '--quiet']));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^simulate: --recommender-module .*mine\.mjs is loaded as module:mine, but --recommender names "popular": the module would not run; drop one of the two/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
