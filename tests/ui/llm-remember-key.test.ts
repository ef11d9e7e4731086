/**
 * "Remember the key in this tab" after a reload: the key came back from sessionStorage into
 * the key field, but the box showed unticked, and the next change of any LLM setting (a
 * model name, a template) removed the key from the tab without a word. The box now starts
 * ticked when a remembered key was found, and the key stays until it is unticked.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { LlmState } from '../../src/ui/llm/llm-state.svelte';
import OpenAiSection from '../../src/ui/llm/OpenAiSection.svelte';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

describe('a remembered API key after a reload', () => {
  it('shows as remembered and stays through other changes, until unticked', async () => {
    sessionStorage.setItem('recoworld.llm.apiKey', 'sk-remembered');
    const state = new LlmState(); // what a reload builds
    expect(state.settings.openai.apiKey).toBe('sk-remembered');
    render(OpenAiSection, { state });
    const box = screen.getByLabelText(/Remember the key in this tab/) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await fireEvent.input(screen.getByTestId('llm-openai-model'), { target: { value: 'other-model' } });
    await fireEvent.change(screen.getByTestId('llm-openai-model'));
    expect(sessionStorage.getItem('recoworld.llm.apiKey')).toBe('sk-remembered');
    await fireEvent.click(box);
    expect(box.checked).toBe(false);
    expect(sessionStorage.getItem('recoworld.llm.apiKey')).toBeNull();
  });

  it('without a remembered key the box starts unticked', () => {
    expect(new LlmState().rememberKey).toBe(false);
  });
});
