/**
 * A self-hosted model folder that lacks files, served by a real local HTTP server, in two
 * shapes: a plain static server (404) and a host that answers unknown paths with the app's
 * index.html (what `vite preview` and many SPA hosts do). The load error names the missing
 * files; before, it read "Unexpected token '<'..." or "protobuf parsing failed" and named none.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tjs from '@huggingface/transformers';
import { loadGenerator, type TjsModule } from '../../src/llm/transformers/runtime';
import { requiredModelFiles } from '../../src/llm/transformers/missing-files';
import { closedPortUrl } from '../helpers/closed-port';

const MODELS = process.env.RECOWORLD_MODELS ?? join(__dirname, '../../../shared/models');
const have = existsSync(join(MODELS, 'tiny-random-smollm2', 'onnx', 'model.onnx'));
const lib = tjs as unknown as TjsModule;

let server: Server;
let url = '';
let cacheDir: string | undefined;

beforeAll(async () => {
  // /<mode>/<name>/<file>: mode 404 or spa; name "notok-*" is the tiny SmolLM2 without tokenizer.json.
  server = createServer(async (q, r) => {
    const [, mode, name, ...rest] = decodeURIComponent(new URL(q.url ?? '/', 'http://x').pathname).split('/');
    const file = rest.join('/');
    const hidden = name?.startsWith('notok') && file === 'tokenizer.json';
    const body = hidden || !name?.startsWith('notok') && !name?.startsWith('full') ? null : await readFile(join(MODELS, 'tiny-random-smollm2', file)).catch(() => null);
    if (body) return void r.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(q.method === 'HEAD' ? undefined : body);
    if (mode === 'spa') return void r.writeHead(200, { 'Content-Type': 'text/html' }).end(q.method === 'HEAD' ? undefined : '<!doctype html><html></html>');
    r.writeHead(404).end('not found');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // A fresh Node file cache, so every file comes from this server.
  cacheDir = tjs.env.cacheDir ?? undefined;
  tjs.env.cacheDir = await mkdtemp(join(tmpdir(), 'tjs-cache-'));
});
afterAll(() => {
  if (cacheDir) tjs.env.cacheDir = cacheDir;
  server?.close();
});

describe('requiredModelFiles', () => {
  it('names the weights file of a known dtype only', () => {
    expect(requiredModelFiles('fp32')).toContain('onnx/model.onnx');
    expect(requiredModelFiles('q8')).toContain('onnx/model_quantized.onnx');
    expect(requiredModelFiles('weird').some((f) => f.endsWith('.onnx'))).toBe(false);
  });
});

describe.skipIf(!have)('a self-hosted model folder that lacks files', () => {
  const load = (base: string, model: string, dtype = 'fp32') => loadGenerator(lib, { model, device: 'cpu', dtype, modelBase: base });

  it('says a folder that is not there is unreachable, without the browser-only CORS hint in Node', async () => {
    const err = await load(`${await closedPortUrl()}/`, 'tiny').catch((e: Error) => e);
    expect(String(err)).toMatch(/could not be fetched from .*: the server is unreachable \(/);
    expect(String(err)).not.toMatch(/Access-Control|this page/);
  });

  for (const mode of ['404', 'spa']) {
    it(`names the missing tokenizer.json (${mode})`, async () => {
      await expect(load(`${url}/${mode}/`, `notok-${mode}`)).rejects.toThrow(
        new RegExp(`"notok-${mode}" \\(fp32\\) is incomplete in the self-hosted folder.*/${mode}/notok-${mode}/ lacks tokenizer\\.json \\(${mode === '404' ? '404' : 'the server sent an HTML page'}`),
      );
    });
  }

  it('names the weights file a dtype needs (spa host)', async () => {
    await expect(load(`${url}/spa`, 'full-q8', 'q8')).rejects.toThrow(/"full-q8" \(q8\) is incomplete.*lacks onnx\/model_quantized\.onnx/);
  });

  it('a model that is not there at all is said to be not in the folder (spa host)', async () => {
    await expect(load(`${url}/spa/`, 'absent')).rejects.toThrow(/"absent" \(fp32\) is not in the self-hosted folder.*lacks config\.json/);
  });
});
