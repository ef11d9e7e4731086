/**
 * axe-core over every view, in the light and the dark theme, after something has run in
 * it (a finished live session, a compared pair, a replay): zero violations. The axe
 * script is evaluated in the page (the app's CSP forbids injected script tags).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, watchErrors } from '../browser/harness';
import { axeViolations as axe, openApp, openHistory, profileBrowser, runToEnd } from './helpers';

const env = profileBrowser();

/**
 * Open the app in a theme, stored the way the theme button stores it before the page's
 * first script runs (one load; it was opened, stored, then reloaded).
 */
async function inTheme(theme: 'light' | 'dark', query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.b.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript((t) => localStorage.setItem('recoworld-theme', t), theme);
  await page.goto(appUrl(`?${query}`));
  await page.getByTestId('nav-live').waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  return { page, errors };
}

const LAZY_VIEWS = ['batch', 'leaderboard', 'fidelity', 'train', 'creator', 'items'];

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (theme) => {
  it('Live (a finished session, explanations open), Compare (both run), History and Replay: no violations', async () => {
    const { page, errors } = await inTheme(theme, 'speed=16&scenario=table2');
    await runToEnd(page);
    await page.getByTestId('explain').first().click();
    expect(await axe(page), 'live').toEqual([]);

    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-run').click();
    await page.getByTestId('compare-diff').waitFor({ timeout: 90_000 });
    expect(await axe(page), 'compare').toEqual([]);

    await openHistory(page);
    expect(await axe(page), 'history').toEqual([]);
    await page.getByTestId('history-open').first().click();
    await page.getByTestId('replay').waitFor();
    expect(await axe(page), 'replay').toEqual([]);
    expect(errors).toEqual([]);
  });

  it('every other view as it opens: no violations', async () => {
    const { page } = await inTheme(theme, 'speed=16');
    for (const v of LAZY_VIEWS) {
      const nav = page.getByTestId(`nav-${v}`);
      if (!(await nav.count())) continue;
      await nav.click();
      await page.waitForFunction((name) => new URL(location.href).searchParams.get('view') === name, v);
      // Lazy chunks: wait until the view has drawn something other than the loading line.
      await page.waitForFunction(() => (document.querySelector('main')?.textContent ?? '').trim().length > 40, null, { timeout: 30_000 });
      await page.waitForTimeout(300);
      expect(await axe(page), v).toEqual([]);
    }
  });
});

describe('axe-core on a phone', () => {
  it('Live at 390x844 with the views menu open: no violations; the header stays compact', async () => {
    const { page } = await openApp(env.b.context, 'speed=16');
    await page.setViewportSize({ width: 390, height: 844 });
    await runToEnd(page);
    const header = await page.locator('header.top').boundingBox();
    expect(header!.height).toBeLessThan(70);
    await page.getByTestId('nav-menu').click();
    await page.getByTestId('nav-history').waitFor({ state: 'visible' });
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

describe('the axe helper', () => {
  it('reports a violation it is shown (rule, count, target) and refuses a selector that matches nothing', async () => {
    const { page } = await openApp(env.b.context, 'speed=16');
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'axe-probe';
      document.querySelector('main')!.append(b);
    });
    expect(await axe(page, 'main')).toContainEqual('button-name (1): #axe-probe');
    await expect(axe(page, '#no-such-element')).rejects.toThrow(/no element matches "#no-such-element"/);
    await page.close();
  });
});
