import { describe, expect, it } from 'vitest';
import { isSecretKey, stripSecrets } from '../../src/storage/secrets';

describe('secrets never stored or exported', () => {
  it('recognises key-like names and keeps counters such as promptTokens', () => {
    for (const k of ['apiKey', 'api_key', 'API-KEY', 'openaiApiKey', 'token', 'accessToken', 'clientSecret', 'password', 'Authorization', 'key']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['secretKey', 'apiToken', 'accessKey', 'privateKey', 'refresh_token', 'sessionToken', 'credentials', 'passwd', 'SECRET_KEY', 'api.token', 'Access-Key-Id', 'private key', 'REFRESH-TOKEN', 'x-api-key', 'passwordHash']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['promptTokens', 'completionTokens', 'maxTokens', 'maxToken', 'tokensPerSec', 'keyboard', 'monkey', 'seed', 'baseUrl', 'model', 'sortKey', 'author', 'passage']) {
      expect(isSecretKey(k), k).toBe(false);
    }
  });

  it('removes secrets at any depth without touching the input', () => {
    const input = { llm: { baseUrl: 'http://x', apiKey: 'sk-1', headers: [{ Authorization: 'Bearer t', accept: 'json' }] }, seed: 3 };
    expect(stripSecrets(input)).toEqual({ llm: { baseUrl: 'http://x', headers: [{ accept: 'json' }] }, seed: 3 });
    expect(input.llm.apiKey).toBe('sk-1');
  });

  it('keeps data-keyed maps whole (a topic named "password" is data), and drops __proto__ keys', () => {
    const decision = JSON.parse('{"mindset":{"interests":{"password":0.5,"fishing":1},"fatigue":{"token":0.1}},"llm":{"apiToken":"t","usage":{"promptTokens":3}},"__proto__":{"polluted":true}}');
    const out = stripSecrets(decision) as Record<string, unknown>;
    expect(out).toEqual({ mindset: { interests: { password: 0.5, fishing: 1 }, fatigue: { token: 0.1 } }, llm: { usage: { promptTokens: 3 } } });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
