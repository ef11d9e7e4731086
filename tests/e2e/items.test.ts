/**
 * The Items view in the built app, in headless Chromium: offline embeddings and the
 * semantic-ID inspector, the IndexedDB cache, and Transformers.js for real (WASM) with the
 * tiny random-weight models of shared/models served by a local server: feature extraction,
 * a chat model with streaming, token counts and stop, a missing model's error, and no
 * request leaving 127.0.0.1 (onnxruntime's .wasm comes from the app itself).
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../browser/harness';
import { axeViolations, openApp, sharedBrowser } from './helpers';

const MODELS = process.env.RECOWORLD_MODELS ?? join(process.cwd(), '../shared/models');
const haveModels = existsSync(join(MODELS, 'tiny-random-minilm', 'onnx', 'model.onnx')) && existsSync(join(MODELS, 'tiny-random-smollm2', 'onnx', 'model.onnx'));

const env = sharedBrowser();
let page: Page;
let errors: string[];
let modelServer: Server | null = null;
let modelBase = '';
const offMachine: string[] = [];
const requests: string[] = [];

// After the browser's own beforeAll (hooks run in the order registered).
beforeAll(async () => {
  await env.b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    offMachine.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  if (haveModels) {
    modelServer = await serveModels(MODELS);
    const addr = modelServer.address();
    modelBase = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  }
  ({ page, errors } = await openApp(env.b.context, 'view=items'));
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('items-catalog').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  if (modelServer) await new Promise<void>((r) => modelServer!.close(() => r()));
});

/**
 * A self-hosted model folder on another origin, as a person would run one: static files
 * with `Access-Control-Allow-Origin` (without it the browser refuses the fetch).
 */
async function serveModels(root: string): Promise<Server> {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const file = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const body = file.startsWith(base + sep) ? await readFile(file).catch(() => null) : null;
    res.writeHead(body ? 200 : 404, { 'access-control-allow-origin': '*', 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

const attr = (testId: string, name: string) => page.getByTestId(testId).getAttribute(name);

describe('Items view', () => {
  it('computes the offline embedding, fits semantic IDs and shows a prefix with its items and label', async () => {
    await page.getByTestId('emb-compute').click();
    await page.locator('[data-testid="emb-status"][data-dim="64"]').waitFor({ timeout: 90_000 });
    expect(await attr('emb-status', 'data-model')).toBe('offline');
    expect(await page.getByTestId('sid-summary').textContent()).toMatch(/3 levels × 9 codes .* 729 items/);
    const cells = page.getByTestId('sid-cell');
    expect(await cells.count()).toBeGreaterThan(9);
    await cells.first().click();
    const sel = page.getByTestId('sid-selection');
    await sel.waitFor();
    expect(((await page.getByTestId('sid-label').textContent()) ?? '').split(',').length).toBe(3);
    expect(await sel.locator('li').count()).toBeGreaterThan(0);
    // Keyboard: the tree is one Tab stop (it was one per code); arrows move in it, the
    // focused code shows a ring, Enter selects; axe-clean (a grid of rows of cells).
    expect(await page.locator('[data-testid="sid-icicle"] [tabindex="0"]').count()).toBe(1);
    await page.getByTestId('emb-compute').focus();
    const key = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null);
    for (let i = 0; i < 12 && (await key()) === null; i++) await page.keyboard.press('Tab');
    const first = await key();
    expect(first).toBe('0');
    // Down: the first code under "0" (the second row's first "0-"); Right: the next code of that row.
    const row2 = await page.locator('[data-testid="sid-icicle"] [role="row"]').nth(1).locator('[role="gridcell"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key!));
    const down = row2.findIndex((k) => k.startsWith('0-'));
    await page.keyboard.press('ArrowDown');
    expect(await key()).toBe(row2[down]);
    await page.keyboard.press('ArrowRight');
    expect(await key()).toBe(row2[down + 1]);
    expect(await page.getByTestId('sid-focus-ring').count()).toBe(1);
    await page.keyboard.press('Enter');
    expect(await page.locator(`[data-key="${row2[down + 1]}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await key()).toBeNull();
    // A level-1 code lists 30 of its items in a scrolling box (axe: it must be focusable).
    await page.locator('[data-key="0"]').click();
    expect(await page.getByTestId('sid-items').evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    expect(await axeViolations(page, 'section[aria-labelledby="sid-title"]')).toEqual([]);
    // On a phone the tree is drawn at its real width: the codes' 12 px text is not scaled down to 6 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('[data-testid="sid-icicle"]') as SVGSVGElement;
      return Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width) < 2;
    });
    const textPx = await page.locator('.cell-text').first().evaluate((t) => t.getBoundingClientRect().height);
    expect(textPx).toBeGreaterThan(11);
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, 'items-offline-sid');
  });

  it('keeps the vectors in IndexedDB: after a reload they load from the cache', async () => {
    await page.reload();
    await page.getByTestId('items-catalog').waitFor({ timeout: 30_000 });
    await page.getByTestId('emb-compute').click();
    await page.locator('[data-testid="emb-status"][data-dim="64"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('emb-note').textContent()).toMatch(/from IndexedDB/);
  });
});

describe.skipIf(!haveModels)('Transformers.js in Chromium (WASM, tiny models served locally)', () => {
  it('a model folder without CORS headers is a clear error (not a hang)', async () => {
    const noCors = createServer((_q, r) => r.writeHead(200).end('{}'));
    await new Promise<void>((r) => noCors.listen(0, '127.0.0.1', r));
    await page.getByTestId('emb-source-tjs').check();
    await page.getByTestId('emb-model').fill('tiny-random-minilm');
    await page.getByTestId('emb-base').fill(`http://127.0.0.1:${(noCors.address() as { port: number }).port}/`);
    await page.getByTestId('emb-device').selectOption('wasm');
    await page.getByTestId('emb-dtype').fill('fp32');
    await page.getByTestId('emb-compute').click();
    await page.getByTestId('emb-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('emb-error').textContent()).toMatch(/"tiny-random-minilm" could not be fetched .*Access-Control-Allow-Origin/);
    noCors.close();
  });

  it('embeds the catalog with a feature-extraction model, with progress', async () => {
    await page.getByTestId('emb-base').fill(modelBase);
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const t = setInterval(() => {
        const s = document.querySelector('[data-testid="emb-progress-text"]')?.textContent;
        if (s && w.__seen.at(-1) !== s) w.__seen.push(s);
        if (document.querySelector('[data-testid="emb-status"][data-dim="32"]')) clearInterval(t);
      }, 10);
    });
    await page.getByTestId('emb-compute').click();
    await page.locator('[data-testid="emb-status"][data-dim="32"]').waitFor({ timeout: 120_000 });
    expect(await attr('emb-status', 'data-model')).toBe('tiny-random-minilm');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((s) => /Loading tiny-random-minilm/.test(s) || /Embedding items on wasm/.test(s))).toBe(true);
    expect(await page.getByTestId('sid-summary').textContent()).toMatch(/729 items/);
  });

  it('a model missing from the folder is a clear error', async () => {
    await page.getByTestId('emb-model').fill('no-such-model');
    await page.getByTestId('emb-recompute').click();
    const err = page.getByTestId('emb-error');
    await err.waitFor({ timeout: 60_000 });
    expect(await err.textContent()).toMatch(/no-such-model.*is not in the self-hosted folder/);
  });

  it('runs a chat model: loads with progress, streams a reply with token counts, stops', async () => {
    await page.getByTestId('lm-model').fill('tiny-random-smollm2');
    await page.getByTestId('lm-base').fill(modelBase);
    await page.getByTestId('lm-device').selectOption('wasm');
    await page.getByTestId('lm-dtype').fill('fp32');
    await page.getByTestId('lm-load').click();
    await page.getByTestId('lm-loaded').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('lm-loaded').textContent()).toMatch(/tiny-random-smollm2 on wasm \(fp32\)/);
    await page.getByTestId('lm-max').fill('8');
    await page.getByTestId('lm-generate').click();
    await page.getByTestId('lm-usage').waitFor({ timeout: 120_000 });
    expect(await attr('lm-usage', 'data-completion')).toBe('8');
    expect(Number(await attr('lm-usage', 'data-prompt'))).toBeGreaterThan(20);
    // Stop a long generation.
    await page.getByTestId('lm-max').fill('400');
    await page.getByTestId('lm-generate').click();
    await page.waitForTimeout(300);
    await page.getByTestId('lm-stop').click();
    await page.getByTestId('lm-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('lm-error').textContent()).toBe('Stopped.');
    expect(await page.getByTestId('lm-usage').count()).toBe(0);
    await screenshot(page, 'items-transformers');
  });

  it('fetched nothing off this machine; onnxruntime came from the app itself', () => {
    expect(offMachine).toEqual([]);
    expect(requests.some((u) => /\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/.test(u))).toBe(true);
    expect(errors.filter((e) => !/Failed to load resource|no-such-model|CORS|Access-Control/.test(e))).toEqual([]);
  });
});
