/**
 * Layout of every view in the built app, on the built-in catalog and after importing a
 * MovieLens folder, on a desktop and a phone screen:
 * - no select shows a blank box (a bound value no option has: the Fidelity dataset and the
 *   Creator lab's topic both did, on an imported catalog);
 * - nothing is wider than the screen (an imported catalog's long name stretched the Batch
 *   form on a phone);
 * - on a desktop the page itself never scrolls: each view scrolls inside the app (the live
 *   feed's screen-reader texts once stretched the page 5,000 px below it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { chartTextProblems, openApp, sharedBrowser } from './helpers';

const env = sharedBrowser();

/** What each view shows once it has loaded (a CSS selector). */
const tid = (...ids: string[]): string => ids.map((i) => `[data-testid="${i}"]`).join(', ');
const VIEWS: Record<string, string> = {
  live: tid('run'),
  compare: tid('compare-run'),
  batch: tid('batch-run'),
  leaderboard: tid('leaderboard-run'),
  history: tid('storage-used'),
  fidelity: tid('fidelity-run', 'fidelity-empty'),
  train: tid('train-seed'),
  creator: tid('creator-run'),
  items: tid('items-catalog'),
};

interface Layout { blankSelects: string[]; overflowX: number; pageScroll: number }

async function layoutOf(page: Page, view: string): Promise<Layout> {
  const nav = page.getByTestId(`nav-${view}`);
  if (!(await nav.isVisible())) await page.getByTestId('nav-menu').click();
  await nav.click();
  await page.locator(VIEWS[view]).first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => ({
    blankSelects: Array.from(document.querySelectorAll('select'))
      .filter((s) => !(s.selectedOptions[0]?.textContent ?? '').trim())
      .map((s) => `${s.dataset.testid ?? s.name ?? 'select'}=${JSON.stringify(s.value)}`),
    overflowX: document.documentElement.scrollWidth - innerWidth,
    pageScroll: document.documentElement.scrollHeight - innerHeight,
  }));
}

async function checkAll(page: Page, desktop: boolean): Promise<Record<string, Layout>> {
  const out: Record<string, Layout> = {};
  for (const v of Object.keys(VIEWS)) out[v] = await layoutOf(page, v);
  for (const [v, l] of Object.entries(out)) {
    expect(l.blankSelects, `${v}: blank selects`).toEqual([]);
    expect(l.overflowX, `${v}: wider than the screen`).toBeLessThanOrEqual(1);
    if (desktop) expect(l.pageScroll, `${v}: the page scrolls`).toBeLessThanOrEqual(1);
  }
  return out;
}

describe('layout of every view', () => {
  it('built-in catalog, then an imported MovieLens folder; desktop and phone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-e2e-'));
    for (const [name, text] of Object.entries(movieWorldCsv({ users: 40, movies: 250, seed: 6 }))) writeFileSync(join(dir, name), text);
    const { page, errors } = await openApp(env.b.context);
    await checkAll(page, true);
    await page.setViewportSize({ width: 390, height: 800 });
    await checkAll(page, false);

    await page.setViewportSize({ width: 1280, height: 860 });
    await layoutOf(page, 'live');
    await page.getByTestId('import-movielens').setInputFiles(dir);
    await page.waitForFunction(() => /Response model fitted/.test(document.querySelector('[data-testid="catalog-import-summary"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await checkAll(page, true);
    await page.setViewportSize({ width: 390, height: 800 });
    await checkAll(page, false);
    expect(errors).toEqual([]);
  }, 240_000);

  // The live view's charts after the default session: checked in live-history.test.ts, which
  // runs that same session (a second run of it here cost a whole paced session).
  it('chart texts neither collide nor get cut off (compare, batch)', async () => {
    const { page, errors } = await openApp(env.b.context);
    await layoutOf(page, 'compare');
    await page.getByTestId('compare-run').click();
    await page.getByTestId('compare-diff').waitFor({ timeout: 90_000 });
    expect(await chartTextProblems(page), 'compare').toEqual([]);
    await layoutOf(page, 'batch');
    await page.getByTestId('batch-users').fill('300');
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-results').waitFor({ timeout: 120_000 });
    await page.getByTestId('batch-chart-turns').waitFor();
    expect(await chartTextProblems(page), 'batch').toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
