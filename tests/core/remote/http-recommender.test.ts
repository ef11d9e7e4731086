/**
 * The HTTP recommender against real local servers on 127.0.0.1: the example server works
 * like a built-in; every kind of misbehaving server gives a per-session error in plain
 * words (never a crash), and the batch goes on with the next user.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { runBatch } from '../../../src/core/env/batch';
import { runSession, SessionError } from '../../../src/core/env/runner';
import { fitRng } from '../../../src/core/env/fit-rng';
import { createRecommender, isKnownRecommender } from '../../../src/core/recommenders/agentic';
import { setHttpEndpointFactory } from '../../../src/core/recommenders/remote/external';
import { simulators } from '../../../src/core/simulator/registry';
import { defaultContext } from '../../../src/core/users/context';
import type { Catalog, UserProfile } from '../../../src/core/types';
import { fetchEndpoint } from '../../../src/remote/fetch-endpoint';
// @ts-expect-error: a plain .mjs example without types
import { start as startExample } from '../../../examples/node/server.mjs';

type Mode = 'unknown' | 'duplicate' | 'short' | 'malformed' | 'slow' | 'fail';

/** A server that answers fit/reset fine and breaks `recommend` in one way. */
function badServer(mode: Mode, ids: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (body.op !== 'recommend') return res.writeHead(200).end('{}');
      const free = ids.filter((id) => !body.shown.includes(id));
      const good = free.slice(0, body.k);
      if (mode === 'slow') return setTimeout(() => res.writeHead(200).end(JSON.stringify({ items: good })), 1500);
      if (mode === 'fail') return res.writeHead(500).end('Traceback: KeyError "profile"');
      if (mode === 'malformed') return res.writeHead(200).end('{"items": ["a", ');
      const items =
        mode === 'unknown' ? ['no-such-item', ...good.slice(1)]
        : mode === 'duplicate' ? [good[0], good[0], ...good.slice(2)]
        : good.slice(0, 2);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const url = (s: Server, path = '/recommend') => `http://127.0.0.1:${(s.address() as AddressInfo).port}${path}`;

let catalog: Catalog;
let personas: UserProfile[];
const servers: Server[] = [];

beforeAll(async () => {
  setHttpEndpointFactory((u) => fetchEndpoint(u));
  [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
});
afterAll(async () => {
  setHttpEndpointFactory(null);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function session(name: string, user = personas[0], timeoutMs = 2000) {
  const recommender = createRecommender(name, { timeoutMs });
  recommender.fit?.({ catalog, users: personas }, fitRng(1, name));
  return runSession({
    catalog, user, context: defaultContext(user), simulator: simulators.get('rule-based').create(),
    recommender, seed: 1, listSize: 6, maxTurns: 3, instructionsEnabled: true,
  });
}

describe('HTTP recommender', () => {
  it('runs the example Node server like a built-in, plain and with +follow, deterministically', async () => {
    const s: Server = await startExample(0);
    servers.push(s);
    expect(isKnownRecommender(`${url(s)}+follow`)).toBe(true);
    const a = await session(url(s));
    const b = await session(url(s));
    expect(a.recommender).toBe(url(s));
    expect(a.endReason).not.toBe('error');
    expect(a.turns.length).toBeGreaterThan(0);
    expect(a.turns[0].slate.itemIds).toHaveLength(6);
    // The example ranks by declared interest: the first item is in one of the user's top topics.
    const top = Object.entries(personas[0].interests).sort((x, y) => y[1] - x[1]).slice(0, 2).map(([t]) => t);
    expect(top).toContain(catalog.items.find((i) => i.id === a.turns[0].slate.itemIds[0])!.topic);
    expect(JSON.stringify(b.turns)).toBe(JSON.stringify(a.turns));
    const f = await session(`${url(s)}+follow`);
    expect(f.recommender).toBe(`${url(s)}+follow`);
    expect(f.endReason).not.toBe('error');
  });

  const cases: [Mode, RegExp][] = [
    ['unknown', /item "no-such-item" is not in catalog "shortvideo"/],
    ['duplicate', /appears twice in the list/],
    ['short', /the list has 2 items; k = 6, so exactly 6 are expected/],
    ['malformed', /the reply is not valid JSON .*it began: "\{\\"items\\": \[\\"a\\","/],
    ['slow', /no reply from http:\/\/127\.0\.0\.1:\d+\/recommend within 300 ms/],
    ['fail', /the server answered HTTP 500: Traceback: KeyError "profile"/],
  ];
  for (const [mode, message] of cases) {
    it(`a server that answers "${mode}" ends the session with a clear error`, async () => {
      const s = await badServer(mode, catalog.items.map((i) => i.id));
      servers.push(s);
      const err = await session(url(s), personas[0], 300).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SessionError);
      expect((err as SessionError).trajectory.endReason).toBe('error');
      expect((err as Error).message).toMatch(message);
    });
  }

  it('an unreachable server is a per-session error in a batch, and the batch finishes', async () => {
    const s = await badServer('fail', []);
    const dead = url(s);
    await new Promise((r) => s.close(r));
    const rec = createRecommender(dead, { timeoutMs: 500 });
    const res = await runBatch({
      catalog, users: personas.slice(0, 2), contextFor: defaultContext, simulator: simulators.get('rule-based').create(),
      recommenders: [rec], training: { catalog, users: personas }, seed: 3, listSize: 6, maxTurns: 2, instructionsEnabled: true,
    });
    expect(res.runs[0].errors).toHaveLength(2);
    expect(res.runs[0].errors[0].message).toMatch(/could not connect to http:\/\/127\.0\.0\.1:\d+\/recommend \(connection refused/);
  });
});
