// @vitest-environment node
/**
 * The REAL worker entries (batch.worker.ts, leaderboard.worker.ts), each served on one end
 * of a MessageChannel (what a Worker's `self` is underneath) and driven by the real page
 * clients on the other end: results, progress, cancel and errors as messages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchClient } from '../../src/worker/batch-client';
import { runBatchRequest } from '../../src/worker/batch-run';
import { createLeaderboardClient } from '../../src/worker/leaderboard-client';
import { runLeaderboardRequest } from '../../src/worker/leaderboard-run';
import type { BatchRequest } from '../../src/worker/protocol';
import { workerEntries } from './worker-entry';

const entries = workerEntries();
const startEntry = entries.start;
afterAll(() => {
  entries.close();
});

const small: BatchRequest = { run: { users: { kind: 'population', size: 6 }, seed: 5, turns: 4, listSize: 4 }, recommenders: ['popular', 'content+follow'] };

describe('batch.worker entry', () => {
  it('runs, reports progress, cancels after the current user, and reports errors', async () => {
    const client = createBatchClient(await startEntry(() => import('../../src/worker/batch.worker')));
    const seen: number[] = [];
    const out = await client.run(small, { onProgress: (p) => seen.push(p.done) });
    expect(out.rows).toEqual((await runBatchRequest(small)).rows);
    expect(seen).toEqual([...Array(12).keys()].map((i) => i + 1));

    const ac = new AbortController();
    const big = { ...small, run: { ...small.run, users: { kind: 'population' as const, size: 400 } } };
    const res = await client.run(big, { signal: ac.signal, onProgress: (p) => p.done >= 2 && ac.abort() });
    expect(res.stopped).toBe(true);
    expect(res.rows.length).toBeGreaterThanOrEqual(2);
    expect(res.rows.length).toBeLessThan(800);

    await expect(client.run({ ...small, recommenders: ['no-such-recommender'] })).rejects.toThrow(/no-such-recommender/);
    await expect(client.run({ ...small, run: { ...small.run, listSize: 0 } })).rejects.toThrow(/listSize/);
  }, 60_000);
});

describe('leaderboard.worker entry', () => {
  it('runs and judges with progress; errors come back as messages', async () => {
    const port = await startEntry(() => import('../../src/worker/leaderboard.worker'));
    const client = createLeaderboardClient(() => port);
    const stages: string[] = [];
    const req = { bases: ['popular'], users: 4, maxTurns: 3 };
    const r = await client.run(req, { onProgress: (p) => stages.push(`${p.stage}:${p.done}/${p.total}`) });
    expect(r.rows.map((x) => x.recommender)).toEqual(['popular', 'popular+follow']);
    expect(stages).toEqual(['sessions:1/8', 'sessions:2/8', 'instructions:3/8', 'instructions:4/8', 'offline:5/8', 'offline:6/8', 'lists:7/8', 'lists:8/8']);
    expect(r.rows).toEqual((await runLeaderboardRequest(req)).rows);

    const seen: string[] = [];
    const j = await client.judge({ bases: ['popular'], users: 6, maxTurns: 5 }, { onProgress: (d, t, name) => seen.push(`${d}/${t} ${name}`) });
    expect(seen).toEqual(['1/2 popular', '2/2 popular+follow']);
    expect(j.rows.map((x) => x.sessions)).toEqual([6, 6]);

    await expect(client.run({ bases: ['nope'], users: 2 })).rejects.toThrow(/nope/);
  }, 120_000);
});
