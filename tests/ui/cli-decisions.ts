/**
 * The CLI's side of the "same run everywhere" tests: run `npm run simulate`'s main with the
 * given flags (output to a temporary JSONL file, stdout muted) and return the first
 * session's decisions as canonical JSON, rebuilt from its transitions.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { main as simulateMain } from '../../src/cli/simulate';
import { canonicalJson, trajectoryDecisions } from '../../src/core/run';
import type { Trajectory } from '../../src/core/types';

export async function cliDecisions(args: string[]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'same-run-')), 'out.jsonl');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  let code: number;
  try {
    code = await simulateMain([...args, '--json', '--quiet', '--out', file]);
  } finally {
    write.mockRestore();
  }
  expect(code).toBe(0);
  const line = JSON.parse(readFileSync(file, 'utf8').trim().split('\n')[0]);
  const t = {
    userId: line.userId,
    recommender: line.recommender,
    seed: line.seed,
    endReason: line.endReason,
    turns: line.transitions.map((x: { action: Trajectory['turns'][0]['slate']; reward: number; info: { decisions: unknown; reflection: unknown } }) => ({
      slate: x.action,
      decisions: x.info.decisions,
      reflection: x.info.reflection,
      reward: x.reward,
    })),
  } as unknown as Trajectory;
  return canonicalJson(trajectoryDecisions(t));
}
