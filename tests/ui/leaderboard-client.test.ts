/**
 * The leaderboard worker client against a fake worker that runs the real in-process
 * request (small benchmark): progress and result come through, errors reject, cancel
 * posts `cancel`, rejects with an AbortError, terminates the worker and a next run gets
 * a fresh one.
 */
import { describe, expect, it } from 'vitest';
import { createLeaderboardClient, type LeaderboardWorkerLike } from '../../src/worker/leaderboard-client';
import type { FromLeaderboardWorker, ToLeaderboardWorker } from '../../src/worker/leaderboard-protocol';
import { runJudgeRequest, runLeaderboardRequest } from '../../src/worker/leaderboard-run';

class FakeWorker implements LeaderboardWorkerLike {
  posted: ToLeaderboardWorker[] = [];
  terminated = false;
  private onMsg: ((ev: MessageEvent<FromLeaderboardWorker>) => void)[] = [];
  constructor(private readonly behave: (m: ToLeaderboardWorker, send: (m: FromLeaderboardWorker) => void) => void) {}
  postMessage(msg: ToLeaderboardWorker) {
    this.posted.push(msg);
    this.behave(msg, (m) => queueMicrotask(() => this.onMsg.forEach((f) => f({ data: m } as MessageEvent<FromLeaderboardWorker>))));
  }
  addEventListener(type: 'message' | 'error', fn: never) {
    if (type === 'message') this.onMsg.push(fn);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('createLeaderboardClient', () => {
  it('runs a request through the worker: progress, then the result', async () => {
    const workers: FakeWorker[] = [];
    const client = createLeaderboardClient(() => {
      const w = new FakeWorker((m, send) => {
        if (m.type !== 'start') return;
        void runLeaderboardRequest(m.request, { onProgress: (progress) => send({ type: 'progress', id: m.id, progress }) }).then((result) =>
          send({ type: 'result', id: m.id, result, elapsedMs: 1 }),
        );
      });
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
        new FakeWorker((m, send) => {
          if (m.type !== 'judge') return;
          void runJudgeRequest(m.request, { onProgress: (done, total, recommender) => send({ type: 'judge-progress', id: m.id, done, total, recommender }) }).then((outcome) =>
            send({ type: 'judged', id: m.id, outcome }),
          );
        }),
    );
    const seen: string[] = [];
    const r = await client.judge({ bases: ['popular'], users: 6, maxTurns: 5 }, { onProgress: (d, t, name) => seen.push(`${d}/${t} ${name}`) });
    expect(seen).toEqual(['1/2 popular', '2/2 popular+follow']);
    expect(r.judge).toBe('rule');
    expect(r.rows.map((x) => x.sessions)).toEqual([6, 6]);
    expect(r.jsonl.split('\n').filter(Boolean)).toHaveLength(r.rows[0].passed + r.rows[1].passed);
  }, 60_000);

  it('rejects with the worker error message', async () => {
    const client = createLeaderboardClient(() => new FakeWorker((m, send) => m.type === 'start' && send({ type: 'error', id: m.id, message: 'no catalog', cancelled: false })));
    await expect(client.run({})).rejects.toThrow('no catalog');
  });

  it('cancels: posts cancel, rejects with AbortError, terminates, and starts a fresh worker next time', async () => {
    const workers: FakeWorker[] = [];
    const client = createLeaderboardClient(() => {
      const w = new FakeWorker(() => {});
      workers.push(w);
      return w;
    });
    const ac = new AbortController();
    const p = client.run({}, { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].posted.map((m) => m.type)).toEqual(['start', 'cancel']);
    expect(workers[0].terminated).toBe(true);
    void client.run({}).catch(() => {});
    expect(workers).toHaveLength(2);
    client.terminate();
  });
});
