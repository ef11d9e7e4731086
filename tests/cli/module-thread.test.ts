/**
 * A recommender module runs in its own thread in the CLI (src/remote/module-thread*.ts):
 * one whose recommend or fit loops forever is stopped at the call's deadline and said in
 * words (which call, which deadline), exit 1, instead of hanging the command on its main
 * thread; its replies keep the HTTP bounds (1 MB, max(1000, 10 x k) items) checked in the
 * thread before they are copied; a module that loops at load time is stopped at the load
 * deadline; and its sessions are the in-process import's, decision for decision.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/simulate-args';
import { recommendRequest } from '../../src/core/recommenders/remote/protocol';
import { registerModuleEndpoint } from '../../src/core/recommenders/remote/external';
import { main as simulate } from '../../src/cli/simulate';
import { main as check } from '../../src/cli/check-recommender';
import { moduleEndpoint, type RecommenderModule } from '../../src/remote/module-endpoint';
import { loadModuleThread } from '../../src/remote/module-thread-endpoint';
import { captureStdio } from '../helpers/capture-stdio';
import { errorAtLoadDeadline } from '../helpers/load-deadline';

const ROOT = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'recoworld-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void vi.useRealTimers());

function moduleFile(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** The real CLI in a child process (a hang is a killed child at 30 s, not a stuck test runner). */
function cli(script: string, args: string[]): Promise<{ code: number | string | null; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli', script), ...args], { cwd: ROOT, timeout: 30_000 }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? (err as { signal?: string }).signal ?? null) : 0, stdout, stderr }),
    ),
  );
}

const request = { op: 'recommend', k: 6, catalogId: 'shortvideo', observation: {} } as unknown as ReturnType<typeof recommendRequest>;

describe('a recommender module in its own thread', () => {
  it('check-recommender: a recommend that loops forever is stopped at --timeout and reported (exit 1, no hang)', async () => {
    const file = moduleFile('loop-rec.mjs', 'export default { name: "loops", recommend() { for (;;) {} } };\n');
    const r = await cli('check-recommender.ts', [file, '--json', '--timeout', '300']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([expect.stringMatching(/^no reply to recommend within 300 ms; the module's thread was stopped/)]);
  }, 40_000);

  it('check-recommender: a fit that loops forever is stopped at --fit-timeout and reported', async () => {
    const file = moduleFile('loop-fit.mjs', 'export default { fit() { for (;;) {} }, recommend() { return { items: [] }; } };\n');
    // In-process (the thread makes that safe; the spawned test above shows the hang is gone).
    const r = await captureStdio(() => check([file, '--json', '--fit-timeout', '300']));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems).toEqual([expect.stringMatching(/^no reply to fit within 300 ms; the module's thread was stopped/)]);
  }, 40_000);

  it('simulate with a module: the run ends and the command exits (an idle thread keeps nothing alive); its console.log goes to stderr, not into --json', async () => {
    const example = readFileSync(join(ROOT, 'examples/module/my-rec.mjs'), 'utf8');
    const chatty = moduleFile('chatty.mjs', example.replace(/recommend\(([^)]*)\)\s*\{/, (m) => `${m}\n    console.log('chatty module: recommending');`));
    expect(readFileSync(chatty, 'utf8')).toContain("console.log('chatty module: recommending')");
    const r = await cli('simulate.ts', ['--recommender-module', chatty, '--users', '2', '--json', '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ recommender: 'module:fresh-interests', sessions: 2, errors: 0 });
    expect(r.stderr).toContain('chatty module: recommending');
  }, 40_000);

  it('a TypeScript module loads in its thread (tsx there), export default or named exports', async () => {
    const typed = moduleFile('typed.ts', 'export default { name: "typed", recommend(r: { k: number }): { items: string[] } { return { items: Array.from({ length: r.k }, (_, i) => `t${i}`) }; } };\n');
    const named = moduleFile('named.ts', 'export function recommend(r: { k: number }): { items: string[] } { return { items: [`n${r.k}`] }; }\n');
    for (const [file, name, items] of [[typed, 'typed', ['t0', 't1']], [named, undefined, ['n2']]] as const) {
      const t = await loadModuleThread(file, file);
      try {
        expect(t.declaredName).toBe(name);
        expect(await t.endpoint('module:x').call({ ...request, k: 2 }, { timeoutMs: 10_000 })).toEqual({ kind: 'value', value: { items } });
      } finally {
        t.close();
      }
    }
  }, 30_000);

  it('replies keep the HTTP bounds, checked in the thread: ten million ids, a reply over 1 MB, a cycle, a throw', async () => {
    const file = moduleFile('bounds.mjs', `
      export function recommend(r) {
        if (r.k === 1) return { items: new Array(10_000_000) };
        if (r.k === 2) return { items: [], message: 'é'.repeat(600_000) };
        if (r.k === 3) { const o = { items: [] }; o.self = o; return o; }
        if (r.k === 4) throw new Error('no lists today');
        return { items: ['a', 'b'], message: 'ok' };
      }
    `);
    const t = await loadModuleThread(file, file);
    const e = t.endpoint('module:bounds');
    const call = (k: number) => e.call({ ...request, k }, { timeoutMs: 5000 }).then((v) => v, (err: Error) => err.message);
    try {
      expect(await call(1)).toBe('the list has 10000000 items, more than the 1000 read (at most max(1000, 10 x k) with k = 1); it was not read');
      expect(await call(2)).toMatch(/^the reply is more than the 1000000 bytes allowed \(1200025 bytes as JSON\)$/);
      expect(await call(3)).toMatch(/^the reply cannot be turned into JSON \(.*circular/i);
      expect(await call(4)).toBe('recommend() threw: no lists today');
      // The thread is still serving after refused replies.
      expect(await call(5)).toEqual({ kind: 'value', value: { items: ['a', 'b'], message: 'ok' } });
    } finally {
      t.close();
    }
  });

  it('after a call past its deadline the thread is stopped and every later call says why', async () => {
    const file = moduleFile('slow-once.mjs', 'let n = 0;\nexport function recommend() { if (n++ === 0) for (;;) {} return { items: [] }; }\n');
    const t = await loadModuleThread(file, file);
    const e = t.endpoint('module:slow-once');
    const first = await e.call(request, { timeoutMs: 200 }).catch((err: Error) => err);
    expect(first).toMatchObject({ name: 'EndpointTimeoutError', message: "recommend() did not return within 200 ms; the module's thread was stopped" });
    await expect(e.call(request, { timeoutMs: 200 })).rejects.toThrow("recommend() did not return within 200 ms; the module's thread was stopped");
  });

  it('a module that loops at load time is stopped at the load deadline (a UsageError, not a hang)', async () => {
    const file = moduleFile('loop-load.mjs', 'for (;;) {}\nexport function recommend() { return { items: [] }; }\n');
    const e = await errorAtLoadDeadline(file);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/loop-load\.mjs did not finish loading within 10 s .*its thread was stopped$/);
  });

  it('same seed, same run: the module example through its thread decides as the in-process import did', async () => {
    const file = join(ROOT, 'examples/module/my-rec.mjs');
    const { default: mod } = (await import(file)) as { default: RecommenderModule };
    registerModuleEndpoint('in-process', () => moduleEndpoint(mod, 'module:in-process'));
    const run = async (args: string[], out: string) => {
      const r = await captureStdio(() => simulate([...args, '--users', '3', '--seed', '7', '--json', '--quiet', '--out', join(dir, out)]));
      expect(r.code).toBe(0);
      return readFileSync(join(dir, out), 'utf8').trim().split('\n').map((l) => {
        const { id: _id, recommender: _r, ...rest } = JSON.parse(l) as Record<string, unknown>;
        return rest;
      });
    };
    const threaded = await run(['--recommender-module', file], 'thread.jsonl');
    const inProcess = await run(['--recommender', 'module:in-process'], 'in-process.jsonl');
    expect(threaded).toHaveLength(3);
    expect(threaded).toEqual(inProcess);
  });
});
