/**
 * The LLM panel in the built app, in headless Chromium with --enable-unsafe-webgpu. The
 * adapter depends on the machine (SwiftShader, a CPU fallback, where there is no GPU; a
 * real GPU elsewhere), so the test first asks WebGPU itself what the adapter is and then
 * checks that the panel reports exactly that: a CPU fallback (with its warning) only for a
 * software adapter, 'shader-f16' as the adapter has it, and only the builds it can run
 * (q4f16 with 'shader-f16', q4f32 without). Loading a model when the weights cannot be
 * downloaded (all requests off this machine are refused here) gives a clear message, and
 * the app stays usable with the rule-based simulator.
 *
 * Then the same panel with the OpenAI-compatible engine against a scripted chat-completions
 * server on 127.0.0.1 (canned replies, no model): thoughts stream into the item cards, a bad
 * item is marked as a fallback, the instruction reaches the recommender.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type LaunchedBrowser } from './harness';
import { openApp, waitStatus } from '../e2e/helpers';

let b: LaunchedBrowser;
let page: Page;
const offMachine: string[] = [];
/** While true, requests off this machine hang (an interrupted download); otherwise they fail at once. */
let hang = false;

/** What WebGPU itself says about the adapter the app will get (asked in the page, like the app does). */
interface AdapterFacts {
  present: boolean;
  text: string;
  isFallbackAdapter: boolean;
  f16: boolean;
}
let adapter: AdapterFacts;

beforeAll(async () => {
  b = await launchBrowser({ webgpu: true });
  // Refuse anything that is not the app's own server, deterministically (no DNS waits).
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    offMachine.push(route.request().url());
    if (hang) return new Promise<void>(() => {});
    return route.abort('internetdisconnected');
  });
  ({ page } = await openApp(b.context, 'speed=16&turns=1'));
  adapter = await page.evaluate(async (): Promise<AdapterFacts> => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(o?: object): Promise<{ info?: Record<string, unknown>; isFallbackAdapter?: boolean; features: { has(f: string): boolean } } | null> } }).gpu;
    const a = gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
    if (!a) return { present: false, text: '', isFallbackAdapter: false, f16: false };
    const info = a.info ?? {};
    const text = ['vendor', 'architecture', 'device', 'description'].map((k) => String(info[k] ?? '')).join(' ');
    return { present: true, text, isFallbackAdapter: Boolean(info.isFallbackAdapter ?? a.isFallbackAdapter), f16: a.features.has('shader-f16') };
  });
});

/** A software adapter: flagged by WebGPU, or named as one (SwiftShader, llvmpipe, lavapipe). */
const isSoftware = (a: AdapterFacts) => a.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software/i.test(a.text);
const quant = () => (adapter.f16 ? 'q4f16' : 'q4f32');

afterAll(async () => {
  await b?.close();
});

describe('WebGPU and the LLM panel in Chromium', () => {
  it('reports the adapter as WebGPU describes it (CPU fallback or GPU, shader-f16 or not) and offers only the builds it can run', async () => {
    await page.getByTestId('setting-simulator').selectOption('llm');
    const status = page.getByTestId('llm-gpu-status');
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="llm-gpu-status"]')?.getAttribute('data-available');
      return v === 'true' || v === 'false';
    }, null, { timeout: 30_000 });
    // This suite needs an adapter (SwiftShader where there is no GPU); say so plainly if there is none.
    expect(adapter.present, 'WebGPU found no adapter in this Chromium (needs --enable-unsafe-webgpu; SwiftShader or a GPU)').toBe(true);
    expect(await status.getAttribute('data-available')).toBe('true');
    const software = isSoftware(adapter);
    expect(await status.getAttribute('data-fallback')).toBe(String(software));
    expect(await status.getAttribute('data-f16')).toBe(String(adapter.f16));
    const text = (await status.textContent()) ?? '';
    expect(text.includes('(CPU fallback)')).toBe(software);
    expect(text).toContain(adapter.f16 ? '; shader-f16' : 'no shader-f16');
    const cpuWarning = page.locator('[data-testid="llm-message"][data-code="cpu-fallback"]');
    if (software) {
      await expect.poll(() => cpuWarning.count()).toBe(1);
      expect(await cpuWarning.textContent()).toMatch(/very slowly/);
    } else {
      // A real GPU: no CPU-fallback warning (checked after the options are shown, so the panel has settled).
      await page.getByTestId('llm-model-option').first().waitFor({ state: 'attached' });
      expect(await cpuWarning.count()).toBe(0);
    }
    const options = await page.getByTestId('llm-model-option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(4);
    const other = adapter.f16 ? 'q4f32' : 'q4f16';
    expect(options.every((o) => o.includes(quant()) && !o.includes(other))).toBe(true);
    expect(options.some((o) => o.includes('Qwen2.5 0.5B'))).toBe(true);
  });

  it('cancels a download that hangs, saying what was kept', async () => {
    hang = true;
    await page.getByTestId('llm-load').click();
    await page.getByTestId('llm-cancel').click();
    const msg = page.locator('[data-testid="llm-message"][data-code="load-error"]');
    await msg.waitFor();
    expect(await msg.getAttribute('data-level')).toBe('warn');
    expect(await msg.textContent()).toMatch(/was cancelled.*loading again resumes/);
    expect(await page.getByTestId('llm-cancel').count()).toBe(0);
    hang = false;
  });

  it('says clearly that the weights could not be downloaded, and the app stays usable', async () => {
    const modelId = `SmolLM2-360M-Instruct-${quant()}_1-MLC`;
    await page.getByTestId('llm-model-select').selectOption(modelId);
    await page.getByTestId('llm-load').click();
    const err = page.locator('[data-testid="llm-message"][data-level="error"]');
    await err.first().waitFor({ timeout: 90_000 });
    const text = (await err.first().textContent()) ?? '';
    expect(text).toContain(`Could not download ${modelId}`);
    expect(offMachine.length).toBeGreaterThan(0);
    await screenshot(page, 'llm-webgpu-download-failed');
    // No LLM simulator is ready: the live view must still run with the rule-based one.
    await page.getByTestId('setting-simulator').selectOption('rule-based');
    await page.getByTestId('run').click();
    await waitStatus(page, 'ended');
    expect(await page.getByTestId('item-card').count()).toBeGreaterThan(0);
  });
});

/** Canned replies by item: item 2 of list 1 is unusable (fallback), item 4 of list 1 leaves with an instruction, item 3 of list 2 leaves silently. */
function cannedReply(userMessage: string): string {
  const m = /# Item (\d+) of list (\d+)\n"([^"]*)"/.exec(userMessage);
  const [pos, list, title] = m ? [Number(m[1]), Number(m[2]), m[3]] : [0, 0, '?'];
  const base = { watch_seconds: 5, comment: '', interest: 7, satisfaction: 6, mindset: 'Still here.', reflection: '', reasons: [] as string[], instruction: '' };
  if (list === 1 && pos === 2) return 'I would rather not answer in JSON.';
  if (list === 1 && pos === 4) return JSON.stringify({ ...base, thought: `Scripted thought: done with "${title}"`, actions: ['skip', 'leave'], watch_seconds: 0, satisfaction: 2, reflection: 'Not my kind of feed.', reasons: ['off_interest'], instruction: 'More fishing please.' });
  if (list === 2 && pos === 3) return JSON.stringify({ ...base, thought: `Scripted thought: leaving after "${title}"`, actions: ['leave'], watch_seconds: 0, reflection: 'Enough for today.', reasons: ['satisfied'] });
  return JSON.stringify({ ...base, thought: `Scripted thought about "${title}"`, actions: ['watch'] });
}

describe('the LLM simulator through an OpenAI-compatible endpoint, in the app', () => {
  let server: Server;
  let endpoint = '';
  let b2: LaunchedBrowser;
  let calls = 0;
  /** When true the model never answers in JSON (every decision falls back). */
  let proseOnly = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.end();
      if (req.url?.endsWith('/models')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end(JSON.stringify({ data: [{ id: 'scripted' }] }));
      }
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        calls++;
        const body = JSON.parse(raw) as { messages: { content: string }[] };
        const text = proseOnly ? 'I would rather not answer in JSON.' : cannedReply(body.messages[1]?.content ?? '');
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        for (let i = 0; i < text.length; i += 12) res.write(`data: ${JSON.stringify({ model: 'scripted', choices: [{ delta: { content: text.slice(i, i + 12) } }] })}\n\n`);
        res.write(`data: ${JSON.stringify({ model: 'scripted', choices: [], usage: { prompt_tokens: 700, completion_tokens: 60 } })}\n\n`);
        res.end('data: [DONE]\n\n');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    b2 = await launchBrowser();
  });

  afterAll(async () => {
    await b2?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('streams thoughts into the cards, marks the fallback, and passes the instruction on', async () => {
    const { page: p, errors } = await openApp(b2.context, 'speed=16&turns=2&k=5&sim=llm&seed=42');
    await p.getByTestId('llm-engine-openai').check();
    await p.getByTestId('llm-openai-url').fill(endpoint);
    await p.getByTestId('llm-openai-model').fill('scripted');
    await p.getByTestId('llm-openai-use').click();
    await p.locator('[data-testid="llm-message"][data-code="endpoint"]').filter({ hasText: 'Connected' }).waitFor().catch(async (e: unknown) => {
      await screenshot(p, 'llm-endpoint-connect-failed');
      throw e;
    });
    await p.getByTestId('run').click();
    await waitStatus(p, 'ended');
    const cards = await p.getByTestId('item-card').allTextContents();
    expect(cards.some((c) => c.includes('Scripted thought about'))).toBe(true);
    expect(await p.locator('.badge.fallback').count()).toBeGreaterThanOrEqual(1);
    expect(await p.getByTestId('instruction-bubble').first().textContent()).toContain('More fishing please.');
    expect(calls).toBeGreaterThanOrEqual(8); // 1 + 3 (retries of item 2) + items 3, 4 + list 2
    expect(await p.getByTestId('llm-stats').textContent()).toContain('700 + 60 tok');
    // One fallback among many LLM decisions: no "mostly fallback" banner.
    expect(await p.getByTestId('llm-fallback-banner').count()).toBe(0);
    await screenshot(p, 'llm-endpoint-session');
    expect(errors).toEqual([]);
  });

  it('says loudly when the model\'s replies are never usable (mostly fallback decisions)', async () => {
    proseOnly = true;
    const { page: p } = await openApp(b2.context, 'speed=16&turns=1&k=3&sim=llm&seed=42');
    await p.getByTestId('llm-engine-openai').check();
    await p.getByTestId('llm-openai-url').fill(endpoint);
    await p.getByTestId('llm-openai-model').fill('scripted');
    await p.getByTestId('llm-openai-use').click();
    await p.locator('[data-testid="llm-message"][data-code="endpoint"]').filter({ hasText: 'Connected' }).waitFor();
    await p.getByTestId('run').click();
    await waitStatus(p, 'ended');
    const banner = p.getByTestId('llm-fallback-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-share')).toBe('1');
    expect(await banner.textContent()).toMatch(/Mostly fallback decisions\..*came from the rule-based fallback/);
    expect(await p.locator('.badge.fallback').count()).toBeGreaterThanOrEqual(1);
    await screenshot(p, 'llm-fallback-banner');
    proseOnly = false;
  });
});
