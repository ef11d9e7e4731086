// @vitest-environment node
/**
 * The worker RPC over a real MessageChannel pair (what a Worker uses underneath):
 * results, progress, errors as messages, cancel, unknown methods, overlapping calls,
 * non-cloneable arguments, and a crashed worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, serve, type Endpoint, type Method } from '../../src/worker/rpc';

type TestApi = {
  square: Method<number, number>;
  count: Method<{ to: number; delayMs: number }, { reached: number; cancelled: boolean }, number>;
  fail: Method<string, never>;
};

const open: MessagePort[] = [];
function pair(): { server: Endpoint; client: Endpoint } {
  const ch = new MessageChannel();
  open.push(ch.port1, ch.port2);
  return { server: ch.port1 as unknown as Endpoint, client: ch.port2 as unknown as Endpoint };
}
afterEach(() => open.splice(0).forEach((p) => p.close()));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serveTest(server: Endpoint) {
  return serve<TestApi>(server, {
    square: (n) => n * n,
    count: async ({ to, delayMs }, { progress, signal }) => {
      let i = 0;
      for (; i < to && !signal.aborted; i++) {
        progress(i + 1);
        await sleep(delayMs);
      }
      return { reached: i, cancelled: signal.aborted };
    },
    fail: (why) => {
      const e = new Error(`failed because ${why}`);
      e.name = 'RangeError';
      throw e;
    },
  });
}

describe('worker rpc', () => {
  it('returns results, streams progress, and keeps overlapping calls apart', async () => {
    const { server, client } = pair();
    serveTest(server);
    const c = connect<TestApi>(client);
    const seen: number[] = [];
    const [a, b, counted] = await Promise.all([c.call('square', 3), c.call('square', 12), c.call('count', { to: 4, delayMs: 1 }, { onProgress: (p) => seen.push(p) })]);
    expect([a, b]).toEqual([9, 144]);
    expect(counted).toEqual({ reached: 4, cancelled: false });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(c.pending).toBe(0);
  });

  it('passes errors as messages (name and message) and names unknown methods', async () => {
    const { server, client } = pair();
    serveTest(server);
    const c = connect<TestApi>(client);
    const err = await c.call('fail', 'the disk is full').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('RangeError');
    expect((err as Error).message).toBe('failed because the disk is full');
    await expect((c as unknown as { call(m: string, a: unknown): Promise<unknown> }).call('nope', 1)).rejects.toThrow(/Unknown method "nope". Known: square, count, fail/);
  });

  it('cancels: the handler sees the abort and the call settles with its partial answer', async () => {
    const { server, client } = pair();
    serveTest(server);
    const c = connect<TestApi>(client);
    const ac = new AbortController();
    const r = await c.call('count', { to: 10_000, delayMs: 2 }, { signal: ac.signal, onProgress: (p) => p === 3 && ac.abort() });
    expect(r.cancelled).toBe(true);
    expect(r.reached).toBeGreaterThanOrEqual(3);
    expect(r.reached).toBeLessThan(10_000);
    // Already aborted: rejected before anything is posted.
    await expect(c.call('square', 2, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses arguments that are not data, and fails every pending call when the worker dies', async () => {
    const { server, client } = pair();
    serveTest(server);
    const c = connect<TestApi>(client);
    await expect(c.call('square', (() => 1) as unknown as number)).rejects.toThrow(/not plain data/);
    const slow = c.call('count', { to: 1000, delayMs: 5 });
    c.close('Worker terminated');
    await expect(slow).rejects.toThrow('Worker terminated');
    // An 'error' event (a worker that failed to load) rejects with a clear message.
    const listeners: ((ev: unknown) => void)[] = [];
    const broken: Endpoint = { postMessage: () => {}, addEventListener: (t: string, fn: (ev: unknown) => void) => void (t === 'error' && listeners.push(fn)) } as unknown as Endpoint;
    const bc = connect<TestApi>(broken, 'Batch worker');
    const p = bc.call('square', 2);
    listeners.forEach((f) => f({ message: 'SyntaxError in module' }));
    await expect(p).rejects.toThrow('Batch worker failed: SyntaxError in module');
  });

  it('ignores messages that are not its own on a shared port', async () => {
    const { server, client } = pair();
    serveTest(server);
    const c = connect<TestApi>(client);
    (server as unknown as MessagePort).postMessage({ type: 'progress', id: 1, progress: 'foreign' });
    expect(await c.call('square', 5)).toBe(25);
  });
});
