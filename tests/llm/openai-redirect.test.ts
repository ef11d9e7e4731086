/**
 * An OpenAI-compatible endpoint that answers with a redirect: said with its status and
 * target, not followed (a followed 307 re-sent the prompt and the API key to wherever the
 * server pointed; a 302 turned the POST into a bodiless GET), and not retried. Two real
 * local servers: the one named, and the one it points to (which must see nothing).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCompatibleEngine } from '../../src/llm/openai-engine';
import { ChatEngineError } from '../../src/core/llm/chat-engine';

let named: Server;
let other: Server;
let namedUrl = '';
let otherUrl = '';
let namedHits = 0;
const otherSaw: { method?: string; auth?: string }[] = [];

const listen = async (s: Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  other = createServer((req, res) => {
    otherSaw.push({ method: req.method, auth: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: [{ id: 'elsewhere' }], choices: [{ message: { content: 'elsewhere' }, finish_reason: 'stop' }] }));
  });
  otherUrl = await listen(other);
  named = createServer((req, res) => {
    namedHits++;
    req.resume();
    res.writeHead(307, { location: `${otherUrl}${req.url}` });
    res.end();
  });
  namedUrl = await listen(named);
});

afterAll(async () => {
  for (const s of [named, other]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('OpenAI-compatible endpoint answering with a redirect', () => {
  it('chat: said with status and target, not followed, not retried; the key goes nowhere else', async () => {
    const engine = new OpenAiCompatibleEngine({ baseUrl: `${namedUrl}/v1`, model: 'm', apiKey: 'sk-secret-key' });
    const err = await engine.chat({ messages: [{ role: 'user', content: 'hi' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ChatEngineError);
    expect(err.message).toContain(`answered with a redirect (HTTP 307 to ${otherUrl}/v1/chat/completions), which is not followed`);
    expect(otherSaw).toEqual([]);
    expect(namedHits).toBe(1);
  });

  it('listing models: said the same way', async () => {
    const engine = new OpenAiCompatibleEngine({ baseUrl: `${namedUrl}/v1`, model: 'm', apiKey: 'sk-secret-key' });
    await expect(engine.listModels()).rejects.toThrow(/\/v1\/models answered with a redirect \(HTTP 307 to .*\/v1\/models\)/);
    expect(otherSaw).toEqual([]);
  });
});
