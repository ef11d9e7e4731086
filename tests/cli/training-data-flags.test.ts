/**
 * training-data: a rubric threshold that is empty (`--min-followed=`, `--min-better-off ' '`)
 * was read as 0 (Number('') is 0), so every trajectory passed that rubric without a word;
 * `0x1` was read as 1. A --rival equal to --recommender gave the same list on both sides of
 * every pair: 0 preference pairs, unsaid.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrainingDataArgs } from '../../src/cli/training-data';
import { UsageError } from '../../src/cli/simulate-args';

describe('training-data: rubric thresholds', () => {
  it('an empty or non-decimal value is refused, not read as 0', async () => {
    for (const [flag, v] of [['--min-followed', ''], ['--min-better-off', ' '], ['--min-followed', '0x1'], ['--min-better-off', 'Infinity']]) {
      await expect(parseTrainingDataArgs([flag, v])).rejects.toThrow(UsageError);
      await expect(parseTrainingDataArgs([`${flag}=${v}`])).rejects.toThrow(new RegExp(`^${flag} must be a number from 0 to 1`));
    }
  });

  it('decimal forms still read', async () => {
    expect((await parseTrainingDataArgs(['--min-followed', '0.25', '--min-better-off', '1']))?.mins).toEqual({ followed: 0.25, better_off: 1 });
    expect((await parseTrainingDataArgs(['--min-followed', '.5', '--min-better-off', '0']))?.mins).toEqual({ followed: 0.5, better_off: 0 });
  });
});

describe('training-data: --rival', () => {
  it('the same recommender as --recommender is refused (no pair could differ)', async () => {
    await expect(parseTrainingDataArgs(['--recommender', 'popular', '--rival', 'popular'])).rejects.toThrow(/^--rival "popular" is the --recommender itself: every preference pair would compare a list with itself; name another recommender$/);
    await expect(parseTrainingDataArgs(['--recommender', 'popular+follow'])).rejects.toThrow(/--rival "popular\+follow" is the --recommender itself/);
    expect(await parseTrainingDataArgs(['--recommender', 'popular', '--rival', 'popular+follow'])).not.toBeNull();
  });
});

describe('training-data: --chat and --dpo naming one file in two spellings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoworld-td-same-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused as the same spelling is (the two streams wrote over each other: a corrupt JSONL, exit 0)', async () => {
    const f = join(dir, 'a.jsonl');
    await expect(parseTrainingDataArgs(['--chat', f, '--dpo', join(dir, '.', 'a.jsonl')])).rejects.toThrow(/^--chat and --dpo name the same file/);
    await expect(parseTrainingDataArgs(['--chat', f, '--dpo', relative(process.cwd(), f)])).rejects.toThrow(/^--chat and --dpo name the same file/);
    writeFileSync(f, '');
    symlinkSync(f, join(dir, 'link.jsonl'));
    await expect(parseTrainingDataArgs(['--chat', f, '--dpo', join(dir, 'link.jsonl')])).rejects.toThrow(/^--chat and --dpo name the same file/);
    expect(await parseTrainingDataArgs(['--chat', f, '--dpo', join(dir, 'b.jsonl')])).not.toBeNull();
  });
});

describe('training-data: --chat or --dpo naming the --recommender-module file', () => {
  it('is refused, and the module stays (its code was written over with JSONL)', async () => {
    const { readFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'recoworld-td-module-'));
    try {
      const mod = join(dir, 'rec.mjs');
      writeFileSync(mod, 'export function recommend(req) { return { items: [] }; }\n');
      await expect(parseTrainingDataArgs(['--recommender-module', mod, '--dpo', join(dir, '.', 'rec.mjs')])).rejects.toThrow(/^--dpo ".*rec\.mjs" is the --recommender-module file this command reads; name another file$/);
      expect(readFileSync(mod, 'utf8')).toMatch(/^export function recommend/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('training-data: --recommender-module that neither --recommender nor --rival names', () => {
  it('is refused (loaded, its code run, never used); named as either it is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recoworld-td-unused-'));
    try {
      const mod = join(dir, 'mine.mjs');
      writeFileSync(mod, 'export function recommend(req) { return { items: [] }; }\n');
      await expect(parseTrainingDataArgs(['--recommender-module', mod, '--recommender', 'popular', '--rival', 'random'])).rejects.toThrow(/^--recommender-module .*mine\.mjs is loaded as module:mine, but neither --recommender \("popular"\) nor --rival \("random"\) names it: the module would not run$/);
      expect(await parseTrainingDataArgs(['--recommender-module', mod, '--recommender', 'popular', '--rival', 'module:mine+follow'])).not.toBeNull();
      expect(await parseTrainingDataArgs(['--recommender-module', mod])).toMatchObject({ name: 'module:mine' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
