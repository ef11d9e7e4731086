// @vitest-environment node
/**
 * A user's HTTP recommender (the Node example server on 127.0.0.1) runs in the REAL Batch
 * and Leaderboard worker entries like a built-in, "+follow" too: each entry installs the
 * fetch transport itself (the page's does not reach a worker). Entries are served on one
 * end of a MessageChannel, as tests/ui/worker-entries.test.ts does.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canCreateExternal } from '../../src/core/recommenders/remote/external';
import { createBatchClient } from '../../src/worker/batch-client';
import { createLeaderboardClient } from '../../src/worker/leaderboard-client';
// @ts-expect-error plain .mjs example without types
import { start as startExample } from '../../examples/node/server.mjs';
import { workerEntries } from './worker-entry';

const entries = workerEntries();
const startEntry = entries.start;

let server: Server;
let url = '';
beforeAll(async () => {
  server = await startExample(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/recommend`;
});
afterAll(async () => {
  entries.close();
  await new Promise((r) => server.close(r));
});

describe('HTTP recommenders in the worker entries', () => {
  it('batch.worker installs fetch and runs the URL and URL+follow beside a built-in', async () => {
    // Nothing installed the transport in this (fresh) module graph before the entry loads.
    expect(canCreateExternal(url)).toBe(false);
    const client = createBatchClient(await startEntry(() => import('../../src/worker/batch.worker')));
    expect(canCreateExternal(url)).toBe(true);
    const req = { run: { users: { kind: 'population' as const, size: 4 }, seed: 3, turns: 3, listSize: 4 }, recommenders: ['popular', url, `${url}+follow`] };
    const out = await client.run(req);
    expect(out.stopped).toBe(false);
    expect(out.rows.map((r) => r.recommender)).toEqual([...Array(4).fill('popular'), ...Array(4).fill(url), ...Array(4).fill(`${url}+follow`)]);
    for (const r of out.rows) expect(r.turns).toBeGreaterThan(0);
    // Seeded and the example server is deterministic: the same request gives the same rows.
    expect((await client.run(req)).rows).toEqual(out.rows);
    expect(out.summary.map((s) => [s.recommender, s.sessions, s.errors])).toEqual([['popular', 4, 0], [url, 4, 0], [`${url}+follow`, 4, 0]]);
    // A server that is not there: every session fails and is counted, no hang, no crash.
    const dead = await client.run({ ...req, recommenders: ['http://127.0.0.1:9/recommend'] });
    expect(dead.summary[0].errors).toBe(4);
    expect(dead.summary[0].watchSec.mean).toBe(0);
  }, 60_000);

  it('leaderboard.worker runs a URL as a base (plain and +follow)', async () => {
    const port = await startEntry(() => import('../../src/worker/leaderboard.worker'));
    const client = createLeaderboardClient(() => port);
    const r = await client.run({ bases: ['popular', url], users: 3, maxTurns: 3 });
    expect(r.rows.map((x) => x.recommender)).toEqual(['popular', 'popular+follow', url, `${url}+follow`]);
    const row = r.rows.find((x) => x.recommender === url)!;
    expect(row.sessions ?? 3).toBeGreaterThan(0);
  }, 120_000);
});
