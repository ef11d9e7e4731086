/**
 * "Check my recommender" against a real local server that never answers: the checker
 * stops after the first call that got no reply (every later call would wait out the same
 * deadline: about half an hour in the app, with fit's tenfold deadline), and says why.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { checkRecommender, checkRemoteOptions } from '../../../src/core/recommenders/remote/check-recommender';
import { RemoteRecommender } from '../../../src/core/recommenders/remote/remote-recommender';
import { simulators } from '../../../src/core/simulator/registry';
import { defaultContext } from '../../../src/core/users/context';
import type { Catalog, UserProfile } from '../../../src/core/types';
import { fetchEndpoint } from '../../../src/remote/fetch-endpoint';

let catalog: Catalog;
let personas: UserProfile[];
let server: Server;
let requests = 0;
const open = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
  // Reads each request and never answers it.
  server = createServer((req, res) => {
    requests++;
    open.add(res);
    req.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((r) => server.close(r));
});

describe('checkRecommender on a server that never answers', () => {
  it('makes one call, reports that nothing answered, and skips the checks that would wait the same way', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/recommend`;
    const report = await checkRecommender({
      catalog, users: personas, contextFor: defaultContext,
      simulator: () => simulators.get('rule-based').create(),
      recommender: () => new RemoteRecommender(fetchEndpoint(url), checkRemoteOptions({ callMs: 100, fitMs: 300 })),
    });
    // One (fit's) or none when the machine is so loaded the deadline passed before the server read it; without the stop, 8.
    expect(requests).toBeLessThanOrEqual(1);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^no reply to fit within 300 ms \(a first list of 6\)$/);
    expect(report.checks.at(-1)).toMatch(/skipped: the recommender did not answer in time .*; a fit that trains longer can answer at once .*--fit-timeout MS$/);
  });
});

describe('checkRecommender on a server that answers the single lists, then goes silent', () => {
  it('waits for one unanswered session call, not one per session run, and says it like a probe', async () => {
    // Answers fit, reset and the first four recommends (the probes) with valid lists, then never again.
    let recommends = 0;
    const held: import('node:http').ServerResponse[] = [];
    const later = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        const r = JSON.parse(body) as { op: string; k: number; shown: string[] };
        if (r.op !== 'recommend') return res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        if (++recommends > 4) return void held.push(res);
        const shown = new Set(r.shown);
        const items = catalog.items.map((i) => i.id).filter((id) => !shown.has(id)).slice(0, r.k);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
      });
    });
    await new Promise<void>((r) => later.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(later.address() as AddressInfo).port}/recommend`;
      const report = await checkRecommender({
        catalog, users: personas, contextFor: defaultContext,
        simulator: () => simulators.get('rule-based').create(),
        // 1.5 s: the answered probes must come back in time on a loaded machine (at 150 ms one
        // run under load timed out before any probe was answered).
        recommender: () => new RemoteRecommender(fetchEndpoint(url), checkRemoteOptions({ callMs: 1500, fitMs: 3000 })),
      });
      // Four probes, then one session call; without the stop, one per session run (four or more).
      expect(recommends).toBe(5);
      expect(report.served).toBe(4);
      expect(report.problems).toEqual([expect.stringMatching(/^no reply to recommend within 1500 ms \(\[user \S+, instructions on\]\)$/)]);
      expect(report.skipped).toMatch(/^the remaining sessions were skipped/);
    } finally {
      for (const res of held) res.destroy();
      await new Promise((r) => later.close(r));
    }
  });
});
