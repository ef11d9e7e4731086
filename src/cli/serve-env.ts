/**
 * `npm run serve-env -- --port N`: the RecoWorld environment over HTTP on 127.0.0.1, for
 * RL code in any language (examples/python/recoworld_env.py is a Gymnasium-shaped
 * client). Routes and rules: src/core/rl/env-service.ts and docs/training.md.
 * Request bodies are bounded (64 KB, 10 s each); connections are served concurrently (at
 * most 16 requests at once), the environment's calls in order; every error is a JSON
 * `{error}` with a plain sentence.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { isRewardName, REWARD_NAMES } from '../core/env/reward';
import { EnvService, EnvServiceError, type EnvServiceConfig } from '../core/rl/env-service';
import { personasThenPopulation } from '../core/users/population';
import { rejectRepeatedFlags } from './repeated-flags';
import { UsageError, intOption } from './simulate-args';
import { runCli } from './cli-main';

/** Largest request body read. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Each request's own deadline for its whole body (a client that trickles it is cut off, alone). */
export const BODY_DEADLINE_MS = 10_000;
/** Most requests handled at once; one more is answered 503 at once (never queued without bound). */
export const MAX_IN_FLIGHT = 16;
/** Most open connections (idle keep-alive ones included); the OS refuses more. */
export const MAX_CONNECTIONS = 64;

const HEADERS = {
  'content-type': 'application/json',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

/** This machine's loopback names, with any port: the Host a program here sends. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** True for a web page's origin on this machine (http(s)://127.0.0.1, localhost or [::1], any port). */
function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOST.test(u.host);
  } catch {
    return false;
  }
}

/**
 * Why a request is refused as coming from a web page (null: served). The server answered
 * every origin (\`access-control-allow-origin: *\`) and read a text/plain POST, which a
 * browser sends cross-origin without asking, as JSON: any page the user had open could
 * reset or step the episode an RL run was in, and read it. A Host other than a loopback
 * name is a page on a rebound name (DNS rebinding). Programs send no Origin header.
 */
function webPageProblem(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (host !== undefined && !LOOPBACK_HOST.test(host)) return `the host name ${JSON.stringify(host.slice(0, 200))} is not this machine's loopback (127.0.0.1, localhost): this server is for programs on this machine`;
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return `requests from the web page ${origin.slice(0, 200)} are refused: this server is for programs on this machine (see docs/training.md)`;
  return null;
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...corsOf(res.req), ...extra }).end(JSON.stringify(body));
}

/** CORS headers for a page on a loopback origin (a page elsewhere gets none, and is refused). */
function corsOf(req: IncomingMessage | undefined): Record<string, string> {
  const origin = req?.headers.origin;
  return origin !== undefined && isLoopbackOrigin(origin) ? { 'access-control-allow-origin': origin, vary: 'origin' } : {};
}

/**
 * The body as text, within its own deadline. Past the size bound the rest is drained
 * unread (memory stays bounded) and a 413 follows; past the deadline, a 408.
 */
function readBody(req: IncomingMessage, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => reject(new EnvServiceError(408, `the request body did not arrive within ${deadlineMs} ms`)), deadlineMs);
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      clearTimeout(timer);
      if (over) reject(new EnvServiceError(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

/** Bounds of one server (the defaults above; tests pass small ones). */
export interface EnvServerLimits {
  bodyDeadlineMs?: number;
  maxInFlight?: number;
  maxConnections?: number;
}

/**
 * An HTTP server around one EnvService. Only programs on this machine and pages on its
 * loopback origins are served (403 otherwise: `webPageProblem`). Connections are served
 * concurrently, each reading its body within its own deadline and size bound, so a client
 * that trickles its body holds up no one else; at most `maxInFlight` requests at once (503 past it). The environment
 * itself is one episode, so its calls (reset, step) run one at a time, in the order their
 * bodies arrived: one session's steps stay in order, and a reset from any client starts the
 * next episode (parallel episodes need one server each).
 */
export function createEnvServer(service: EnvService, limits: EnvServerLimits = {}): Server {
  const bodyDeadlineMs = limits.bodyDeadlineMs ?? BODY_DEADLINE_MS;
  const maxInFlight = limits.maxInFlight ?? MAX_IN_FLIGHT;
  let inFlight = 0;
  let envTurn: Promise<unknown> = Promise.resolve();
  /** Run `f` on the environment after every call before it. */
  const inOrder = <T>(f: () => Promise<T>): Promise<T> => {
    const next = envTurn.then(f, f);
    envTurn = next.catch(() => undefined);
    return next;
  };
  const server = createServer(async (req, res) => {
    if (inFlight >= maxInFlight) {
      // Said at once, body unread, connection closed: no unbounded queue of waiting requests.
      return send(res, 503, { error: `the server is busy: ${maxInFlight} requests are being handled; try again shortly` }, { 'retry-after': '1', connection: 'close' });
    }
    inFlight++;
    res.once('close', () => inFlight--);
    try {
      const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
      const refused = webPageProblem(req);
      if (refused) throw new EnvServiceError(403, refused);
      if (req.method === 'OPTIONS') return void res.writeHead(204, { ...HEADERS, ...corsOf(req) }).end();
      if (route === 'GET /spec') return send(res, 200, service.spec());
      if (route !== 'POST /reset' && route !== 'POST /step') {
        // A path that exists, with the wrong method, is 405 with Allow (404 said "not found").
        const path = route.slice(route.indexOf(' ') + 1);
        const method = ({ '/spec': 'GET', '/reset': 'POST', '/step': 'POST' } as Record<string, string>)[path];
        if (method) {
          res.setHeader('allow', `${method}, OPTIONS`);
          throw new EnvServiceError(405, `${route}: ${path} takes ${method}; the routes are GET /spec, POST /reset, POST /step`);
        }
        throw new EnvServiceError(404, `no route ${route}; the routes are GET /spec, POST /reset, POST /step`);
      }
      const text = await readBody(req, bodyDeadlineMs);
      let body: unknown;
      try {
        body = text.trim() ? JSON.parse(text) : {};
      } catch (e) {
        throw new EnvServiceError(400, `the body is not valid JSON (${(e as Error).message})`);
      }
      send(res, 200, await inOrder(() => (route === 'POST /reset' ? service.reset(body) : service.step(body))));
    } catch (e) {
      // A body that never finished: answer, then close the connection (the rest is not read).
      const close = e instanceof EnvServiceError && e.status === 408 ? { connection: 'close' } : undefined;
      if (e instanceof EnvServiceError) send(res, e.status, { error: e.message }, close);
      else send(res, 500, { error: `internal error: ${(e as Error)?.message ?? String(e)}` });
      if (close) res.once('finish', () => req.destroy());
    }
  });
  server.maxConnections = limits.maxConnections ?? MAX_CONNECTIONS;
  // Backstops behind each body's own deadline: headers within 10 s, a whole request within 30 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

export const HELP = `Usage: npm run serve-env -- [options]

Serves the environment (Gym-style reset/step) on http://127.0.0.1:PORT:
  GET /spec, POST /reset {seed, user?, recommender?}, POST /step {items, message?}
Connections are served concurrently (each body within 64 KB and 10 s; at most 16 requests
at once, 503 past it); reset and step run one at a time in arrival order: one episode,
shared by every client (run one server per worker for parallel episodes). A request from
a web page of another origin, or for a host name other than 127.0.0.1 / localhost, is
refused (403): the server is for programs on this machine.

  --port N         port (0: any free port)                        [default: 8765]
  --catalog ID     built-in catalog                               [default: shortvideo]
  --users N        users a reset may name: personas, then variants [default: 100]
  --list-size N    k, items per slate                             [default: 6]
  --turns N        most lists per episode                         [default: 8]
  --reward NAME    step reward: ${REWARD_NAMES.join(', ')}          [default: watch]
  --no-instructions  one list per episode
  -h, --help`;

/** Parse options and load the world into a service config. */
export async function envConfig(argv: string[]): Promise<{ port: number; cfg: EnvServiceConfig; help: boolean }> {
  let values: Record<string, string | boolean | undefined>;
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' }, catalog: { type: 'string' }, users: { type: 'string' }, 'list-size': { type: 'string' },
        turns: { type: 'string' }, reward: { type: 'string' }, 'no-instructions': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const s = (k: string) => values[k] as string | undefined;
  const reward = s('reward') ?? 'watch';
  if (!isRewardName(reward)) throw new UsageError(`--reward must be one of ${REWARD_NAMES.join(', ')}`);
  const catalogId = s('catalog') ?? 'shortvideo';
  if (!BUILTIN_CATALOGS.some((c) => c.id === catalogId)) throw new UsageError(`--catalog "${catalogId}" is not a built-in catalog`);
  const port = intOption('port', s('port'), 8765, 0, 65535);
  const nUsers = intOption('users', s('users'), 100, 1, 100_000);
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogId), loadBuiltinPersonas()]);
  return {
    port,
    help: !!values.help,
    cfg: {
      catalog,
      users: personasThenPopulation(personas, nUsers, 42),
      listSize: intOption('list-size', s('list-size'), 6, 1, 100),
      maxTurns: intOption('turns', s('turns'), 8, 1, 1000),
      instructionsEnabled: !values['no-instructions'],
      reward,
    },
  };
}

/** The options of the server: its port and the service's config. */
type ServeOptions = { port: number; cfg: EnvServiceConfig };

/** Parse argv and load the world (before --help, as always); throws UsageError. Null for --help. */
async function parseServeArgs(argv: string[]): Promise<ServeOptions | null> {
  const { port, cfg, help } = await envConfig(argv);
  return help ? null : { port, cfg };
}

/** The server could not listen (port taken, privileged port, ...): said in one line, exit 1. */
export class ListenError extends Error {}

/** One line for a listen error, with its code: what happened and what to do. */
export function listenErrorMessage(port: number, e: NodeJS.ErrnoException): string {
  if (e.code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use (EADDRINUSE): pick another with --port`;
  if (e.code === 'EACCES') return `port ${port} on 127.0.0.1 needs privileges this process lacks (EACCES): pick one above 1023 with --port`;
  return `could not listen on port ${port} on 127.0.0.1 (${e.code ?? 'no error code'}): ${e.message}`;
}

/**
 * Serve until the server closes, which it never does by itself: the returned promise stays
 * pending while the server keeps the process alive, and a signal ends the process as it
 * always did (no handlers). A listen error (port taken, privileged port) rejects with a
 * `ListenError` (one line, exit 1); a server error after listening closes it and rejects
 * with the error itself (a bug: said with its stack).
 */
function serve({ port, cfg }: ServeOptions): Promise<number> {
  const server = createEnvServer(new EnvService(cfg));
  return new Promise((resolve, reject) => {
    server.on('error', (e: NodeJS.ErrnoException) => {
      if (!server.listening) return reject(new ListenError(listenErrorMessage(port, e)));
      server.close();
      reject(e);
    });
    server.once('close', () => resolve(0));
    // 127.0.0.1 only: the environment is for this machine's RL code, never the network.
    server.listen(port, '127.0.0.1', () => {
      const a = server.address();
      const p = a && typeof a === 'object' ? a.port : port;
      process.stdout.write(`serve-env: listening on http://127.0.0.1:${p} (GET /spec, POST /reset, POST /step)\n`);
    });
  });
}

const isEntry = process.argv[1] && /serve-env\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // 2: bad options; 1: a listen error in one line, or another failure with its stack.
  runCli({ name: 'serve-env', parse: parseServeArgs, help: HELP, run: serve, known: (e) => e instanceof ListenError }, process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
