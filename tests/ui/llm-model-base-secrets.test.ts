/**
 * Self-hosted model folders typed with a password ("https://me:s3cret@models.example.org"):
 * the endpoint's base URL was redacted before it was stored and refused with a plain
 * message, but the WebLLM and Transformers.js model base URLs went to localStorage as
 * typed, were fetched with the password in them, and came back in error lines. Now they
 * are stored redacted and refused before anything is fetched, the message naming the URL
 * only redacted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LlmState } from '../../src/ui/llm/llm-state.svelte';
import { loadModel, loadTjsModel, setTjsWorkerFactory } from '../../src/ui/llm/llm-actions';
import { DEFAULT_LLM_SETTINGS, loadLlmSettings, saveLlmSettings } from '../../src/ui/llm/settings-store';
import type { ModelOption } from '../../src/llm/webllm/catalogue';

const load = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/llm/webllm/load', () => ({
  loadWebLlmModel: async () => {
    load.calls++;
    throw new Error('fetched');
  },
  isModelCached: async () => false,
  deleteCachedModel: async () => {},
}));

const SECRET_URL = 'https://me:s3cret@models.example.org/m';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('self-hosted model base URLs with credentials', () => {
  it('are stored redacted', () => {
    const s = structuredClone(DEFAULT_LLM_SETTINGS);
    s.webllm.selfHostedBase = SECRET_URL;
    s.transformers.modelBase = SECRET_URL;
    saveLlmSettings(s, false);
    expect(JSON.stringify({ ...localStorage })).not.toContain('s3cret');
    const back = loadLlmSettings();
    expect(back.webllm.selfHostedBase).toBe('https://***@models.example.org/m');
    expect(back.transformers.modelBase).toBe('https://***@models.example.org/m');
  });

  it('WebLLM: refused before anything is fetched, said without the password', async () => {
    const state = new LlmState();
    state.models = [{ id: 'm-a', label: 'Model A', downloadMB: 1, vramMB: 1, contextWindow: 1 } as unknown as ModelOption];
    state.settings.webllm.modelId = 'm-a';
    state.settings.webllm.selfHostedBase = SECRET_URL;
    await loadModel(state);
    expect(load.calls).toBe(0);
    const msg = state.messages.find((m) => m.code === 'load-error');
    expect(msg?.text).toMatch(/user name or password/);
    expect(JSON.stringify(state.messages)).not.toContain('s3cret');
    expect(state.engine).toBeNull();
    expect(state.phase).toBe('idle');
  });

  it('Transformers.js: refused before anything is fetched, said without the password', async () => {
    let loads = 0;
    setTjsWorkerFactory(async () => ({ close: () => {}, loadChat: async () => { loads++; throw new Error('fetched'); } }));
    const state = new LlmState();
    state.settings.transformers.modelBase = SECRET_URL;
    await loadTjsModel(state);
    expect(loads).toBe(0);
    const msg = state.messages.find((m) => m.code === 'tjs-error');
    expect(msg?.text).toMatch(/user name or password/);
    expect(JSON.stringify(state.messages)).not.toContain('s3cret');
    expect(state.phase).toBe('idle');
  });
});
