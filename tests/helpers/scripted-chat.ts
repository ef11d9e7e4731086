/**
 * A real local HTTP server speaking the OpenAI chat-completions protocol with one scripted
 * reply: every request gets `content` as the assistant's message, or, in `fail` mode, a 400
 * error. It keeps the raw request bodies (the prompts). No model runs: a figure measured
 * against it is the script's, never a model's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A decision that watches and likes everything (the LLM simulator's reply format). */
export const WATCH_AND_LIKE = JSON.stringify({ thought: 'Looks good.', actions: ['watch', 'like'], watch_seconds: 60, comment: '', interest: 7, satisfaction: 7, mindset: 'Open to more.', reflection: '', reasons: [], instruction: '' });

export interface ScriptedChat {
  /** Base URL, `http://127.0.0.1:PORT/v1`. */
  base: string;
  /** Raw request bodies, in order. */
  prompts: string[];
  /** 'all': answer every request with the content; 'fail': answer 400. */
  mode: 'all' | 'fail';
  close(): Promise<void>;
}

export async function startScriptedChat(content = WATCH_AND_LIKE): Promise<ScriptedChat> {
  const chat = { prompts: [] as string[], mode: 'all' as 'all' | 'fail' };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      chat.prompts.push(raw);
      const [status, body] = chat.mode === 'fail' ? [400, { error: { message: 'scripted failure' } }] : [200, { model: 'fake', choices: [{ message: { content }, finish_reason: 'stop' }], usage: { prompt_tokens: 100, completion_tokens: 20 } }];
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(chat, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  });
}

/** One scripted server for a test file: started before its tests, closed after. Read `env.chat` inside tests. */
export function scriptedChatForFile(content?: string): { readonly chat: ScriptedChat } {
  const env = {} as { chat: ScriptedChat };
  beforeAll(async () => {
    env.chat = await startScriptedChat(content);
  });
  afterAll(() => env.chat?.close());
  return env;
}
