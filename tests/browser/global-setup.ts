/**
 * Browser-test setup: builds the app once (vite build to dist/) and serves dist/ with a
 * tiny static server on 127.0.0.1 (a random free port), at the root and under the
 * subpath /recoworld/ (proving the build works from any static host's subpath).
 * Tests read the URL with `inject('appBaseUrl')` (see harness.ts `appUrl`).
 *
 * Set RECOWORLD_SKIP_BUILD=1 to serve an existing build without rebuilding, and
 * RECOWORLD_TEST_OUTDIR=<dir> to build somewhere other than dist/ (e.g. when two
 * checkouts' test runs would otherwise rebuild the same dist/ under each other).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served build, ending in '/', e.g. http://127.0.0.1:41234/recoworld/ */
    appBaseUrl: string;
  }
}

/** The subpath the app is served under (it is also served at '/'). */
export const SUBPATH = '/recoworld/';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.jsonl': 'application/x-ndjson',
  '.csv': 'text/csv; charset=utf-8',
};

/** Serve `root` at '/' and at SUBPATH. Resolves to the server once listening. */
export async function serveStatic(root: string): Promise<Server> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.startsWith(SUBPATH)) path = '/' + path.slice(SUBPATH.length);
      else if (path === SUBPATH.slice(0, -1)) path = '/';
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (st?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = process.cwd();
  const outDir = resolve(root, process.env.RECOWORLD_TEST_OUTDIR || 'dist');
  if (!process.env.RECOWORLD_SKIP_BUILD) {
    const { build } = await import('vite');
    await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  const server = await serveStatic(outDir);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}${SUBPATH}`;
  project.provide('appBaseUrl', url);
  process.env.RECOWORLD_APP_URL = url;
  return async () => {
    await new Promise<void>((r) => server.close(() => r()));
  };
}
