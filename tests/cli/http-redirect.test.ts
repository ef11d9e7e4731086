/**
 * An HTTP recommender whose URL answers with a redirect. fetch followed it: a 301/302/303
 * turned the POST into a GET without its body (the server then answered something about a
 * GET: "HTTP 405", an HTML page), a 307/308 re-sent every user's profile and history to
 * wherever it pointed, unsaid, and a redirect to a dead port or a loop was said as "could
 * not reach URL (fetch failed)" of the URL that had answered. Now the redirect is said,
 * with where it points, and not followed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEndpoint } from '../../src/remote/fetch-endpoint';

let target: Server;
let hits = 0;
let redirector: Server;
const port = (s: Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  target = createServer((req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"items": []}');
  });
  redirector = createServer((req, res) => {
    const status = Number((req.url ?? '').slice(1));
    res.writeHead(status, { location: `http://127.0.0.1:${port(target)}/new` }).end();
  });
  await Promise.all([target, redirector].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
});
afterAll(() => Promise.all([target, redirector].map((s) => new Promise((r) => s.close(r)))));

describe('an HTTP recommender that redirects', () => {
  it('is said with the status and where it points, and not followed (301, 302, 303, 307, 308)', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const url = `http://127.0.0.1:${port(redirector)}/${status}`;
      const call = fetchEndpoint(url).call({ op: 'reset' } as never, { timeoutMs: 5000 });
      await expect(call).rejects.toThrow(
        `${url} answered with a redirect (HTTP ${status} to http://127.0.0.1:${port(target)}/new); use the address it points to as the recommender's URL`,
      );
    }
    expect(hits).toBe(0);
  });
});
