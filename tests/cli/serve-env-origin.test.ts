/**
 * serve-env listens on 127.0.0.1, but any web page the user had open could drive it: the
 * server answered every origin (`access-control-allow-origin: *`) and read a text/plain
 * POST (which a browser sends cross-origin without asking) as JSON, so a page could reset
 * or step the episode an RL run was in the middle of, and read the observations. A page on
 * a rebound name (DNS rebinding: evil.example resolving to 127.0.0.1) could too. Requests
 * from a web page of another origin, or for another host name, are now refused (403);
 * programs (Python, Node, curl: no Origin header) and pages on this machine's loopback
 * origins are served as before.
 */
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvServer, envConfig } from '../../src/cli/serve-env';
import { EnvService } from '../../src/core/rl/env-service';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createEnvServer(new EnvService((await envConfig(['--users', '3'])).cfg));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

/** One raw request (node:http: any Host and Origin header). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : {} }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('serve-env: requests from web pages', () => {
  it('a cross-origin page cannot reset, step or read the environment', async () => {
    const ok = await send('POST', '/reset', { 'content-type': 'application/json' }, '{"seed": 1}');
    expect(ok.status).toBe(200);
    const turn = (ok.json.observation as { turn: number }).turn;
    const evil = { origin: 'https://evil.example', 'content-type': 'text/plain' };
    const reset = await send('POST', '/reset', evil, '{"seed": 2}');
    expect(reset.status).toBe(403);
    expect(reset.json.error).toBe('requests from the web page https://evil.example are refused: this server is for programs on this machine (see docs/training.md)');
    expect(reset.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send('POST', '/step', evil, '{"items": []}')).status).toBe(403);
    expect((await send('GET', '/spec', { origin: 'null' })).status).toBe(403);
    expect((await send('OPTIONS', '/reset', { origin: 'https://evil.example', 'access-control-request-method': 'POST' })).headers['access-control-allow-origin']).toBeUndefined();
    // The episode is the one the program started: nothing was reset.
    const step = await send('POST', '/step', { 'content-type': 'application/json' }, '{"items": []}');
    expect(step.status).toBe(200);
    expect((step.json.info as { step: number }).step).toBe(1);
    expect(turn).toBe(0);
  });

  it('a rebound host name (DNS rebinding) is refused', async () => {
    const r = await send('GET', '/spec', { host: `evil.example:${port}` });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/^the host name "evil\.example:\d+" is not this machine's loopback/);
  });

  it('programs (no Origin) and pages on a loopback origin are served', async () => {
    expect((await send('GET', '/spec', {})).status).toBe(200);
    expect((await send('GET', '/spec', { host: `localhost:${port}` })).status).toBe(200);
    const page = await send('GET', '/spec', { origin: 'http://localhost:5173' });
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect((await send('OPTIONS', '/reset', { origin: 'http://127.0.0.1:8000' })).headers['access-control-allow-origin']).toBe('http://127.0.0.1:8000');
  });
});

describe('serve-env: a route with the wrong method', () => {
  it('is 405 with Allow (it was 404, "not found", for a path that exists)', async () => {
    const r = await send('GET', '/reset', {});
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST, OPTIONS');
    expect(r.json.error).toBe('GET /reset: /reset takes POST; the routes are GET /spec, POST /reset, POST /step');
    const spec = await send('POST', '/spec', {}, '{}');
    expect(spec.status).toBe(405);
    expect(spec.headers.allow).toBe('GET, OPTIONS');
    expect((await send('GET', '/nope', {})).status).toBe(404);
  });
});

describe('serve-env: a refused value is quoted to 200 characters', () => {
  it('a 60,000-character user or seed is not echoed back whole (the error was as long as the body)', async () => {
    for (const body of [{ seed: 1, user: 'x'.repeat(60_000) }, { seed: 'z'.repeat(60_000) }, { seed: 1, user: { a: 'y'.repeat(50_000) } }]) {
      const r = await send('POST', '/reset', { 'content-type': 'application/json' }, JSON.stringify(body));
      expect(r.status).toBe(400);
      expect(String(r.json.error).length).toBeLessThan(500);
      expect(r.json.error).toMatch(/\.\.\.|…/);
    }
  });
});

describe('serve-env: an unknown item id in a step', () => {
  it('is quoted to 200 characters too (a 60 KB id came back whole), and the episode goes on', async () => {
    await send('POST', '/reset', { 'content-type': 'application/json' }, '{"seed": 5}');
    const r = await send('POST', '/step', { 'content-type': 'application/json' }, JSON.stringify({ items: ['q'.repeat(60_000)] }));
    expect(r.status).toBe(400);
    expect(String(r.json.error)).toMatch(/^step: unknown item id "q{200}\.\.\." \(not in catalog "shortvideo"\)$/);
    expect((await send('POST', '/step', { 'content-type': 'application/json' }, '{"items": []}')).status).toBe(200);
  });
});
