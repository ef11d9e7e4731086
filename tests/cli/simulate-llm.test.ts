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

  it('needs --llm-url and --llm-model, and a set key variable (exit 2)', async () => {
    expect((await simulate(['--simulator', 'llm'])).code).toBe(2);
    const r = await simulate([...llmArgs(), '--llm-key-env', 'NO_SUCH_VARIABLE_SET']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NO_SUCH_VARIABLE_SET: that environment variable is not set/);
    expect((await simulate(['--llm-url', base])).stderr).toMatch(/only apply with --simulator llm/);
  });
});
