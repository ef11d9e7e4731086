/**
 * The OpenAI-compatible section's timeout field, typed carelessly: emptied, 0 or beyond
 * 600 s. Emptied, the endpoint was "connected" with a 0 s deadline (the model list was
 * abandoned at once and every call then failed "no answer for 0 s"). Now Connect refuses
 * and says why, the field is marked invalid, and a stored bad value reloads as the default.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LlmPanel from '../../src/ui/llm/LlmPanel.svelte';
import { llmState } from '../../src/ui/llm/llm-state.svelte';
import { loadLlmSettings } from '../../src/ui/llm/settings-store';
import { modelListServerForFile } from '../helpers/model-list-server';

let hits = 0;
const server = modelListServerForFile(() => hits++);

describe('LLM panel timeout field', () => {
  afterEach(() => {
    cleanup();
    llmState.engine = null;
    llmState.engineKey = '';
    llmState.phase = 'idle';
    llmState.messages = [];
    llmState.settings.openai.timeoutSec = 60;
  });

  for (const typed of ['', '0', '601', '2.5']) {
    it(`refuses to connect with the timeout ${typed === '' ? 'emptied' : typed} and says why`, async () => {
      const sims: unknown[] = [];
      render(LlmPanel, { onsimulator: (x: unknown) => sims.push(x) });
      await fireEvent.click(screen.getByTestId('llm-engine-openai'));
      await fireEvent.input(screen.getByTestId('llm-openai-url'), { target: { value: server.url } });
      await fireEvent.input(screen.getByTestId('llm-openai-model'), { target: { value: 'tiny-model' } });
      const t = screen.getByTestId('llm-openai-timeout') as HTMLInputElement;
      await fireEvent.input(t, { target: { value: typed } });
      expect(t.getAttribute('aria-invalid')).toBe('true');
      hits = 0;
      await fireEvent.click(screen.getByTestId('llm-openai-use'));
      const msg = await screen.findByText(/whole number of seconds from 1 to 600/, { selector: '[data-testid="llm-message"]' });
      expect(msg.dataset.code).toBe('endpoint');
      expect(llmState.engine).toBeNull();
      expect(llmState.phase).not.toBe('ready');
      expect(hits).toBe(0);
      // Fixed, it connects.
      await fireEvent.input(t, { target: { value: '30' } });
      expect(t.getAttribute('aria-invalid')).toBe('false');
      await fireEvent.click(screen.getByTestId('llm-openai-use'));
      await waitFor(() => expect(llmState.phase).toBe('ready'));
      expect(hits).toBeGreaterThan(0);
      // The panel hands the simulator over: wait for it so nothing loads after teardown.
      await waitFor(() => expect(sims.at(-1)).toBeTruthy(), { timeout: 10_000 });
    });
  }

  it('a stored empty or out-of-range timeout reloads as the default', () => {
    for (const bad of [null, 0, -5, 1e9, 'x']) {
      localStorage.setItem('recoworld.llm.settings', JSON.stringify({ engine: 'openai', openai: { baseUrl: server.url, model: 'm', timeoutSec: bad } }));
      expect(loadLlmSettings().openai.timeoutSec).toBe(60);
    }
    localStorage.setItem('recoworld.llm.settings', JSON.stringify({ openai: { timeoutSec: 120 } }));
    expect(loadLlmSettings().openai.timeoutSec).toBe(120);
    localStorage.clear();
  });
});

describe('GPU detection finishing during a connect', () => {
  it('leaves the connect in progress (its button stayed enabled and a second connect could start)', async () => {
    const { LlmState } = await import('../../src/ui/llm/llm-state.svelte');
    const { detectGpu } = await import('../../src/ui/llm/llm-actions');
    const state = new LlmState();
    const detecting = detectGpu(state);
    expect(state.phase).toBe('detecting');
    // The person pressed "Use this endpoint" while the GPU probe was still running.
    state.phase = 'loading';
    await detecting;
    expect(state.phase).toBe('loading');
    expect(state.gpu?.available).toBe(false);
  }, 20_000);
});
