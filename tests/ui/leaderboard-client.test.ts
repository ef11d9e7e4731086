// @vitest-environment node
/**
 * The leaderboard worker client against a fake worker that runs the real in-process
 * request (small benchmark): progress and result come through, errors reject, cancel
 * posts `cancel`, rejects with an AbortError, terminates the worker and a next run gets
 * a fresh one.
 */
import { describe, expect, it } from 'vitest';
import { createLeaderboardClient } from '../../src/worker/leaderboard-client';
import type { LeaderboardApi } from '../../src/worker/leaderboard-protocol';
import { runJudgeRequest, runLeaderboardRequest } from '../../src/worker/leaderboard-run';
import { serve, type Endpoint, type Handlers, type RpcMessage } from '../../src/worker/rpc';

/** A worker stand-in: the RPC served in this thread, recording what the page posted and whether it was terminated. */
class FakeWorker implements Endpoint {
  posted: RpcMessage[] = [];
  terminated = false;
  private readonly page: MessagePort;
  constructor(handlers: Partial<Handlers<LeaderboardApi>>) {
    const ch = new MessageChannel();
    serve<LeaderboardApi>(ch.port1 as unknown as Endpoint, handlers as Handlers<LeaderboardApi>);
    this.page = ch.port2;
  }
  postMessage(msg: unknown) {
    this.posted.push(msg as RpcMessage);
    this.page.postMessage(msg);
  }
  addEventListener(type: 'message' | 'error', fn: never) {
    if (type === 'message') this.page.addEventListener('message', fn);
  }
  start() {
    this.page.start();
  }
  terminate() {
    this.terminated = true;
    this.page.close();
  }
}

describe('createLeaderboardClient', () => {
  it('runs a request through the worker: progress, then the result', async () => {
    const workers: FakeWorker[] = [];
    const client = createLeaderboardClient(() => {
      const w = new FakeWorker({ run: (req, { progress }) => runLeaderboardRequest(req, { onProgress: progress }) });
      workers.push(w);
      return w;
    });
    const stages: string[] = [];
    const r = await client.run({ bases: ['popular'], users: 4, maxTurns: 3 }, { onProgress: (p) => stages.push(`${p.stage}:${p.done}/${p.total}`) });
    expect(r.rows.map((x) => x.recommender)).toEqual(['popular', 'popular+follow']);
    expect(r.benchmark.users).toBe(4);
    expect(stages).toEqual(['sessions:1/8', 'sessions:2/8', 'instructions:3/8', 'instructions:4/8', 'offline:5/8', 'offline:6/8', 'lists:7/8', 'lists:8/8']);
    expect(workers).toHaveLength(1);
  }, 60_000);

  it('judges through the worker: progress per recommender, then the JSONL of the kept sessions', async () => {
    const client = createLeaderboardClient(
      () =>
        new FakeWorker({ judge: (req, { progress }) => runJudgeRequest(req, { onProgress: (done, total, recommender) => progress({ done, total, recommender }) }) }),
    );
    const seen: string[] = [];
    const r = await client.judge({ bases: ['popular'], users: 6, maxTurns: 5 }, { onProgress: (d, t, name) => seen.push(`${d}/${t} ${name}`) });
    expect(seen).toEqual(['1/2 popular', '2/2 popular+follow']);
    expect(r.judge).toBe('rule');
    expect(r.rows.map((x) => x.sessions)).toEqual([6, 6]);
    expect(r.jsonl.split('\n').filter(Boolean)).toHaveLength(r.rows[0].passed + r.rows[1].passed);
  }, 60_000);

  it('rejects with the worker error message', async () => {
    const client = createLeaderboardClient(() => new FakeWorker({ run: () => Promise.reject(new Error('no catalog')) }));
    await expect(client.run({})).rejects.toThrow('no catalog');
  });

  it('cancels: posts cancel, rejects with AbortError, terminates, and starts a fresh worker next time', async () => {
    const workers: FakeWorker[] = [];
    const client = createLeaderboardClient(() => {
      const w = new FakeWorker({ run: () => new Promise(() => {}) });
      workers.push(w);
      return w;
    });
    const ac = new AbortController();
    const p = client.run({}, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].posted.map((m) => m.kind)).toEqual(['call', 'cancel']);
    expect(workers[0].terminated).toBe(true);
    void client.run({}).catch(() => {});
    await new Promise((r) => setTimeout(r, 0));
    expect(workers).toHaveLength(2);
    client.terminate();
  });
});
