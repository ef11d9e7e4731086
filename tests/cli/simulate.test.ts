import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const ML_FIXTURE = join(ROOT, 'tests/fixtures/movielens/ml-latest');
const tmp = mkdtempSync(join(tmpdir(), 'simulate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the CLI as `npm run simulate` does (tsx), without npm's own output. */
function simulate(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const withoutTiming = (o: Record<string, unknown>) => ({ ...o, timing: undefined });

describe('simulate --json', () => {
  it('prints exactly one JSON object with the summary fields, the same for the same seed', async () => {
    const args = ['--json', '--users', '4', '--seed', '7', '--recommender', 'content', '--turns', '5'];
    const [a, b, c] = await Promise.all([simulate(args), simulate(args), simulate([...args.slice(0, 4), '8', ...args.slice(5)])]);
    expect(a.code).toBe(0);
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    const ja = JSON.parse(a.stdout);
    for (const k of ['sessions', 'turns', 'decisions', 'instructions', 'meanWatchSeconds', 'meanItemsViewed', 'meanTurns', 'actions', 'recommender', 'simulator', 'seed', 'timing', 'ci']) {
      expect(ja).toHaveProperty(k);
    }
    expect(ja).toMatchObject({ sessions: 4, users: 4, recommender: 'content', simulator: 'rule-based', seed: 7, maxTurns: 5, catalog: 'shortvideo' });
    expect(Object.keys(ja.actions)).toEqual(['click', 'comment', 'share', 'like', 'watch', 'skip', 'leave']);
    expect(ja.decisions).toBeGreaterThan(0);
    expect(ja.meanTurns).toBeLessThanOrEqual(5);
    expect(ja.ci.watchSeconds.n).toBe(4);
    expect(ja.ci.watchSeconds.lo).toBeLessThanOrEqual(ja.meanWatchSeconds);
    expect(withoutTiming(JSON.parse(b.stdout))).toEqual(withoutTiming(ja));
    expect(withoutTiming(JSON.parse(c.stdout))).not.toEqual(withoutTiming(ja));
  });

  it('with --no-instructions runs one list per session and never instructs', async () => {
    const r = await simulate(['--json', '--users', '3', '--no-instructions']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ sessions: 3, turns: 3, instructions: 0, instructionsEnabled: false });
  });

  it('runs several sessions per user and more users than personas', async () => {
    const r = await simulate(['--json', '--users', '30', '--sessions', '3', '--turns', '3', '--quiet']);
    const j = JSON.parse(r.stdout);
    expect(j.users).toBe(30);
    expect(j.sessions).toBeGreaterThanOrEqual(30);
    expect(j.sessions).toBeLessThanOrEqual(90);
    expect(r.stderr).toBe('');
  });

  it('runs an instruction-following recommender (NAME+follow)', async () => {
    const r = await simulate(['--json', '--users', '3', '--recommender', 'content+follow']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ recommender: 'content+follow', sessions: 3 });
  });

  it('reads a MovieLens folder', async () => {
    const r = await simulate(['--json', '--catalog', ML_FIXTURE, '--users', '2', '--recommender', 'item-knn']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ catalog: 'ml-latest', users: 2, recommender: 'item-knn' });
  });
});

describe('simulate --out', () => {
  it('writes one line per session with Gym-style transitions', async () => {
    const file = join(tmp, 'run.jsonl');
    const r = await simulate(['--json', '--users', '3', '--out', file, '--reward', 'engagement']);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(JSON.parse(r.stdout).sessions);
    for (const line of lines) {
      expect(line.transitions.length).toBeGreaterThan(0);
      for (const t of line.transitions) {
        expect(Object.keys(t).sort()).toEqual(['action', 'info', 'observation', 'reward', 'terminated', 'truncated']);
        expect(Array.isArray(t.action.itemIds)).toBe(true);
        expect(t.observation.userId).toBe(line.userId);
        expect(Number.isFinite(t.reward)).toBe(true);
      }
      const last = line.transitions[line.transitions.length - 1];
      expect(last.terminated || last.truncated).toBe(true);
      expect(last.info.endReason).toBe(line.endReason);
      expect(line.transitions.slice(0, -1).every((t: { terminated: boolean; truncated: boolean }) => !t.terminated && !t.truncated)).toBe(true);
    }
  });
});

describe('simulate: bad options exit with code 2', () => {
  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--users', 'many'], /--users must be a whole number/],
    [['--list-size', '1000'], /--list-size must be between 1 and 100/],
    [['--recommender', 'nope'], /--recommender "nope" is unknown. Known: .*popular/],
    [['--reward', 'dwell'], /--reward must be one of watch, clicks, likes, engagement/],
    [['--catalog', 'no-such-catalog'], /neither a built-in catalog/],
    [['--seed'], /argument missing|--seed/],
    [['stray'], /positional|Unexpected argument/i],
  ])('%j', async (args, message) => {
    const r = await simulate(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });

  it('a malformed dataset fails with the file and line (exit 1)', async () => {
    const dir = join(tmp, 'bad-ml');
    mkdirSync(dir);
    copyFileSync(join(ML_FIXTURE, 'movies.csv'), join(dir, 'movies.csv'));
    writeFileSync(join(dir, 'ratings.csv'), 'userId,movieId,rating,timestamp\n1,1,4.0,1000\n1,2,lots,1001\n');
    const r = await simulate(['--catalog', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ratings\.csv:\d+:/);
  });

  it('without --json prints a transcript of a single session and the summary table', async () => {
    const r = await simulate(['--recommender', 'trending', '--turns', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Session trending\/persona-maya\//);
    expect(r.stdout).toMatch(/List 1 \(5 items/); // the table's default list size (was the CLI's own 10)
    expect(r.stdout).toMatch(/watch seconds \/ session/);
  });

  it('--help prints the options', async () => {
    const r = await simulate(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--no-instructions/);
  });
});
