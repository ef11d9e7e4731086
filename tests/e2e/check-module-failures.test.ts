/**
 * "Check my recommender" with broken module files, in real Chromium (each module runs in
 * its own Worker): a syntax error names the file; a module that failed to load leaves no
 * Worker behind, nor does checking the same module again. (A recommend() that never
 * returns, with an over-long declared name: one problem, the other checks skipped, the name
 * cut to a menu-sized one, no "Run it in Live": train.test.ts checks it, waiting out the
 * module's 10 s deadline once for both files.)
 */
import { describe, expect, it } from 'vitest';
import { openApp, pollUntil, sharedBrowser } from './helpers';

const env = sharedBrowser();

const file = (name: string, source: string) => ({ name, mimeType: 'text/javascript', buffer: Buffer.from(source) });

describe('Check my recommender: broken modules', () => {
  it('says which file failed, stops workers it no longer needs', { timeout: 150_000 }, async () => {
    const { page, errors } = await openApp(env.b.context, 'view=train');
    await page.getByTestId('check-file').waitFor();
    const check = async (f: ReturnType<typeof file>) => {
      await page.getByTestId('check-file').setInputFiles(f);
      await page.getByTestId('check-module-run').click();
      await page.waitForFunction(() => !document.querySelector('section.check [role="status"]') && !!document.querySelector('section.check [role="alert"], [data-testid="check-report"]'), null, { timeout: 60_000 });
      return (await page.locator('section.check').innerText()).split('Check module')[1] ?? '';
    };

    expect(await check(file('broken.mjs', 'export default { recommend( {'))).toMatch(/broken\.mjs could not be loaded: .*(Unexpected|SyntaxError)/);
    // A failed load, and the same module checked three times: at most one worker stays.
    const ok = file('fine.mjs', "export default { name: 'fine', recommend() { return { items: [] }; } };");
    for (let i = 0; i < 3; i++) await check(ok);
    expect(await pollUntil(async () => page.workers().filter((w) => /module-host/.test(w.url())).length, (n) => n <= 1)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });
});
