/**
 * creator: --followers sets the followers of a new creator, the one a composed post
 * (--post, or a composed --variant) comes from. With only --item (a catalog creator keeps
 * the graph's followers) or with --edges (the graph is the file's), it changed nothing:
 * `--item sv-0100 --followers 0` and `--followers 40` gave the same figures, unsaid.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCreatorArgs } from '../../src/cli/creator-args';
import { UsageError } from '../../src/cli/simulate-args';

const dir = mkdtempSync(join(tmpdir(), 'recoworld-creator-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const post = join(dir, 'post.json');
writeFileSync(post, JSON.stringify({ title: 'Fishing at dawn', topic: 'fishing', format: 'short_video', durationSec: 30 }));
const edges = join(dir, 'edges.csv');
writeFileSync(edges, 'source,target,kind\n');

describe('creator: --followers where no new creator posts', () => {
  it('with only --item, or with --edges, it is refused', () => {
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--followers', '40'])).toThrow(UsageError);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--followers', '0'])).toThrow(/^--followers sets the followers of a new creator \(a composed --post or --variant\); --item posts as the item's own creator, who keeps the graph's followers$/);
    expect(() => parseCreatorArgs(['--post', post, '--followers', '40', '--edges', edges])).toThrow(/^--followers is not read with --edges: the graph, followers included, is the file's$/);
  });

  it('a composed post or variant still takes it', () => {
    expect(parseCreatorArgs(['--post', post, '--followers', '40', '--users', '100']).experiment.followers).toBe(40);
    expect(parseCreatorArgs(['--item', 'sv-0100', '--variant', post, '--followers', '40', '--users', '100']).experiment.followers).toBe(40);
    expect(parseCreatorArgs(['--item', 'sv-0100']).experiment.followers).toBe(200);
  });
});

describe('creator: a second strategy that is the first one again', () => {
  it('--compare-schedule equal to --schedule, or --variant the --post file, is refused (B - A of a strategy with itself, unsaid)', () => {
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--compare-schedule', 'once'])).toThrow(/^--compare-schedule once is the first strategy's schedule already \(--schedule once\); name another to compare$/);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--schedule', 'daily', '--compare-schedule', 'daily'])).toThrow(UsageError);
    expect(() => parseCreatorArgs(['--post', post, '--variant', join(dir, '.', 'post.json')])).toThrow(/^--variant names the --post file: both strategies would post the same; give another post$/);
    expect(parseCreatorArgs(['--item', 'sv-0100', '--schedule', 'daily', '--compare-schedule', 'once']).experiment.strategies).toHaveLength(2);
  });
});

describe('creator: an emptied --variant', () => {
  it('is refused like a missing file (--variant= ran strategy A alone, unsaid)', () => {
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--variant='])).toThrow(/^--variant /);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--variant', ''])).toThrow(UsageError);
  });
});

describe('creator: a post file with a bad field', () => {
  it('names the field and what it takes (every mistake was "strategies.0.post: Invalid input")', () => {
    const bad = join(dir, 'bad-post.json');
    writeFileSync(bad, JSON.stringify({ title: 'x', topic: 'fishing', format: 'video', durationSec: 30 }));
    expect(() => parseCreatorArgs(['--post', bad])).toThrow(/^--post .*bad-post\.json: format: .*short_video.*text_post/);
    writeFileSync(bad, JSON.stringify({ title: 'x', topic: 'fishing', durationSec: 1e9, colour: 'red' }));
    expect(() => parseCreatorArgs(['--post', bad])).toThrow(/^--post .*bad-post\.json: .*durationSec: .*36000/);
    expect(() => parseCreatorArgs(['--post', bad])).toThrow(/colour/);
    writeFileSync(bad, '[1, 2]');
    expect(() => parseCreatorArgs(['--post', bad])).toThrow(/^--post .*bad-post\.json: must hold one JSON object: a post \{"title", "topic", \.\.\.\} or \{"itemId"\}$/);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--variant', bad])).toThrow(/^--variant .*bad-post\.json: must hold one JSON object/);
  });
});

describe('creator: an audience found empty once the population is built', () => {
  it('is said on stderr and in the JSON (the lab says it; the command printed only zeros)', async () => {
    const { main } = await import('../../src/cli/creator');
    const { captureStdio } = await import('../helpers/capture-stdio');
    // sv-0100's creator has no follower among 50 users.
    const r = await captureStdio(() => main(['--item', 'sv-0100', '--users', '50', '--replicates', '1', '--json', '--quiet']));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.strategies[0].audienceSize).toBe(0);
    expect(json.warnings).toEqual(['Nobody was in the audience of strategy A (0 of 50 users): its figures are all 0; widen the audience or the population']);
    expect(r.err).toBe('creator: warning: Nobody was in the audience of strategy A (0 of 50 users): its figures are all 0; widen the audience or the population\n');
  }, 60_000);
});

describe('creator: a post file that gives a key twice', () => {
  it('is refused naming the key and its line (JSON.parse kept the last title, unsaid)', () => {
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, '{"title": "Fishing at dawn", "topic": "fishing",\n "title": "Fishing at dusk"}');
    expect(() => parseCreatorArgs(['--post', twice])).toThrow(UsageError);
    expect(() => parseCreatorArgs(['--post', twice])).toThrow(`--post ${twice}: the key "title" is given twice (line 2); JSON keeps only the last, so remove one`);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--variant', twice])).toThrow(/^--variant .*: the key "title" is given twice/);
  });
});

describe('creator: an emptied --post or --item', () => {
  it('is refused by name (--post= beside --item was skipped as if not given)', () => {
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--post='])).toThrow(UsageError);
    expect(() => parseCreatorArgs(['--item', 'sv-0100', '--post='])).toThrow(/^--post is empty: give a post JSON file$/);
    expect(() => parseCreatorArgs(['--post', post, '--item='])).toThrow(/^--item is empty: give a catalog item id$/);
    expect(() => parseCreatorArgs(['--post='])).toThrow(/^--post is empty/);
  });
});

describe('creator: an --edges file with no edges', () => {
  it('is refused, exit 2 (it ran on a graph with no tie and no follower, unsaid)', async () => {
    const { main } = await import('../../src/cli/creator');
    const { captureStdio } = await import('../helpers/capture-stdio');
    const empty = join(dir, 'empty-edges.csv');
    writeFileSync(empty, '');
    for (const file of [empty, edges]) {
      const r = await captureStdio(() => main(['--item', 'sv-0100', '--users', '50', '--replicates', '1', '--edges', file, '--quiet']));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`creator: ${file}: the file has no edges (one "source,target,kind" line per edge); without a file the graph is generated\n`);
    }
  }, 60_000);
});
