/**
 * The LLM panel in jsdom: no WebGPU here (what the panel says), the OpenAI-compatible
 * endpoint path end to end against a local HTTP server (a ready 'llm' simulator is handed
 * over), the API key kept out of localStorage, and the template editor's warnings (an
 * emptied template is refused when saved, and said: a reload put the default back unsaid).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LlmPanel from '../../src/ui/llm/LlmPanel.svelte';
import { llmState } from '../../src/ui/llm/llm-state.svelte';
import { modelListServerForFile } from '../helpers/model-list-server';
import type { UserSimulator } from '../../src/core/simulator/simulator';
import { DEFAULT_TEMPLATES } from '../../src/core/simulator/llm/templates';

const auth: (string | undefined)[] = [];
const server = modelListServerForFile((req) => auth.push(req.headers.authorization));

describe('LLM panel', () => {
  afterEach(() => cleanup());

  it('says there is no WebGPU and what to do', async () => {
    render(LlmPanel, { onsimulator: () => {} });
    const status = await screen.findByTestId('llm-gpu-status');
    await waitFor(() => expect(status.dataset.available).toBe('false'), { timeout: 10_000 });
    const msg = await screen.findByText(/no WebGPU/i, { selector: '[data-testid="llm-message"]' }, { timeout: 10_000 });
    expect(msg.dataset.code).toBe('no-webgpu');
    expect(msg.textContent).toMatch(/OpenAI-compatible engine or the rule-based simulator/);
  });

  it('connects to an OpenAI-compatible endpoint and hands over an llm simulator; the key stays out of localStorage', async () => {
    const sims: (UserSimulator | null)[] = [];
    render(LlmPanel, { onsimulator: (s: UserSimulator | null) => sims.push(s) });
    await fireEvent.click(screen.getByTestId('llm-engine-openai'));
    const url = screen.getByTestId('llm-openai-url') as HTMLInputElement;
    await fireEvent.input(url, { target: { value: server.url } });
    await fireEvent.input(screen.getByTestId('llm-openai-model'), { target: { value: 'tiny-model' } });
    await fireEvent.input(screen.getByTestId('llm-openai-key'), { target: { value: 'sk-secret-123' } });
    await fireEvent.change(screen.getByTestId('llm-openai-key'));
    await fireEvent.click(screen.getByTestId('llm-openai-use'));
    await waitFor(() => expect(sims.at(-1)?.name).toBe('llm'), { timeout: 10_000 });
    expect(auth.at(-1)).toBe('Bearer sk-secret-123');
    expect(await screen.findByText(/Connected: tiny-model is available/, {}, { timeout: 10_000 })).toBeTruthy();
    const stored = JSON.stringify({ ...localStorage });
    expect(stored).toContain('tiny-model');
    expect(stored).not.toContain('sk-secret-123');
    expect(sessionStorage.getItem('recoworld.llm.apiKey')).toBeNull();
    expect((sims.at(-1) as unknown as { templates: { system: string } }).templates.system).toContain('{{persona}}');
  });

  it('flags unknown placeholders in the templates', async () => {
    llmState.settings.engine = 'webllm';
    render(LlmPanel, { onsimulator: () => {} });
    const sys = screen.getByTestId('llm-template-system') as HTMLTextAreaElement;
    await fireEvent.input(sys, { target: { value: sys.value + ' {{mood}}' } });
    expect((await screen.findByTestId('llm-template-warning')).textContent).toContain('{{mood}}');
  });

  it('refuses an emptied template when it is saved, says so, and stores the default (a reload restored it unsaid)', async () => {
    llmState.settings.engine = 'webllm';
    render(LlmPanel, { onsimulator: () => {} });
    for (const [testid, which] of [['llm-template-system', 'system'], ['llm-template-item', 'item']] as const) {
      const box = screen.getByTestId(testid) as HTMLTextAreaElement;
      await fireEvent.input(box, { target: { value: '  \n ' } });
      await fireEvent.change(box);
      expect(box.value).toBe(DEFAULT_TEMPLATES[which]);
      expect(llmState.settings.templates[which]).toBe(DEFAULT_TEMPLATES[which]);
      expect(screen.getByTestId('llm-template-refused').textContent).toBe(`An empty ${which} message cannot be used: the default is back (edit it, or write your own).`);
      expect(JSON.parse(localStorage.getItem('recoworld.llm.settings')!).templates[which]).toBe(DEFAULT_TEMPLATES[which]);
      // Typing again takes the line away.
      await fireEvent.input(box, { target: { value: `${DEFAULT_TEMPLATES[which]} ` } });
      expect(screen.queryByTestId('llm-template-refused')).toBeNull();
    }
    llmState.settings.templates = { ...DEFAULT_TEMPLATES };
  });
});
