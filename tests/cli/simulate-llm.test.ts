/**
 * `simulate --simulator llm` against a local HTTP server speaking the OpenAI
 * chat-completions protocol (a scripted stand-in: no model runs here, and no figure
 * from it is a model result).
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../helpers/closed-port';

const ROOT = join(__dirname, '..', '..');
type Handler = (body: Record<string, unknown>, res: ServerResponse) => void;
let server: Server;
let base = '';
let handler: Handler = () => {};
const seen: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      seen.push({ headers: req.headers, body });
      handler(body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
});

function reply(res: ServerResponse, content: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ model: 'fake', choices: [{ message: { content }, finish_reason: 'stop' }], usage: { prompt_tokens: 100, completion_tokens: 20 } }));
}

const WATCH = JSON.stringify({
  thought: 'Looks like my kind of thing.', actions: ['watch'], watch_seconds: 5, comment: '', interest: 7, satisfaction: 7,
  mindset: 'Open to more.', reflection: '', reasons: [], instruction: '',
});

function simulate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const llmArgs = () => ['--simulator', 'llm', '--llm-url', base, '--llm-model', 'fake-model', '--turns', '2', '--list-size', '3', '--json'];

describe('simulate --simulator llm', () => {
  it('asks the endpoint for every item and reports LLM decisions and tokens', async () => {
    handler = (_b, res) => reply(res, WATCH);
    const r = await simulate([...llmArgs(), '--llm-key-env', 'TEST_LLM_KEY'], { TEST_LLM_KEY: 'sk-test' });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ simulator: 'llm', llmModel: 'fake-model', sessions: 1 });
    expect(j.decisions).toBe(seen.length);
    expect(j.llm).toMatchObject({ decisions: j.decisions, fallbacks: 0, promptTokens: 100 * seen.length, completionTokens: 20 * seen.length });
    expect(seen[0].body.model).toBe('fake-model');
    expect(seen[0].headers.authorization).toBe('Bearer sk-test');
    expect(r.stdout).not.toContain('sk-test');
  });

  it('falls back to the rule-based user when the replies are unusable', async () => {
    handler = (_b, res) => reply(res, 'I would rather not answer in JSON.');
    const r = await simulate(llmArgs());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.llm.fallbacks).toBeGreaterThan(0);
    expect(j.llm.fallbacks).toBe(j.decisions);
    // Said out loud: the share, a warning in the JSON and on stderr.
    expect(j.llm.fallbackShare).toBe(1);
    expect(j.warnings).toHaveLength(1);
    expect(j.warnings[0]).toMatch(new RegExp(`${j.decisions} of ${j.decisions} decisions \\(100 %\\) came from the rule-based fallback`));
    expect(r.stderr).toMatch(/simulate: warning: .*rule-based fallback/);
  });

  it('a server that is not there: retries with backoff, then exit 1 with a clear error (no fallback run)', async () => {
    const args = llmArgs();
    args[args.indexOf(base)] = await closedPortUrl();
    const r = await simulate(args);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ simulator: 'llm', errors: 1, decisions: 0 });
    expect(j.llm).toBeUndefined();
    expect(r.stderr).toMatch(/retry 1 in \d+\.\d s/);
    expect(r.stderr).toMatch(/error: user persona-maya: .*Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(connection refused\).*Gave up after 4 attempts/);
  });

  it('honours Retry-After on 429, then goes on', async () => {
    let n = 0;
    handler = (_b, res) => {
      if (n++ === 0) {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
        return void res.end(JSON.stringify({ error: { message: 'slow down' } }));
      }
      reply(res, WATCH);
    };
    const r = await simulate(llmArgs());
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.llm).toMatchObject({ fallbacks: 0, fallbackShare: 0 });
    expect(seen.length).toBe(j.decisions + 1);
    expect(r.stderr).toMatch(/Rate limited.*slow down\); retry 1 in 1\.0 s/);
  });

  it('refuses a URL with a password without echoing it, and strips escape codes from server text', async () => {
    const withPass = base.replace('http://', 'http://alice:hunter2@');
    const r = await simulate([...llmArgs().map((a) => (a === base ? withPass : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carries a user name or password/);
    expect(r.stderr + r.stdout).not.toContain('hunter2');
    handler = (_b, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'no such model \u001b[2J\u001b]0;pwned\u0007\u009b31m here' } }));
    };
    const r2 = await simulate(llmArgs());
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('no such model');
    expect(r2.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it('stops after a first failing session (wrong URL or model) with exit code 1', async () => {
    handler = (_b, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'model "fake-model" not found' } }));
    };
    const r = await simulate([...llmArgs(), '--users', '5']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ sessions: 1, errors: 1, stopped: true });
    expect(r.stderr).toMatch(/error: user persona-maya/);
  });

  it('prints a transcript with the escape codes of a model thought removed', async () => {
    const evil = JSON.stringify({ ...JSON.parse(WATCH), thought: 'Nice \u001b[2J\u001b]0;pwned\u0007catch \u009b31mtoday.' });
    handler = (_b, res) => reply(res, evil);
    const args = llmArgs().filter((a) => a !== '--json');
    const r = await simulate(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nice catch today.');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it('needs --llm-url and --llm-model, and a set key variable (exit 2)', async () => {
    expect((await simulate(['--simulator', 'llm'])).code).toBe(2);
    const r = await simulate([...llmArgs(), '--llm-key-env', 'NO_SUCH_VARIABLE_SET']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NO_SUCH_VARIABLE_SET: that environment variable is not set/);
    expect((await simulate(['--llm-url', base])).stderr).toMatch(/only apply with --simulator llm/);
  });
});

describe('simulate --simulator llm --llm-representation', () => {
  const promptOf = (i: number) => (seen[i].body.messages as { role: string; content: string }[]).map((m) => m.content).join('\n');

  it('sid: the prompt the server receives carries the code legend, and items as codes, not titles', async () => {
    handler = (_b, res) => reply(res, WATCH);
    const r = await simulate([...llmArgs(), '--llm-representation', 'sid']);
    expect(r.code).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    const system = (seen[0].body.messages as { role: string; content: string }[])[0];
    expect(system.role).toBe('system');
    expect(system.content).toContain('# Item codes');
    // A legend line: "1: term, term" (level-1 code) and a level-2 one "1-2: ...".
    expect(system.content).toMatch(/\n\d+: \S+/);
    expect(system.content).toMatch(/\n\d+-\d+: \S+/);
    const user = (seen[1].body.messages as { role: string; content: string }[])[1].content;
    expect(user).toMatch(/# Item 2 of list 1\n\d+-\d+-\d+/);
    // The same seed gives the same codes: a second run sends the same first prompt.
    const first = promptOf(0);
    seen.length = 0;
    expect((await simulate([...llmArgs(), '--llm-representation', 'sid'])).code).toBe(0);
    expect(promptOf(0)).toBe(first);
  });

  it('text (the default) sends no legend', async () => {
    handler = (_b, res) => reply(res, WATCH);
    const r = await simulate(llmArgs());
    expect(r.code).toBe(0);
    expect(promptOf(0)).not.toContain('# Item codes');
  });
});
