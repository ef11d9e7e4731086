/**
 * `simulate --fit-timeout MS / --call-timeout MS`: an HTTP recommender that never answers
 * `fit` (a real server on 127.0.0.1 that accepts and stays silent) used to hold the command
 * for 100 s with no way to say less; now the deadline is a bounded flag, said in the error
 * (which call, which deadline), exit 1. A module whose fit loops is stopped the same way.
 * The flags are refused where no call is made (a built-in recommender).
 */
import { createServer, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as simulate } from '../../src/cli/simulate';
import { main as trainingData } from '../../src/cli/training-data';
import { captureStdio } from '../helpers/capture-stdio';

const dir = mkdtempSync(join(tmpdir(), 'recoworld-deadlines-'));
const held: ServerResponse[] = [];
/** Never answers on /recommend; on /fit-ok answers fit and reset at once and never recommend. */
const silent = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += String(c)));
  req.on('end', () => {
    if (req.url === '/fit-ok' && !body.includes('"op":"recommend"')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    held.push(res);
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/recommend`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  silent.closeAllConnections();
  await new Promise((r) => silent.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('simulate: deadlines of a recommender that is called', () => {
  it('--fit-timeout: a server that never answers fit ends the run at that deadline, said with the call (exit 1)', async () => {
    // 1500 ms: at 300 ms a machine under heavy load once cut the call before the request
    // reached the server (held stayed empty).
    const r = await captureStdio(() => simulate(['--recommender', url, '--fit-timeout', '1500', '--json', '--quiet']));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`fit: no reply from ${url} within 1500 ms`);
    expect(JSON.parse(r.out)).toMatchObject({ recommender: url, errors: 1 });
    expect(held.length).toBeGreaterThanOrEqual(1);
  }, 40_000);

  it('--call-timeout: a recommend that never comes back is cut at that deadline; fit gets 10 x it unless given', async () => {
    const fitOk = url.replace(/\/recommend$/, '/fit-ok');
    // 500 ms (fit then gets 5 s): at 200 ms a loaded machine once failed this test.
    const r = await captureStdio(() => simulate(['--recommender', `${fitOk}+follow`, '--call-timeout', '500', '--json', '--quiet']));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`recommend: no reply from ${fitOk} within 500 ms`);
    const f = await captureStdio(() => simulate(['--recommender', url, '--call-timeout', '100', '--json', '--quiet']));
    expect(f.err).toContain(`fit: no reply from ${url} within 1000 ms`);
  }, 40_000);

  it('--fit-timeout: a module whose fit loops forever is stopped at it', async () => {
    const file = join(dir, 'fit-loops.mjs');
    writeFileSync(file, 'export default { name: "fit-loops", fit() { for (;;) {} }, recommend() { return { items: [] }; } };\n');
    const r = await captureStdio(() => simulate(['--recommender-module', file, '--fit-timeout', '1000', '--json', '--quiet']));
    expect(r.code).toBe(1);
    expect(r.err).toContain("fit: fit() did not return within 1000 ms; the module's thread was stopped");
  }, 40_000);

  it('the flags are bounded whole numbers, and refused for a built-in recommender (exit 2, naming the flag)', async () => {
    for (const [args, msg] of [
      [['--recommender', url, '--fit-timeout', '0'], '--fit-timeout must be between 1 and 600000, got 0'],
      [['--recommender', url, '--fit-timeout', '600001'], '--fit-timeout must be between 1 and 600000, got 600001'],
      [['--recommender', url, '--call-timeout', '2.5'], '--call-timeout must be a whole number, got "2.5"'],
      [['--recommender', 'popular', '--fit-timeout', '300'], '--fit-timeout only applies to an HTTP or module recommender'],
    ] as const) {
      const r = await captureStdio(() => simulate([...args, '--json', '--quiet']));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(msg);
      expect(r.out).toBe('');
    }
  });

  it('training-data takes the same flags: a silent server is cut at --fit-timeout and each failed session is said (exit 1)', async () => {
    const r = await captureStdio(() => trainingData(['--recommender', url, '--users', '2', '--fit-timeout', '300', '--json']));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`fit: no reply from ${url} within 300 ms`);
    expect(JSON.parse(r.out)).toMatchObject({ recommender: url, errors: 2 });
    await expect(trainingData(['--recommender', 'popular', '--fit-timeout', '300'])).rejects.toThrow(/--call-timeout and --fit-timeout only apply to an HTTP or module recommender/);
  }, 40_000);
});
