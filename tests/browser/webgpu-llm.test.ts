/**
 * The LLM panel in the built app, in headless Chromium with --enable-unsafe-webgpu (the
 * SwiftShader CPU adapter): the detection finds the adapter, reports a CPU fallback without
 * 'shader-f16', offers only q4f32 builds; loading a model when the weights cannot be
 * downloaded (all requests off this machine are refused here) gives a clear message, and
 * the app stays usable with the rule-based simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type LaunchedBrowser } from './harness';
import { openApp, waitStatus } from '../e2e/helpers';

let b: LaunchedBrowser;
let page: Page;
const offMachine: string[] = [];

beforeAll(async () => {
  b = await launchBrowser({ webgpu: true });
  // Refuse anything that is not the app's own server, deterministically (no DNS waits).
  await b.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    offMachine.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  ({ page } = await openApp(b.context, 'speed=16&turns=1'));
});

afterAll(async () => {
  await b?.close();
});

describe('WebGPU and the LLM panel in Chromium', () => {
  it('finds the adapter, reports a CPU fallback without shader-f16 and offers only q4f32 models', async () => {
    await page.getByTestId('setting-simulator').selectOption('llm');
    const status = page.getByTestId('llm-gpu-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="llm-gpu-status"]')?.getAttribute('data-available') !== 'unknown', null, { timeout: 30_000 });
    expect(await status.getAttribute('data-available')).toBe('true');
    expect(await status.getAttribute('data-fallback')).toBe('true');
    expect(await status.getAttribute('data-f16')).toBe('false');
    expect(await status.textContent()).toContain('CPU fallback');
    await expect.poll(() => page.locator('[data-testid="llm-message"][data-code="cpu-fallback"]').count()).toBe(1);
    expect(await page.locator('[data-testid="llm-message"][data-code="cpu-fallback"]').textContent()).toMatch(/very slowly/);
    const options = await page.getByTestId('llm-model-option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(4);
    expect(options.every((o) => o.includes('q4f32') && !o.includes('q4f16'))).toBe(true);
    expect(options.some((o) => o.includes('Qwen2.5 0.5B'))).toBe(true);
  });

  it('says clearly that the weights could not be downloaded, and the app stays usable', async () => {
    await page.getByTestId('llm-model-select').selectOption('SmolLM2-360M-Instruct-q4f32_1-MLC');
    await page.getByTestId('llm-load').click();
    const err = page.locator('[data-testid="llm-message"][data-level="error"]');
    await err.first().waitFor({ timeout: 90_000 });
    const text = (await err.first().textContent()) ?? '';
    expect(text).toMatch(/Could not download SmolLM2-360M-Instruct-q4f32_1-MLC/);
    expect(offMachine.length).toBeGreaterThan(0);
    await screenshot(page, 'llm-webgpu-download-failed');
    // No LLM simulator is ready: the live view must still run with the rule-based one.
    await page.getByTestId('setting-simulator').selectOption('rule-based');
    await page.getByTestId('run').click();
    await waitStatus(page, 'ended');
    expect(await page.getByTestId('item-card').count()).toBeGreaterThan(0);
  });
});
