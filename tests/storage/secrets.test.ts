import { describe, expect, it } from 'vitest';
import { isSecretKey, stripSecrets } from '../../src/storage/secrets';

describe('secrets never stored or exported', () => {
  it('recognises key-like names and keeps counters such as promptTokens', () => {
    for (const k of ['apiKey', 'api_key', 'API-KEY', 'openaiApiKey', 'token', 'accessToken', 'clientSecret', 'password', 'Authorization', 'key']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['promptTokens', 'completionTokens', 'tokensPerSec', 'keyboard', 'monkey', 'seed', 'baseUrl', 'model']) {
      expect(isSecretKey(k), k).toBe(false);
    }
  });

  it('removes secrets at any depth without touching the input', () => {
    const input = { llm: { baseUrl: 'http://x', apiKey: 'sk-1', headers: [{ Authorization: 'Bearer t', accept: 'json' }] }, seed: 3 };
    expect(stripSecrets(input)).toEqual({ llm: { baseUrl: 'http://x', headers: [{ accept: 'json' }] }, seed: 3 });
    expect(input.llm.apiKey).toBe('sk-1');
  });
});
