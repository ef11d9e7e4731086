/**
 * The batch view in the built app: 1,000 users x 3 recommenders run in the worker
 * while the page keeps painting frames and answering clicks; results table and charts
 * appear; cancel stops a batch early.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { screenshot } from '../browser/harness';
import { countOf, openApp, sharedBrowser } from './helpers';

const env = sharedBrowser();

describe('batch run in a worker', () => {
  it('runs 1,000 users x 3 recommenders off the main thread, with progress, table and charts', async () => {
    const { page, errors } = await openApp(env.b.context, 'view=batch');
    await page.getByTestId('batch-run').waitFor();
    await page.getByTestId('batch-users').fill('1000');
    // Count animation frames and the longest gap between them while the batch runs.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __maxGap: number; __stop: boolean };
      w.__frames = 0;
      w.__maxGap = 0;
      w.__stop = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames++;
        w.__maxGap = Math.max(w.__maxGap, t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.getByTestId('batch-run').click();
    await page.getByTestId('batch-progress').waitFor();
    // While it runs, the page answers: typing into a field of the form updates it.
    await page.getByTestId('batch-seed').fill('4242');
    expect(await page.getByTestId('batch-seed').inputValue()).toBe('4242');
    const midway = await page.getByTestId('batch-progress').getAttribute('value');
    await page.getByTestId('batch-done').waitFor({ timeout: 110_000 });
    const wallMs = Date.now() - t0;
    const { frames, maxGap } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __maxGap: number; __stop: boolean };
      w.__stop = true;
      return { frames: w.__frames, maxGap: w.__maxGap };
    });
    expect(Number(midway)).toBeLessThan(3000);
    expect(await page.getByTestId('batch-progress').getAttribute('value')).toBe('3000');
    expect(await page.getByTestId('batch-done').textContent()).toMatch(/Done: 3000 sessions/);
    expect(await countOf(page.getByTestId('batch-result-row'), 3)).toBe(3);
    const table = (await page.getByTestId('batch-results').textContent()) ?? '';
    expect(table).toContain('content+follow');
    expect(table).toMatch(/\d+\.\d \[\d+\.\d, \d+\.\d\]/);
    for (const id of ['batch-chart-watch', 'batch-chart-turns', 'batch-chart-ends']) {
      expect(await countOf(page.getByTestId(id).locator('svg rect'), (k) => k > 2)).toBeGreaterThan(2);
    }
    // The main thread kept painting: a blocked page paints no frames at all while the batch runs.
    expect(frames).toBeGreaterThan(10);
    await screenshot(page, 'batch');
    // Figures for docs/storage.md (not asserted: speed is for `npm run bench`).
    const dir = join(process.cwd(), 'test-results');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'batch-responsiveness.json'), JSON.stringify({ sessions: 3000, wallMs, frames, maxFrameGapMs: Math.round(maxGap) }, null, 2));
    expect(errors).toEqual([]);
  });

  it('cancel stops the batch early and shows what finished', async () => {
    const { page } = await openApp(env.b.context, 'view=batch');
    await page.getByTestId('batch-users').fill('5000');
    // Keyboard only: Run is disabled by its own press, and focus on it fell to <body>; it goes to Cancel and back.
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
    await page.getByTestId('batch-run').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="batch-progress"]')?.getAttribute('value')) > 0);
    expect(await focused()).toBe('batch-cancel');
    await page.keyboard.press('Enter');
    await page.getByTestId('batch-done').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'batch-run');
    const text = (await page.getByTestId('batch-done').textContent()) ?? '';
    expect(text).toMatch(/^Cancelled: \d+ sessions/);
    expect(Number(/(\d+) sessions/.exec(text)?.[1])).toBeLessThan(15_000);
  });
});
