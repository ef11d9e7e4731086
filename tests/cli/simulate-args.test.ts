import { describe, expect, it } from 'vitest';
import { DEFAULTS, UsageError, cliArgsOf, parseSimulateArgs } from '../../src/cli/simulate-args';
import { canonicalJson, defaultRunDescription, parseRunDescription } from '../../src/core/run';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgress } from '../../src/cli/progress';
import { summarize, type SessionRecord } from '../../src/cli/summarize';

describe('parseSimulateArgs', () => {
  // The defaults are the run description's table (the playground's), no longer the CLI's own
  // 10 items / 10 turns / seed 42 / popular (issue 9: the two had drifted apart).
  it('has the documented defaults: the run description table', () => {
    const o = parseSimulateArgs([]);
    expect(o).toMatchObject({
      catalog: 'shortvideo', users: 1, simulator: 'rule-based', recommender: 'content+follow', seed: 7,
      turns: 6, listSize: 5, instructions: true, sessions: 1, reward: 'watch', out: null, json: false,
    });
    expect(DEFAULTS.recommender).toBe('content+follow');
    expect(o.run).toEqual(defaultRunDescription());
    expect(o.userGiven).toBe(false);
  });
  it('the flags are an encoding of the run description (round trip)', () => {
    const d = parseRunDescription({
      users: { kind: 'user', id: 'persona-leo', edits: { age: 30 } },
      recommender: { name: 'item-knn', follow: true, planner: 'rules', params: { neighbours: 20, coldScale: 0.25 } },
      seed: 99, listSize: 100, turns: 1000, sessions: 3, instructions: false, reward: 'likes',
      context: { timeOfDay: 'morning', dayOfWeek: 3, device: 'desktop', location: 'Fresno, CA' },
      firstList: ['sv-1', 'sv-2'],
    });
    expect(canonicalJson(parseSimulateArgs(cliArgsOf(d)).run)).toBe(canonicalJson(d));
    const pop = parseRunDescription({ users: { kind: 'population', size: 250 }, recommender: { name: 'popular', follow: false } });
    expect(canonicalJson(parseSimulateArgs(cliArgsOf(pop)).run)).toBe(canonicalJson(pop));
  });
  it('reads a run description file; options given as well override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-desc-'));
    const file = join(dir, 'run.json');
    writeFileSync(file, JSON.stringify({ seed: 3, recommender: { name: 'mf-bpr', params: { factors: 8 } }, users: { kind: 'population', size: 40 } }));
    const o = parseSimulateArgs(['--run', file, '--seed', '4', '--rec-param', 'epochs=2']);
    expect(o.run).toMatchObject({ seed: 4, users: { kind: 'population', size: 40 }, recommender: { name: 'mf-bpr', follow: true, params: { factors: 8, epochs: 2 } } });
    expect(o.userGiven).toBe(true);
    writeFileSync(file, '{"seed": 3,');
    expect(() => parseSimulateArgs(['--run', file])).toThrow(/--run .*not JSON/);
    writeFileSync(file, '{"listSize": 0}');
    expect(() => parseSimulateArgs(['--run', file])).toThrow(/run description: listSize/);
    expect(() => parseSimulateArgs(['--run', join(dir, 'missing.json')])).toThrow(/cannot read it \(ENOENT\)/);
  });
  it('refuses a --run file that gives a key twice, naming it (JSON.parse kept the last, unsaid)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-desc-'));
    const file = join(dir, 'run.json');
    writeFileSync(file, '{\n  "seed": 3,\n  "listSize": 8,\n  "seed": 5\n}\n');
    expect(() => parseSimulateArgs(['--run', file])).toThrow(UsageError);
    expect(() => parseSimulateArgs(['--run', file])).toThrow(`--run ${file}: the key "seed" is given twice (line 4); JSON keeps only the last, so remove one`);
    writeFileSync(file, JSON.stringify({ recommender: { name: 'mf-bpr', params: { factors: 8 } } }).replace('"factors":8', '"factors":8,"factors":16'));
    expect(() => parseSimulateArgs(['--run', file])).toThrow(/: the key "factors" is given twice in recommender\.params \(line 1\)/);
    writeFileSync(file, JSON.stringify({ seed: 3, recommender: { name: 'mf-bpr', params: { factors: 8 } } }));
    expect(parseSimulateArgs(['--run', file]).run.seed).toBe(3);
  });
  it('checks recommender parameters against the registry', () => {
    expect(parseSimulateArgs(['--recommender', 'mf-bpr', '--rec-param', 'factors=16']).run.recommender.params).toEqual({ factors: 16 });
    expect(() => parseSimulateArgs(['--recommender', 'mf-bpr', '--rec-param', 'factor=16'])).toThrow(/no parameter "factor". Known: factors/);
    expect(() => parseSimulateArgs(['--recommender', 'mf-bpr', '--rec-param', 'factors=0'])).toThrow(/factors must be between 1 and 256/);
    expect(() => parseSimulateArgs(['--rec-param', 'factors'])).toThrow(/--rec-param must be NAME=VALUE/);
    expect(() => parseSimulateArgs(['--rec-param', 'factors=lots'])).toThrow(/--rec-param factors must be a number/);
    // The same parameter twice kept the last, unsaid.
    expect(() => parseSimulateArgs(['--recommender', 'mf-bpr', '--rec-param', 'factors=8', '--rec-param', 'factors=16'])).toThrow(/^--rec-param factors is given twice \(8 and 16\): give it once$/);
    expect(parseSimulateArgs(['--recommender', 'mf-bpr', '--rec-param', 'factors=8', '--rec-param', 'epochs=2']).run.recommender.params).toEqual({ factors: 8, epochs: 2 });
    expect(() => parseSimulateArgs(['--user', 'a', '--users', '3'])).toThrow(/give one of the two/);
  });
  it('reads every option', () => {
    const o = parseSimulateArgs(['--catalog', 'x', '--users', '5', '--seed', '0', '--turns', '3', '--list-size', '4', '--no-instructions', '--sessions', '2', '--reward', 'likes', '--out', 'a.jsonl', '--json', '--quiet']);
    expect(o).toMatchObject({ catalog: 'x', users: 5, seed: 0, turns: 3, listSize: 4, instructions: false, sessions: 2, reward: 'likes', out: 'a.jsonl', json: true, quiet: true });
  });
  it('refuses bad values with a UsageError naming the option', () => {
    expect(() => parseSimulateArgs(['--seed', '-1'])).toThrow(UsageError);
    expect(() => parseSimulateArgs(['--seed', '4294967296'])).toThrow(/--seed must be between 0 and 4294967295/);
    expect(() => parseSimulateArgs(['--turns', '2.5'])).toThrow(/--turns must be a whole number/);
    expect(() => parseSimulateArgs(['--json=yes'])).toThrow(UsageError);
    expect(() => parseSimulateArgs(['--out', ''])).toThrow(/--out needs a file name/);
  });

  it('refuses a recommender URL that itself ends in +follow (it would run the URL before it)', () => {
    // One "+follow" asks for instruction following; the URL before it must not end in another.
    expect(parseSimulateArgs(['--recommender', 'http://127.0.0.1:8000/rec+follow']).run.recommender).toMatchObject({ name: 'http://127.0.0.1:8000/rec', follow: true });
    expect(() => parseSimulateArgs(['--recommender', 'http://127.0.0.1:8000/rec+follow+follow'])).toThrow(/--recommender: the URL ends in "\+follow"/);
  });
});

describe('progress', () => {
  it('draws a bar on a terminal and ends the line', () => {
    const written: string[] = [];
    const stream = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = createProgress(4, 'users', stream);
    p.update(4, '4 sessions');
    p.finish();
    expect(written[0]).toMatch(/^\r\[#{30}\] 4\/4 users .* 4 sessions/);
    expect(written[1]).toBe('\n');
  });
});

describe('summarize', () => {
  const rec = (over: Partial<SessionRecord>): SessionRecord => ({
    userId: 'u', watchSec: 0, itemsViewed: 0, turns: 1, decisions: 0, instructions: 0, reward: 0, sessionSec: 0, returnProbability: 0.5,
    actions: { click: 0, comment: 0, share: 0, like: 0, watch: 0, skip: 0, leave: 0 }, endReason: 'left_silent',
    llmCalls: 0, fallbacks: 0, promptTokens: 0, completionTokens: 0, llmLatencyMs: 0, ...over,
  });
  it('totals, means and counts (hand-computed)', () => {
    const s = summarize([
      rec({ userId: 'a', watchSec: 10, itemsViewed: 4, turns: 2, decisions: 4, instructions: 1, actions: { click: 1, comment: 0, share: 0, like: 2, watch: 3, skip: 1, leave: 1 } }),
      rec({ userId: 'b', watchSec: 30, itemsViewed: 6, turns: 1, decisions: 6, endReason: 'time_up', actions: { click: 0, comment: 1, share: 0, like: 0, watch: 5, skip: 1, leave: 1 } }),
    ]);
    expect(s).toMatchObject({ sessions: 2, users: 2, turns: 3, decisions: 10, instructions: 1, meanWatchSeconds: 20, meanItemsViewed: 5, meanTurns: 1.5 });
    expect(s.actions).toEqual({ click: 1, comment: 1, share: 0, like: 2, watch: 8, skip: 2, leave: 2 });
    expect(s.endReasons).toEqual({ left_silent: 1, time_up: 1 });
    // mean 20, s = 14.142, se = 10, t(0.975, 1) = 12.706 -> [-107.06, 147.06]; watch time
    // cannot be negative, so the interval stops at 0 (the mean is not moved).
    expect(s.ci.watchSeconds.lo).toBe(0);
    expect(s.ci.watchSeconds.hi).toBeCloseTo(147.062, 2);
    expect(s.ci.watchSeconds.mean).toBe(20);
    expect(s.llm).toBeUndefined();
  });
});

describe('--llm-representation', () => {
  const llm = ['--simulator', 'llm', '--llm-url', 'http://127.0.0.1:1/v1', '--llm-model', 'm'];
  it('defaults to text and takes sid or sid-counts', () => {
    expect(parseSimulateArgs(llm).llmRepresentation).toBe('text');
    expect(parseSimulateArgs([...llm, '--llm-representation', 'sid']).llmRepresentation).toBe('sid');
    expect(parseSimulateArgs([...llm, '--llm-representation', 'sid-counts']).llmRepresentation).toBe('sid-counts');
  });
  it('refuses an unknown mode, naming the choices, and the flag without --simulator llm', () => {
    expect(() => parseSimulateArgs([...llm, '--llm-representation', 'codes'])).toThrow(/--llm-representation must be one of text, sid, sid-counts, got "codes"/);
    expect(() => parseSimulateArgs(['--llm-representation', 'sid'])).toThrow(UsageError);
    expect(() => parseSimulateArgs(['--llm-representation', 'sid'])).toThrow(/only applies with --simulator llm/);
  });
});
