/**
 * The environment server on a real 127.0.0.1 port: same seed, same episode whether it is
 * driven in-process, over HTTP from Node, or from the Python client (where python3
 * exists); bad requests get clear errors and lose nothing; a port already in use is one
 * line on stderr and exit 1.
 */
import { execFile, spawnSync, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEnvServer, envConfig, listenErrorMessage } from '../../src/cli/serve-env';
import { RecoEnv } from '../../src/core/env/reco-env';
import { EnvService, type EnvServiceConfig } from '../../src/core/rl/env-service';
import { simulators } from '../../src/core/simulator/registry';
import type { Observation } from '../../src/core/types';
import { defaultContext } from '../../src/core/users/context';

let server: Server;
let base: string;
let cfg: EnvServiceConfig;

beforeAll(async () => {
  cfg = (await envConfig(['--users', '20'])).cfg;
  server = createEnvServer(new EnvService(cfg));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

async function call(method: string, path: string, body?: unknown, raw?: string) {
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  return { status: res.status, json: await res.json() };
}

const firstUnshown = (obs: Observation, ids: string[], k: number) => ids.filter((id) => !obs.shown.includes(id)).slice(0, k);

/** The episode driven in-process on RecoEnv directly. */
async function direct(seed: number, userId: string) {
  const user = cfg.users.find((u) => u.id === userId)!;
  const env = new RecoEnv({
    catalog: cfg.catalog, user, context: defaultContext(user), simulator: simulators.get('rule-based').create(),
    recommenderName: 'agent', maxTurns: cfg.maxTurns, instructionsEnabled: cfg.instructionsEnabled, reward: cfg.reward,
  });
  let obs = (await env.reset({ seed })).observation;
  const rewards: number[] = [];
  const ids = cfg.catalog.items.map((i) => i.id);
  for (;;) {
    const r = await env.step({ itemIds: firstUnshown(obs, ids, cfg.listSize) });
    rewards.push(r.reward);
    if (r.terminated || r.truncated) return { rewards, endReason: r.info.endReason, metrics: env.trajectory().metrics };
    obs = r.observation;
  }
}

/** The same episode over HTTP from Node. */
async function overHttp(seed: number, userId: string) {
  const spec = (await call('GET', '/spec')).json;
  let obs = (await call('POST', '/reset', { seed, user: userId })).json.observation as Observation;
  const rewards: number[] = [];
  for (;;) {
    const r = (await call('POST', '/step', { items: firstUnshown(obs, spec.action.itemIds, spec.k) })).json;
    rewards.push(r.reward);
    if (r.terminated || r.truncated) return { rewards, endReason: r.info.endReason, metrics: r.info.metrics };
    obs = r.observation;
  }
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('serve-env', () => {
  it('same seed, same episode: in-process and over HTTP from Node', async () => {
    const user = cfg.users[3].id;
    const a = await direct(42, user);
    const b = await overHttp(42, user);
    expect(b).toEqual(a);
    expect(a.rewards.length).toBeGreaterThan(0);
    const c = await overHttp(43, user);
    expect(c).not.toEqual(a);
  });

  it.skipIf(!hasPython)('same seed, same episode from the Python client (python3 present)', async () => {
    const user = cfg.users[3].id;
    const expected = await direct(42, user);
    // Async spawn: the server runs in this process, so a blocking spawnSync would deadlock.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('python3', ['examples/python/recoworld_env.py', '--url', base, '--seed', '42', '--user', user]);
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => (child.kill(), reject(new Error('python client took over 60 s'))), 60_000);
      child.stdout.on('data', (d) => (stdout += String(d)));
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.on('exit', (code) => (clearTimeout(timer), code === 0 ? resolve(stdout) : reject(new Error(`python exited ${code}: ${stderr}`))));
    });
    expect(JSON.parse(out)).toEqual({ rewards: expected.rewards, endReason: expected.endReason, metrics: expected.metrics });
  });

  it('refuses bad requests in plain words, and an invalid slate loses nothing', async () => {
    expect(await call('GET', '/nope')).toEqual({ status: 404, json: { error: 'no route GET /nope; the routes are GET /spec, POST /reset, POST /step' } });
    expect((await call('POST', '/reset', { seed: -1 })).json.error).toMatch(/"seed" must be a whole number/);
    expect((await call('POST', '/reset', { seed: 1, user: 'nobody' })).json.error).toMatch(/"user" "nobody" is not one of the 20 users/);
    expect((await call('POST', '/reset', undefined, '{"seed": 1,')).json.error).toMatch(/not valid JSON/);
    const big = await call('POST', '/step', undefined, JSON.stringify({ items: ['x'.repeat(70_000)] }));
    expect(big.status).toBe(413);
    const r0 = await call('POST', '/reset', { seed: 7 });
    expect(r0.status).toBe(200);
    const bad = await call('POST', '/step', { items: ['sv-0001', 'sv-0001'] });
    expect(bad).toEqual({ status: 400, json: { error: 'step: item "sv-0001" appears twice in the slate' } });
    expect((await call('POST', '/step', { items: ['nope'] })).json.error).toMatch(/unknown item id "nope"/);
    const ok = await call('POST', '/step', { items: ['sv-0001', 'sv-0002'] });
    expect(ok.status).toBe(200);
    expect(ok.json.info.step).toBe(1);
    expect((await call('POST', '/step', { items: Array.from({ length: 7 }, (_, i) => `sv-000${i}`) })).json.error).toMatch(/at most k = 6/);
  });

  it('a port already in use: one line on stderr, exit 1, no stack, nothing on stdout', async () => {
    const blocker = createNetServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const root = new URL('../..', import.meta.url).pathname;
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/serve-env.ts', '--port', String(port), '--users', '5'], { cwd: root, timeout: 45_000 }, (err, stdout, stderr) => {
          done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
        });
      });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r).toEqual({ code: 1, stdout: '', stderr: `serve-env: port ${port} on 127.0.0.1 is already in use (EADDRINUSE): pick another with --port\n` });
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 60_000);

  it('other listen errors: one line with their code', () => {
    const err = (code: string | undefined, message: string) => Object.assign(new Error(message), { code });
    expect(listenErrorMessage(80, err('EACCES', 'listen EACCES: permission denied 127.0.0.1:80'))).toBe(
      'port 80 on 127.0.0.1 needs privileges this process lacks (EACCES): pick one above 1023 with --port',
    );
    expect(listenErrorMessage(9, err('EADDRNOTAVAIL', 'listen EADDRNOTAVAIL: address not available'))).toBe(
      'could not listen on port 9 on 127.0.0.1 (EADDRNOTAVAIL): listen EADDRNOTAVAIL: address not available',
    );
    expect(listenErrorMessage(9, err(undefined, 'odd'))).toBe('could not listen on port 9 on 127.0.0.1 (no error code): odd');
  });
});

describe('serve-env: concurrent connections', () => {
  /** A server with small bounds of its own; `arrived` resolves on each request's arrival. */
  async function boundedServer(limits: Parameters<typeof createEnvServer>[1]) {
    const s = createEnvServer(new EnvService(cfg), limits);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    const arrived = (n: number) => new Promise<void>((r) => {
      let seen = 0;
      s.on('request', () => ++seen === n && r());
    });
    return { s, port, url: `http://127.0.0.1:${port}`, arrived, close: () => (s.closeAllConnections(), new Promise((r) => s.close(r))) };
  }

  /** A real client that sends its headers, then one byte of its body every 50 ms, never finishing. */
  function trickle(port: number) {
    const sock = connect(port, '127.0.0.1');
    sock.write('POST /step HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const timer = setInterval(() => sock.write(' '), 50);
    let raw = '';
    const answered = new Promise<string>((resolve) => {
      sock.on('data', (d) => (raw += String(d)));
      sock.on('close', () => (clearInterval(timer), resolve(raw)));
      sock.on('error', () => undefined);
    });
    return { answered, stop: () => (clearInterval(timer), sock.destroy()) };
  }

  it('a client trickling its body holds up no one: another runs reset and steps meanwhile; the trickler gets 408 at its own deadline', async () => {
    const srv = await boundedServer({ bodyDeadlineMs: 1500 });
    const order: string[] = [];
    try {
      const first = srv.arrived(1);
      const slow = trickle(srv.port);
      await first;
      const answered = slow.answered.then((raw) => (order.push('trickler answered'), raw));
      const post = (path: string, body: unknown) => fetch(srv.url + path, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: await r.json() }));
      expect((await post('/reset', { seed: 3 })).status).toBe(200);
      const step = await post('/step', { items: ['sv-0001', 'sv-0002'] });
      expect(step).toMatchObject({ status: 200, json: { info: { step: 1 } } });
      order.push('other client done');
      const raw = await answered;
      expect(order).toEqual(['other client done', 'trickler answered']);
      expect(raw).toMatch(/^HTTP\/1\.1 408 /);
      expect(raw).toContain('{"error":"the request body did not arrive within 1500 ms"}');
    } finally {
      await srv.close();
    }
  }, 20_000);

  it('at most maxInFlight requests at once: one more gets 503 in words at once, and is served again once they end', async () => {
    const srv = await boundedServer({ bodyDeadlineMs: 10_000, maxInFlight: 2 });
    const slow = [trickle(srv.port)];
    try {
      const two = srv.arrived(2);
      slow.push(trickle(srv.port));
      await two;
      const busy = await fetch(srv.url + '/spec');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.json()).toEqual({ error: 'the server is busy: 2 requests are being handled; try again shortly' });
      for (const t of slow) t.stop();
      await Promise.all(slow.map((t) => t.answered));
      await vi.waitFor(async () => expect((await fetch(srv.url + '/spec')).status).toBe(200));
    } finally {
      for (const t of slow) t.stop();
      await srv.close();
    }
  }, 20_000);

  it('steps sent at once from several connections are applied one at a time: the episode equals the same slates stepped in-process in that order', async () => {
    const srv = await boundedServer({});
    try {
      const user = cfg.users[2].id;
      const post = (path: string, body: unknown) => fetch(srv.url + path, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, json: await r.json() }));
      expect((await post('/reset', { seed: 11, user })).status).toBe(200);
      const slates = [['sv-0001', 'sv-0002'], ['sv-0003', 'sv-0004'], ['sv-0005', 'sv-0006'], ['sv-0007', 'sv-0008']];
      const replies = await Promise.all(slates.map((items) => post('/step', { items })));
      const applied = replies.map((r, i) => ({ r, items: slates[i] })).filter((x) => x.r.status === 200).sort((a, b) => a.r.json.info.step - b.r.json.info.step);
      expect(applied.map((x) => x.r.json.info.step)).toEqual(applied.map((_, i) => i + 1));
      for (const r of replies) if (r.status !== 200) expect(r).toMatchObject({ status: 409, json: { error: expect.stringMatching(/episode has ended/) } });
      const u = cfg.users.find((x) => x.id === user)!;
      const env = new RecoEnv({
        catalog: cfg.catalog, user: u, context: defaultContext(u), simulator: simulators.get('rule-based').create(),
        recommenderName: 'agent', maxTurns: cfg.maxTurns, instructionsEnabled: cfg.instructionsEnabled, reward: cfg.reward,
      });
      await env.reset({ seed: 11 });
      for (const x of applied) expect((await env.step({ itemIds: x.items })).reward).toBe(x.r.json.reward);
    } finally {
      await srv.close();
    }
  });
});
