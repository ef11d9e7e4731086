/**
 * Fidelity in the built app, in real Chromium: a MovieLens-like folder imported through the
 * settings, the response model fitted in the fidelity worker (the import summary says so),
 * then the Fidelity view runs the protocol in its worker and shows the table beside the
 * baselines and the three charts, axe-clean.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../browser/harness';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { openApp } from './helpers';

let b: LaunchedBrowser;
beforeAll(async () => {
  b = await launchBrowser();
});
afterAll(async () => {
  await b?.close();
});

describe('Fidelity view (built app)', () => {
  it('imports a MovieLens folder, fits the response model in a worker, runs the protocol and charts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fidelity-e2e-'));
    const files = movieWorldCsv({ users: 40, movies: 250, seed: 6 });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { page, errors } = await openApp(b.context);
    await page.getByTestId('import-movielens').setInputFiles(dir);
    await page.waitForFunction(() => /Response model fitted/.test(document.querySelector('[data-testid="catalog-import-summary"]')?.textContent ?? ''), null, { timeout: 60_000 });
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
    await page.evaluate(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
      const r = await w.axe.run(document.querySelector('.fidelity') as Element, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
