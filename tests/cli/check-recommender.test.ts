/**
 * `npm run check-recommender` and the examples, against real local servers on 127.0.0.1:
 * the Node example, the Python example (where python3 exists), the module example, and a
 * server that breaks the contract (non-zero exit, each violation in words).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/check-recommender';

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterAll(async () => {
  for (const c of children) c.kill();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** Start an example server with --port 0 and read its URL from the first line. */
function startExample(cmd: string, args: string[]): Promise<string> {
  const child = spawn(cmd, [...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start within 15 s`)), 15_000);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`${cmd} exited with ${code}`)));
  });
}

async function check(target: string, options = ['--timeout', '5000']): Promise<{ code: number; out: string }> {
  let out = '';
  const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main([target, '--json', ...options]), out };
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('check-recommender', () => {
  it('passes the Node example server', async () => {
    const url = await startExample(process.execPath, ['examples/node/server.mjs']);
    const r = await check(url);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, problems: [] });
    expect(r.code).toBe(0);
  });

  it.skipIf(!hasPython)('passes the Python example server (python3 present)', async () => {
    const url = await startExample('python3', ['examples/python/server.py']);
    const r = await check(url);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, problems: [] });
    expect(r.code).toBe(0);
  });

  it('passes the module example', async () => {
    const r = await check('examples/module/my-rec.mjs');
    expect(JSON.parse(r.out)).toMatchObject({ recommender: 'module:fresh-interests', ok: true });
    expect(r.code).toBe(0);
  });

  it('fails a server that ignores k and repeats items, naming each violation', async () => {
    // Always the same 8 ids of the catalog's first items, whatever k and shown say.
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: ['sv-0001', 'sv-0001'] })));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const r = await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const report = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(report.ok).toBe(false);
    const text = report.problems.join('\n');
    expect(text).toMatch(/appears twice in the list/);
    expect(text).toMatch(/the list has 2 items; k = 1, so exactly 1 are expected/);
    expect(text).toMatch(/only 3 unshown items remain, so exactly 3 are expected/);
  });

  it('gives fit its own deadline (--fit-timeout; 15 s by default, not a run\'s 100 s) and says it', async () => {
    // Accepts each call and never answers it.
    const open: import('node:http').ServerResponse[] = [];
    const server = createServer((req, res) => {
      req.resume();
      open.push(res);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const r = await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, ['--timeout', '200', '--fit-timeout', '300']);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).problems).toEqual([expect.stringMatching(/^no reply to fit within 300 ms \(a first list of 6\)$/)]);
    } finally {
      for (const res of open) res.destroy();
    }
  });

  it('refuses a URL ending in +follow before contacting anything, saying how it would be read', async () => {
    await expect(main(['http://127.0.0.1:9/rec+follow'])).rejects.toThrow(/ends in "\+follow", which menus and links read as http:\/\/127\.0\.0\.1:9\/rec with instruction following/);
  });

  it('reports a module that does not export recommend as a usage error', async () => {
    await expect(main(['package.json'])).rejects.toThrow(/could not be loaded|does not export/);
  });
});

describe('simulate with your own recommender', () => {
  it('--recommender-module FILE and --recommender http://... (+follow) run like a built-in', async () => {
    const { main: simulate } = await import('../../src/cli/simulate');
    const run = async (argv: string[]) => {
      let out = '';
      const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
      const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        return { code: await simulate([...argv, '--json', '--quiet']), report: JSON.parse(out) };
      } finally {
        w.mockRestore();
        e.mockRestore();
      }
    };
    const m = await run(['--recommender-module', 'examples/module/my-rec.mjs']);
    expect(m.code).toBe(0);
    expect(m.report).toMatchObject({ recommender: 'module:fresh-interests', errors: 0 });
    expect(m.report.sessions).toBe(1);
    const url = await startExample(process.execPath, ['examples/node/server.mjs']);
    const h = await run(['--recommender', `${url}+follow`, '--users', '3']);
    expect(h.code).toBe(0);
    expect(h.report).toMatchObject({ recommender: `${url}+follow`, errors: 0, sessions: 3 });
  });
});
