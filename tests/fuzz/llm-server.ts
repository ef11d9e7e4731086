/**
 * A real HTTP server on 127.0.0.1 for the LLM fuzz suites: each test installs a handler
 * that misbehaves in one way (bad events, wrong types, endless streams, resets, 5xx ...).
 * Timers and sockets it opens are cleaned up between tests, so nothing outlives a test.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Serve = (req: IncomingMessage, res: ServerResponse, n: number, body: string) => void;

export interface FuzzServer {
  base: string;
  /** Requests received since the last `reset`. */
  requests: number;
  bodies: string[];
  serve: Serve;
  /** Run `fn` every `ms` until the response closes (or `reset`). */
  every(res: ServerResponse, ms: number, fn: () => void): void;
  later(ms: number, fn: () => void): void;
  reset(serve: Serve): void;
  close(): Promise<void>;
}

export async function startFuzzServer(): Promise<FuzzServer> {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sockets = new Set<Socket>();
  /** Responses not finished yet (endless streams of the last case); idle keep-alive sockets are left alone. */
  const active = new Set<ServerResponse>();
  let server: Server;
  const fs: FuzzServer = {
    base: '',
    requests: 0,
    bodies: [],
    serve: () => {},
    every(res, ms, fn) {
      const t = setInterval(() => {
        if (res.destroyed || res.writableEnded) {
          clearInterval(t);
          timers.delete(t);
          return;
        }
        fn();
      }, ms);
      timers.add(t);
    },
    later(ms, fn) {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
    reset(serve) {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const res of active) res.socket?.destroy();
      active.clear();
      fs.requests = 0;
      fs.bodies = [];
      fs.serve = serve;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const n = fs.requests++;
      fs.bodies.push(body);
      active.add(res);
      res.on('close', () => active.delete(res));
      fs.serve(req, res, n, body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fs.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fs;
}

/** SSE response headers. */
export function sse(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}

/** One `data:` event with this object. */
export function ev(res: ServerResponse, obj: unknown): void {
  res.write(`data: ${JSON.stringify(obj)}\n\n`);
}

/** A delta event carrying `content`. */
export function delta(content: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'fuzz-model', choices: [{ delta: { content }, finish_reason: null }], ...extra };
}

/** Stream `text` in `pieces` deltas, then usage and [DONE]. */
export function streamReply(res: ServerResponse, text: string, pieces = 4, usage: unknown = { prompt_tokens: 11, completion_tokens: 7 }): void {
  sse(res);
  const size = Math.max(1, Math.ceil(text.length / pieces));
  for (let i = 0; i < text.length; i += size) ev(res, delta(text.slice(i, i + size)));
  ev(res, { model: 'fuzz-model', choices: [{ delta: {}, finish_reason: 'stop' }] });
  if (usage !== undefined) ev(res, { model: 'fuzz-model', choices: [], usage });
  res.end('data: [DONE]\n\n');
}

/** A JSON answer with this status. */
export function json(res: ServerResponse, status: number, obj: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(obj));
}
