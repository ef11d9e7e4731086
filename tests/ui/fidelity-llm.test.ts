/**
 * The Fidelity view with an LLM as the simulated user, against a real local HTTP server
 * speaking the OpenAI chat-completions protocol with scripted replies (no model runs here;
 * no figure from it is a model result). The protocol reads the LLM's decisions (watching
 * and liking everything is chance, AUC 0.5), the prompt carries the user's summarised
 * history, decisions a failing server left to the fallback are counted and said loudly,
 * and a server that is not there stops the run with its error.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import FidelityView from '../../src/ui/fidelity/FidelityView.svelte';
import type { FidelityRunner } from '../../src/ui/fidelity/fidelity-state.svelte';
import type { DataStore } from '../../src/ui/state/data.svelte';
import { runFidelityRequest } from '../../src/worker/fidelity-run';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { closedPortUrl } from '../helpers/closed-port';
import { scriptedChatForFile } from '../helpers/scripted-chat';

const world = importMovieLens(movieWorldCsv({ users: 40, movies: 250, seed: 6 }));
const data = { imported: { [world.catalog.id]: { catalog: world.catalog, users: world.users } } } as unknown as DataStore;
const requests: FidelityRunnerRequest[] = [];
type FidelityRunnerRequest = Parameters<FidelityRunner>[0];
const runner: FidelityRunner = (req, o) => (requests.push(req), runFidelityRequest(req, { onProgress: o.onProgress, signal: o.signal }));

const env = scriptedChatForFile();
afterEach(() => cleanup());

async function runWith(url: string, model = 'fake-model'): Promise<void> {
  render(FidelityView, { data, runner });
  await fireEvent.change(screen.getByTestId('fidelity-simulator'), { target: { value: 'llm' } });
  expect(screen.getByTestId('fidelity-llm-note').textContent).toMatch(/one call to your endpoint/);
  await fireEvent.input(screen.getByTestId('fidelity-llm-url'), { target: { value: url } });
  await fireEvent.input(screen.getByTestId('fidelity-llm-model'), { target: { value: model } });
  await fireEvent.input(screen.getByTestId('fidelity-seeds'), { target: { value: '1' } });
  await fireEvent.input(screen.getByTestId('fidelity-max-users'), { target: { value: '6' } });
  await fireEvent.click(screen.getByTestId('fidelity-run'));
}

describe('Fidelity view with an LLM', () => {
  it('runs the protocol through the endpoint: the LLM\'s decisions beside the baselines, history in the prompt', async () => {
    env.chat.mode = 'all';
    env.chat.prompts.length = 0;
    await runWith(env.chat.base);
    const table = await screen.findByTestId('fidelity-table', {}, { timeout: 60_000 });
    expect(requests.at(-1)?.llm).toMatchObject({ baseUrl: env.chat.base, model: 'fake-model' });
    // Engaging with everything is chance.
    expect(table.querySelector('tbody tr td')?.textContent).toBe('0.500');
    expect(screen.getByTestId('fidelity-fallback').textContent).toMatch(/0\.0% of its decisions/);
    expect(screen.getByTestId('fidelity-fallback').textContent).toContain(`an LLM (fake-model at ${env.chat.base})`);
    expect(screen.getByTestId('fidelity-fallback').getAttribute('role')).toBeNull();
    expect(screen.getByTestId('fidelity-goal-rmse').textContent).toMatch(/not measured/);
    expect(screen.getByTestId('fidelity-goal-auc').textContent).toMatch(/not met/);
    expect(screen.queryByTestId('fidelity-sessions')).toBeNull();
    expect(env.chat.prompts.length).toBeGreaterThan(20);
    expect(env.chat.prompts.some((p) => /Recently rated: .*\d(\.\d)?\/5/.test(p))).toBe(true);
    expect(env.chat.prompts.every((p) => JSON.parse(p).model === 'fake-model')).toBe(true);
  }, 90_000);

  it('says loudly when most decisions were the fallback\'s (a server that answers with errors)', async () => {
    env.chat.mode = 'fail';
    await runWith(env.chat.base);
    const note = await screen.findByTestId('fidelity-fallback', {}, { timeout: 60_000 });
    expect(note.textContent).toMatch(/100\.0% of its decisions were made by the rule-based fallback.*largely not the model's/);
    expect(note.getAttribute('role')).toBe('alert');
  }, 90_000);

  it('stops with the error when nothing answers at the URL, and refuses a run without a model', async () => {
    await runWith(await closedPortUrl());
    const err = await screen.findByTestId('fidelity-error', {}, { timeout: 60_000 });
    expect(err.textContent).toMatch(/The fidelity run failed: Cannot reach http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(connection refused\)/);
    cleanup();
    const before = requests.length;
    await runWith(env.chat.base, '  ');
    expect((await screen.findByTestId('fidelity-error')).textContent).toMatch(/Give the model name/);
    expect(requests.length).toBe(before);
  }, 90_000);

  // It was refused only inside the worker, after Run ("The fidelity run failed: ..."); the LLM
  // panel refuses it up front. Now the field says why, with the panel's words, and Run waits.
  it('refuses an endpoint URL with user:password@ beside the field, before Run, redacted', async () => {
    const before = requests.length;
    await runWith('http://me:s3cret@127.0.0.1:9/v1');
    const problem = screen.getByTestId('fidelity-llm-url-problem');
    expect(problem.textContent).toBe('The URL http://***@127.0.0.1:9/v1 carries a user name or password. It was not used: put the key in the API key field (CLI: --llm-key-env VAR), so that it never appears in URLs, output or logs.');
    expect(screen.getByTestId('fidelity-llm-url').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('fidelity-run') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('fidelity-error')).toBeNull();
    expect(requests.length).toBe(before);
    // Fixed, the sentence goes and Run is offered again.
    await fireEvent.input(screen.getByTestId('fidelity-llm-url'), { target: { value: 'http://127.0.0.1:9/v1' } });
    expect(screen.queryByTestId('fidelity-llm-url-problem')).toBeNull();
    expect((screen.getByTestId('fidelity-run') as HTMLButtonElement).disabled).toBe(false);
  });
});
