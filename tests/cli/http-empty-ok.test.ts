/**
 * docs/recommender-api.md: "An HTTP server that does not implement `reset` or `fit` may
 * answer 404, 405 or 501: the call is skipped. Any 2xx answer is fine; its body is
 * ignored." The body was not ignored: a fit answered 204 No Content (or 200 "ok") failed
 * every session with "fit: the reply is not valid JSON (Unexpected end of JSON input)",
 * and check-recommender called it a violation.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as check } from '../../src/cli/check-recommender';
import { captureStdio } from '../helpers/capture-stdio';

let server: Server;
const items = new Map<string, { id: string }[]>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (body.op === 'fit') {
        items.set(body.catalogId, body.items);
        return res.writeHead(204).end();
      }
      if (body.op === 'reset') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      // The first k items not shown yet, in catalog order (from what fit sent).
      const shown = new Set<string>(body.shown);
      const list = (items.get(body.catalogId) ?? []).filter((i) => !shown.has(i.id)).slice(0, body.k).map((i) => i.id);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: list }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(() => new Promise((r) => server.close(r)));

describe('an HTTP recommender whose fit and reset answer 2xx without JSON', () => {
  it('passes the check: the body of a 2xx fit or reset is ignored, as documented', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rec`;
    const r = await captureStdio(() => check([url, '--json']));
    const report = JSON.parse(r.out);
    expect(report.problems).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);
});
