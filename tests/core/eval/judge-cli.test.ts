/** `npm run evaluate -- --protocol judge|leaderboard`: options parse, the JSONL file holds the kept sessions. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseEvaluateArgs } from '../../../src/cli/evaluate';

describe('evaluate --protocol judge', () => {
  it('writes one JSONL line per kept session and reports per recommender', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'judge-'));
    try {
      const out = join(dir, 'kept.jsonl');
      const o = parseEvaluateArgs(['--protocol', 'judge', '--users', '6', '--recommenders', 'popular', '--turns', '5', '--out', out])!;
      expect(o).toMatchObject({ protocol: 'judge', users: 6, out });
      const res = (await evaluate(o)) as { kept: number; recommenders: Record<string, { sessions: number; judged: number; passed: number }> };
      expect(Object.keys(res.recommenders)).toEqual(['popular', 'popular+follow']);
      expect(res.recommenders.popular.sessions).toBe(6);
      const lines = (await readFile(out, 'utf8')).split('\n').filter(Boolean);
      expect(lines).toHaveLength(res.kept);
      expect(res.kept).toBe(res.recommenders.popular.passed + res.recommenders['popular+follow'].passed);
      for (const l of lines) expect(JSON.parse(l).verdict.pass).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs the leaderboard protocol with its Markdown table', async () => {
    const o = parseEvaluateArgs(['--protocol', 'leaderboard', '--users', '4', '--recommenders', 'random', '--turns', '3'])!;
    const res = (await evaluate(o)) as { rows: { recommender: string }[]; markdown: string };
    expect(res.rows.map((r) => r.recommender)).toEqual(['random', 'random+follow']);
    expect(res.markdown).toContain('| random+follow |');
  }, 60_000);
});
