/**
 * Long unbroken text from the user or a file (a 10,000-character item id in a vector file,
 * a 3,000-character model id, a 1,900-character recommender URL, an 80-character policy
 * name) wraps on a phone (390 px) instead of widening the page: the page scrolled
 * sideways over 73,000 px for the vector file's error.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, sharedBrowser, toPhone } from './helpers';

const env = sharedBrowser();
const pageWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);

describe('long text on a phone', () => {
  it('errors and reports in Items and Train wrap', { timeout: 120_000 }, async () => {
    const { page, errors } = await openApp(env.b.context, 'view=items');
    await toPhone(page);
    await page.getByTestId('items-catalog').waitFor({ timeout: 60_000 });
    await page.getByTestId('emb-source-import').check();
    const csv = join(tmpdir(), `qa-long-${process.pid}.csv`);
    await writeFile(csv, `<img src=x onerror=alert(1)>${'z'.repeat(10_000)},1,2\n`);
    await page.getByTestId('emb-file').setInputFiles(csv);
    await page.getByTestId('emb-error').waitFor();
    expect(await page.getByTestId('emb-error').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.getByTestId('emb-source-tjs').check();
    await page.getByTestId('emb-model').fill('m'.repeat(3000));
    await page.getByTestId('emb-compute').click();
    await page.getByTestId('emb-error').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="emb-error"]')?.textContent ?? '').includes('mmmm'));
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.goto(page.url().replace('view=items', 'view=train'));
    await page.getByTestId('check-url').waitFor();
    await page.getByTestId('check-url').fill(`http://127.0.0.1:1/${'p'.repeat(1900)}`);
    await page.getByTestId('check-url-run').click();
    await page.getByTestId('check-report').waitFor({ timeout: 60_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    await page.getByTestId('policy-name').fill('n'.repeat(80));
    await page.getByLabel(/Evaluate every/).fill('4');
    await page.getByLabel(/Held-out users/).fill('5');
    await page.getByTestId('train-start').click();
    await page.waitForFunction(() => /Episode [1-9]/.test(document.querySelector('[data-testid="train-status"]')?.textContent ?? ''), null, { timeout: 60_000 });
    await page.getByTestId('train-pause').click();
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-list').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/.test(e))).toEqual([]);
  });

  it('a stored creator run with a 200-character title wraps', { timeout: 120_000 }, async () => {
    const { page, errors } = await openApp(env.b.context, 'view=creator');
    await toPhone(page);
    await page.getByTestId('creator-run').waitFor();
    await page.getByTestId('creator-title').fill('W'.repeat(200));
    await page.getByTestId('creator-users').fill('200');
    await page.getByTestId('creator-replicates').fill('2');
    await page.getByTestId('creator-run').click();
    await page.getByTestId('creator-saved').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('creator-saved').textContent()).toContain('W'.repeat(200));
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
