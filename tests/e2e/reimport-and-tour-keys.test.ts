/**
 * In real Chromium: the vector and policy file inputs are cleared after each import, so a
 * corrected file chosen again under the same name is read again (Chromium fires no change
 * for the same selection: the fix of a bad file did nothing); the tour closes on Escape
 * after a click elsewhere took the focus out of it, and gives the focus back to the Tour
 * button (it was left on the body).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, sharedBrowser } from './helpers';

const env = sharedBrowser();

describe('file inputs and tour keys', () => {
  it('the vector and policy file inputs are empty after an import', { timeout: 90_000 }, async () => {
    const { page, errors } = await openApp(env.b.context, 'view=items');
    await page.getByTestId('items-catalog').waitFor({ timeout: 60_000 });
    await page.getByTestId('emb-source-import').check();
    const csv = join(tmpdir(), `qa-vectors-${process.pid}.csv`);
    await writeFile(csv, 'no-such-item,1,2\n');
    await page.getByTestId('emb-file').setInputFiles(csv);
    await page.getByTestId('emb-error').waitFor();
    expect(await page.getByTestId('emb-file').inputValue()).toBe('');

    await page.goto(page.url().replace('view=items', 'view=train'));
    const policy = join(tmpdir(), `qa-policy-${process.pid}.json`);
    await writeFile(policy, '{oops');
    await page.getByTestId('policy-import').setInputFiles(policy);
    await page.getByText(/Policy file is not valid JSON/).waitFor();
    expect(await page.getByTestId('policy-import').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('Escape closes the tour wherever the focus is, and the focus returns to the Tour button', { timeout: 60_000 }, async () => {
    const { page, errors } = await openApp(env.b.context, '');
    await page.getByTestId('tour-start').click();
    await page.getByTestId('tour').waitFor();
    // Focus on the page itself, outside the tour (a click on the header could land on a view
    // button, and choosing another view closes the tour by itself).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.getByTestId('tour').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tour-start');
    expect(errors).toEqual([]);
  });
});
