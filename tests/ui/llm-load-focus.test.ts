/**
 * Keyboard focus through the LLM panel's loads: "Download and load" (WebLLM and
 * Transformers.js) and "Use this endpoint" are disabled while they work, and focus on a
 * disabled button falls to <body> in a browser (the next Tab started at the page's top, and
 * Cancel / Stop, the one useful key, was out of reach). Focus now goes to Cancel / Stop while
 * the model loads and back to the button at the end, as in Batch, Train and Items; "Delete
 * from cache", disabled once the model is deleted, hands it to "Download and load". jsdom
 * keeps focus on a disabled button, so the endpoint test drops it to <body> by hand, as a browser does.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import LlmPanel from '../../src/ui/llm/LlmPanel.svelte';
import { llmState } from '../../src/ui/llm/llm-state.svelte';
import { setTjsWorkerFactory, type TjsWorkerLike } from '../../src/ui/llm/llm-actions';
import type { ModelOption } from '../../src/llm/webllm/catalogue';
import type { GpuReport } from '../../src/llm/webllm/webgpu';
import { modelListServerForFile } from '../helpers/model-list-server';
import { preloadLlmSimulator } from '../helpers/preload-llm-simulator';

// A loaded model makes the panel import the simulator registry lazily: loaded first, so that import cannot outlive this file.
beforeAll(preloadLlmSimulator);

const load = vi.hoisted(() => ({ release: null as null | (() => void) }));
vi.mock('../../src/llm/webllm/load', () => ({
  loadWebLlmModel: () => new Promise((resolve) => (load.release = () => resolve({ engine: { id: 'webllm:m-a', chat: async () => ({}) }, unload: async () => {} }))),
  isModelCached: async () => false,
  deleteCachedModel: async () => {},
}));

const server = modelListServerForFile();

afterEach(() => {
  cleanup();
  llmState.engine = null;
  llmState.engineKey = '';
  llmState.unload = null;
  llmState.phase = 'idle';
  llmState.messages = [];
});

describe('LLM panel focus through a load', () => {
  it('WebLLM: Download and load hands focus to Cancel, and takes it back', async () => {
    llmState.gpu = { available: true, vendor: 'v', architecture: 'a', device: '', description: 'GPU', isFallbackAdapter: false, shaderF16: true, maxBufferSize: null, maxStorageBufferBindingSize: null, deviceMemoryGB: null } as GpuReport;
    llmState.models = [{ id: 'm-a', label: 'Model A', downloadMB: 100, vramMB: 200, contextWindow: 4096 } as unknown as ModelOption];
    llmState.settings.engine = 'webllm';
    llmState.settings.webllm.modelId = 'm-a';
    render(LlmPanel, { onsimulator: () => {} });
    const btn = screen.getByTestId('llm-load') as HTMLButtonElement;
    btn.focus();
    await fireEvent.click(btn);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('llm-cancel')));
    await waitFor(() => expect(load.release).not.toBeNull());
    load.release!();
    await waitFor(() => expect(llmState.phase).toBe('ready'));
    await waitFor(() => expect(document.activeElement).toBe(btn));
  });

  it('WebLLM: Delete from cache, disabled once the model is gone, hands the focus to Download and load', async () => {
    llmState.gpu = { available: true, vendor: 'v', architecture: 'a', device: '', description: 'GPU', isFallbackAdapter: false, shaderF16: true, maxBufferSize: null, maxStorageBufferBindingSize: null, deviceMemoryGB: null } as GpuReport;
    llmState.models = [{ id: 'm-a', label: 'Model A', downloadMB: 100, vramMB: 200, contextWindow: 4096 } as unknown as ModelOption];
    llmState.settings.engine = 'webllm';
    llmState.settings.webllm.modelId = 'm-a';
    llmState.cached = { 'm-a': true };
    render(LlmPanel, { onsimulator: () => {} });
    const del = screen.getByTestId('llm-delete') as HTMLButtonElement;
    expect(del.disabled).toBe(false);
    del.focus();
    await fireEvent.click(del);
    await waitFor(() => expect(del.disabled).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('llm-load')));
  });

  it('Transformers.js: Download and load hands focus to Stop, and takes it back', async () => {
    let release: () => void = () => {};
    const fake: TjsWorkerLike = {
      close: () => {},
      loadChat: (o) => new Promise((resolve) => (release = () => resolve({ engine: { id: `tjs:${o.model}`, chat: async () => ({}) } as never, info: { model: o.model, device: 'wasm', dtype: 'q8', ms: 1 } }))),
    };
    setTjsWorkerFactory(async () => fake);
    llmState.settings.engine = 'transformers';
    render(LlmPanel, { onsimulator: () => {} });
    const btn = screen.getByTestId('tjs-load') as HTMLButtonElement;
    btn.focus();
    await fireEvent.click(btn);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('tjs-cancel')));
    release();
    await waitFor(() => expect(llmState.phase).toBe('ready'));
    await waitFor(() => expect(document.activeElement).toBe(btn));
  });

  it('the endpoint: Use this endpoint has the focus again once connected', async () => {
    llmState.settings.engine = 'openai';
    render(LlmPanel, { onsimulator: () => {} });
    await fireEvent.input(screen.getByTestId('llm-openai-url'), { target: { value: server.url } });
    await fireEvent.input(screen.getByTestId('llm-openai-model'), { target: { value: 'tiny-model' } });
    const btn = screen.getByTestId('llm-openai-use') as HTMLButtonElement;
    btn.focus();
    await fireEvent.click(btn);
    expect(btn.disabled).toBe(true);
    // What a browser does to a focused button that is disabled (jsdom keeps it there).
    const tmp = document.body.appendChild(document.createElement('input'));
    tmp.focus();
    tmp.remove();
    expect(document.activeElement).toBe(document.body);
    await waitFor(() => expect(llmState.phase).toBe('ready'), { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(btn));
  });
});
