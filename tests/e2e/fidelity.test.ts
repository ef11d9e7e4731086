/**
 * Fidelity in the built app, in real Chromium: a MovieLens-like folder imported through the
 * settings, the response model fitted in the fidelity worker (the import summary says so),
 * then the Fidelity view runs the protocol in its worker and shows the table beside the
 * baselines and the three charts, axe-clean. Then the same view with an LLM as the
 * simulated user: the worker calls a real local HTTP server (CORS allowed) speaking the
 * OpenAI chat protocol with scripted replies (no model runs; no figure here is a model's).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { axeViolations, importMovieLensFixture, openApp, sharedBrowser, toPhone } from './helpers';

const env = sharedBrowser();
/** The seeded MovieLens-like folder every test here imports. */
const WORLD = { users: 40, movies: 250, seed: 6 };

describe('Fidelity view (built app)', () => {
  it('imports a MovieLens folder, fits the response model in a worker, runs the protocol and charts it', async () => {
    const { page, errors } = await openApp(env.b.context);
    await importMovieLensFixture(page, WORLD);
    await page.getByTestId('nav-fidelity').click();
    // The select shows the dataset that will run (it was blank until one was picked).
    expect(await page.getByTestId('fidelity-dataset').locator('option:checked').textContent()).toMatch(/\(\d+ users\)/);
    await page.getByTestId('fidelity-seeds').fill('1');
    await page.getByTestId('fidelity-run').click();
    await page.getByTestId('fidelity-table').waitFor({ timeout: 90_000 });
    const rows = await page.getByTestId('fidelity-table').locator('tbody th').allTextContents();
    expect(rows).toEqual(['simulator', 'neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean']);
    expect(await page.getByTestId('fidelity-roc').locator('path.line').count()).toBe(2);
    expect(await page.getByTestId('fidelity-per-user').locator('circle').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('fidelity-goals').locator('tbody tr').count()).toBe(7);
    expect(await axeViolations(page, '.fidelity')).toEqual([]);
    // On a phone the report fits the screen: wide tables scroll inside their own region
    // (the sessions table pushed the page 449 px sideways).
    await toPhone(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(1);
    expect(await axeViolations(page, '.fidelity')).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);

  it('runs the protocol with an LLM at an OpenAI-compatible endpoint, from the worker', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen.push(raw);
        const content = JSON.stringify({ thought: 'Fine.', actions: ['watch', 'like'], watch_seconds: 60, comment: '', interest: 7, satisfaction: 7, mindset: 'Open.', reflection: '', reasons: [], instruction: '' });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ model: 'fake', choices: [{ message: { content }, finish_reason: 'stop' }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { page, errors } = await openApp(env.b.context);
      await importMovieLensFixture(page, WORLD);
      await page.getByTestId('nav-fidelity').click();
      await page.getByTestId('fidelity-simulator').selectOption('llm');
      await page.getByTestId('fidelity-llm-url').fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`);
      await page.getByTestId('fidelity-llm-model').fill('fake-model');
      // The URL and key fields look like every other field (on the dark theme they kept the browser's light box).
      await page.getByTestId('theme-toggle').click();
      const bg = (id: string) => page.getByTestId(id).evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(await bg('fidelity-llm-url')).toBe(await bg('fidelity-llm-model'));
      expect(await bg('fidelity-llm-key')).toBe(await bg('fidelity-seeds'));
      await page.getByTestId('fidelity-seeds').fill('1');
      await page.getByTestId('fidelity-max-users').fill('4');
      await page.getByTestId('fidelity-run').click();
      await page.getByTestId('fidelity-table').waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('fidelity-table').locator('tbody tr td').first().textContent()).toBe('0.500');
      expect(await page.getByTestId('fidelity-fallback').textContent()).toMatch(/0\.0% of its decisions/);
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.some((p) => /Recently rated/.test(p))).toBe(true);
      expect(await axeViolations(page, '.fidelity')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 240_000);

  it('keeps a run going, and its report, while the user visits another view', async () => {
    const { page, errors } = await openApp(env.b.context);
    await importMovieLensFixture(page, WORLD);
    await page.getByTestId('nav-fidelity').click();
    await page.getByTestId('fidelity-seeds').fill('2');
    await page.getByTestId('fidelity-run').click();
    await page.getByTestId('fidelity-progress').waitFor({ timeout: 30_000 });
    // Away mid-run and back: the run is still going (or done), not lost.
    await page.getByTestId('nav-live').click();
    await page.getByTestId('run').waitFor();
    await page.getByTestId('nav-fidelity').click();
    await page.locator('[data-testid="fidelity-progress"], [data-testid="fidelity-table"]').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('fidelity-table').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('fidelity-seeds').inputValue()).toBe('2');
    // And the report stays after another visit.
    await page.getByTestId('nav-live').click();
    await page.getByTestId('nav-fidelity').click();
    expect(await page.getByTestId('fidelity-table').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);
});
