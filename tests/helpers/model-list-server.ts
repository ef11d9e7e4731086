/**
 * A real local OpenAI-compatible server that only lists one model ("tiny-model"), open to any
 * origin (the LLM panel's Connect asks it for its models), registered for the calling test
 * file: started before its tests, closed after them.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** The server's base URL (`.url`, ".../v1", set once it listens); `onRequest` sees every request. */
export function modelListServerForFile(onRequest: (req: IncomingMessage) => void = () => {}): { url: string } {
  const handle = { url: '' };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      onRequest(req);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', '*');
      if (req.method === 'OPTIONS') return void res.end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: [{ id: 'tiny-model' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    handle.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return handle;
}
