/** LLM settings never persist a secret: the API key stays out of localStorage, and so does a password typed into the base URL. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LLM_SETTINGS, loadLlmSettings, saveLlmSettings } from '../../src/ui/llm/settings-store';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('saveLlmSettings', () => {
  it('stores a base URL with credentials only redacted, and no key', () => {
    const s = structuredClone(DEFAULT_LLM_SETTINGS);
    s.openai.baseUrl = 'https://alice:hunter2@llm.example.com/v1';
    s.openai.apiKey = 'sk-secret';
    saveLlmSettings(s, false);
    const raw = JSON.stringify({ ...localStorage });
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('sk-secret');
    expect(loadLlmSettings().openai.baseUrl).toBe('https://***@llm.example.com/v1');
  });

  it('stores an ordinary URL as typed', () => {
    const s = structuredClone(DEFAULT_LLM_SETTINGS);
    s.openai.baseUrl = 'http://127.0.0.1:1234/v1';
    saveLlmSettings(s, false);
    expect(loadLlmSettings().openai.baseUrl).toBe('http://127.0.0.1:1234/v1');
  });
});
