/**
 * `evaluate --protocol fidelity --simulator llm` against a local HTTP server speaking the
 * OpenAI chat-completions protocol with scripted replies (no model runs here; no figure
 * from it is a model result). The script watches and likes everything: the protocol must
 * read those decisions (AUC 0.5, recall 1, every movie liked, a negative margin over the
 * best baseline), the prompt must carry the user's summarised history, and decisions a
 * failing server left to the rule-based fallback are counted, not passed off as the LLM's.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { closedPortUrl } from '../helpers/closed-port';
import { scriptedChatForFile } from '../helpers/scripted-chat';

const ROOT = join(__dirname, '..', '..');
const env = scriptedChatForFile();

function evaluate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/evaluate.ts', ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('evaluate --protocol fidelity --simulator llm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-llm-'));
  for (const [name, text] of Object.entries(movieWorldCsv({ users: 30, movies: 200, seed: 2 }))) writeFileSync(join(dir, name), text);
  const args = () => ['--protocol', 'fidelity', '--dataset', dir, '--simulator', 'llm', '--llm-url', env.chat.base, '--llm-model', 'fake-model', '--max-users', '6', '--seeds', '1', '--bootstrap', '20', '--json'];

  it('runs the same protocol through the OpenAI-compatible engine, history summarised in the prompt', async () => {
    env.chat.mode = 'all';
    env.chat.prompts.length = 0;
    const r = await evaluate(args());
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.simulator).toBe('llm');
    expect(o.llm).toEqual({ model: 'fake-model', url: env.chat.base });
    expect(o.responseModel).toBe(false);
    expect(o.fallbackShare).toBe(0);
    // Engaging with everything: no better than chance, and said beside the baselines.
    expect(o.auc).toBe(0.5);
    expect(o.recall).toBe(1);
    expect(o.margin.auc).toBeLessThan(0);
    expect(o.calibration.simulatedLikeRate).toBe(1);
    // Judged against the targets: chance AUC misses; ratings the LLM does not give are "not measured", not met.
    const goal = (id: string) => o.goals.find((g: { id: string }) => g.id === id);
    expect(goal('auc').met).toBe(false);
    expect(goal('rmse')).toMatchObject({ met: null, value: 'not measured' });
    expect(env.chat.prompts.length).toBeGreaterThan(20);
    expect(env.chat.prompts.some((p) => /Recently rated: .*\d(\.\d)?\/5/.test(p))).toBe(true);
  }, 120_000);

  it('counts the decisions a failing server left to the fallback', async () => {
    env.chat.mode = 'fail';
    const r = await evaluate(args());
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.fallbackShare).toBe(1);
  }, 120_000);

  it('says in one line, with no stack, that nothing answers at the URL', async () => {
    const a = args();
    a[a.indexOf('--llm-url') + 1] = await closedPortUrl();
    const r = await evaluate(a);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^evaluate: LLM call failed \(Cannot reach .*\); retry 1 in/m);
    expect(r.stderr).not.toMatch(/^simulate:/m);
    expect(r.stderr).toMatch(/^evaluate: Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(connection refused\)\. Is the server running\? Gave up after \d attempts/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('refuses --simulator llm without a URL and a model', async () => {
    const r = await evaluate(['--protocol', 'fidelity', '--dataset', dir, '--simulator', 'llm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--llm-url/);
  }, 60_000);
});
