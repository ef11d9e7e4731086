import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCreatorArgs } from '../../src/cli/creator-args';

const ROOT = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'creator-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the CLI as `npm run creator` does (tsx), without npm's own output. */
function creator(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/creator.ts', ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const post = join(tmp, 'post.json');
writeFileSync(post, JSON.stringify({ title: 'Hauling lobster traps at sunrise', topic: 'fishing', format: 'short_video', durationSec: 35 }));

describe('npm run creator --json', () => {
  it('prints one JSON object: horizons x metrics x quantiles, replicates, seed, audienceSize; the same for the same seed', async () => {
    const args = ['--post', post, '--users', '300', '--followers', '50', '--replicates', '4', '--seed', '7', '--json'];
    const [a, b, c] = await Promise.all([creator(args), creator(args), creator([...args.slice(0, 7), '8', '--json'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(a.stdout);
    expect(Object.keys(j.horizons)).toEqual(['6h', '12h', '24h', '2d', '1w']);
    for (const h of Object.values(j.horizons) as Record<string, Record<string, number>>[]) {
      expect(Object.keys(h)).toEqual(['views', 'likes', 'comments', 'shares', 'follows']);
      for (const q of Object.values(h)) expect(Object.keys(q)).toEqual(['p5', 'p25', 'p50', 'p75', 'p95']);
    }
    expect(j).toMatchObject({ replicates: 4, seed: 7, audienceSize: 50, users: 300 });
    expect(j.horizons['1w'].views.p50).toBeGreaterThan(0);
    expect(JSON.parse(b.stdout)).toEqual(j);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).horizons).not.toEqual(j.horizons);
  }, 120_000);

  it('targets a group and compares two schedules (B - A with an interval)', async () => {
    const r = await creator(['--item', 'sv-0100', '--audience', 'target:13-17,18-24:US,Canada', '--users', '300', '--replicates', '3', '--compare-schedule', 'daily', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.strategies).toHaveLength(2);
    expect(j.audienceSize).toBeGreaterThan(0);
    expect(j.audienceSize).toBeLessThan(300);
    const d = j.difference['1w'].views;
    expect(d.lo).toBeLessThanOrEqual(d.mean);
    expect(d.hi).toBeGreaterThanOrEqual(d.mean);
  }, 120_000);

  it('runs on a MovieLens folder: its users are the population\'s bases, genres are the topics', async () => {
    const mlPost = join(tmp, 'ml-post.json');
    writeFileSync(mlPost, JSON.stringify({ title: 'A new comedy short', topic: 'comedy', format: 'movie', durationSec: 600 }));
    const ml = join(ROOT, 'tests/fixtures/movielens/ml-latest');
    const r = await creator(['--catalog', ml, '--post', mlPost, '--users', '120', '--followers', '40', '--replicates', '2', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ users: 120, audienceSize: 40, replicates: 2 });
    expect(j.horizons['1w'].views.p50).toBeGreaterThan(0);
  }, 120_000);

  it('bad options and bad files: exit 2 with the reason', async () => {
    const edges = join(tmp, 'edges.csv');
    writeFileSync(edges, '0,1,friend\n0,1,cousin\n');
    const badTopic = join(tmp, 'bad-topic.json');
    writeFileSync(badTopic, JSON.stringify({ title: 'x', topic: 'Comedy' }));
    const [bad, none, e, topic] = await Promise.all([
      creator(['--post', post, '--audience', 'target:teens:US']),
      creator(['--users', '10']),
      creator(['--post', post, '--users', '20', '--replicates', '1', '--edges', edges]),
      creator(['--post', badTopic, '--users', '20', '--replicates', '1']),
    ]);
    expect(topic.code).toBe(2);
    expect(topic.stderr).toMatch(/post\.topic: "Comedy" is not a topic of the catalog "shortvideo" \(known: fishing/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown age band "teens"/);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--post FILE or --item ID/);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`${edges}:2: unknown kind "cousin"`);
  }, 120_000);

  it('followers or a general sample larger than the population are refused (they ran on all of it, unsaid); the defaults shrink to it', () => {
    expect(() => parseCreatorArgs(['--post', post, '--users', '100', '--followers', '200'])).toThrow(/--followers 200 is more than the population's 100 users/);
    expect(() => parseCreatorArgs(['--post', post, '--users', '100', '--audience', 'general:300'])).toThrow(/--audience general:300: the sample is more than the population's 100 users/);
    expect(parseCreatorArgs(['--post', post, '--users', '100', '--followers', '100']).experiment).toMatchObject({ users: 100, followers: 100 });
    const small = parseCreatorArgs(['--post', post, '--users', '20', '--audience', 'general']).experiment as { followers: number; strategies: { audience: unknown }[] };
    expect(small.followers).toBe(20);
    expect(small.strategies[0].audience).toEqual({ kind: 'general', size: 20 });
    expect(parseCreatorArgs(['--post', post]).experiment).toMatchObject({ users: 2000, followers: 200 });
    // A composed post to a new creator's 0 followers reaches nobody (replicates of zeros, unsaid).
    expect(() => parseCreatorArgs(['--post', post, '--followers', '0'])).toThrow(/--followers 0 with --audience followers: .*reaches nobody/);
    expect(parseCreatorArgs(['--post', post, '--followers', '0', '--audience', 'general:100']).experiment).toMatchObject({ followers: 0 });
  });
});
