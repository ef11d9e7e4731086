/**
 * The leaderboard's NDCG-versus-retention chart in real Chromium, on the real benchmark:
 * no recommender's name covers a point (its own or another's), another name or a quadrant
 * name, and none runs out of the chart. Measured with the browser's own text boxes; the
 * old rule (right of the point, pushed down) printed "popular" over random's point. And a
 * run goes on, with its progress, while the user visits another view.
 */
import { describe, expect, it } from 'vitest';
import { openApp, sharedBrowser, toPhone } from './helpers';

const env = sharedBrowser();

describe('leaderboard NDCG-versus-retention chart', () => {
  it('labels cover no point, no other text, and stay inside the chart; the results fit a phone', async () => {
    const { page, errors } = await openApp(env.b.context);
    await page.getByTestId('nav-leaderboard').click();
    await page.getByTestId('leaderboard-run').click();
    await page.getByTestId('ndcg-retention-point').first().waitFor({ timeout: 120_000 });
    const found = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="chart-ndcg-retention"] svg')!;
      const frame = svg.getBoundingClientRect();
      const dots = Array.from(svg.querySelectorAll('circle')).map((c) => c.getBoundingClientRect());
      const texts = Array.from(svg.querySelectorAll('text'))
        .filter((t) => !t.closest('[transform*="rotate"]') && !(t.getAttribute('transform') ?? '').includes('rotate'))
        .map((t) => ({ s: t.textContent ?? '', r: t.getBoundingClientRect(), label: !!t.closest('[data-testid="ndcg-retention-point"]') }));
      const hit = (a: DOMRect, b: DOMRect, m = 1) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > m && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > m;
      const out: string[] = [];
      for (const t of texts.filter((x) => x.label)) {
        // Glyph boxes include the font's ascent and descent: shrink them by a pixel or two before testing.
        const r = new DOMRect(t.r.left, t.r.top + 2, t.r.width, t.r.height - 4);
        if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) out.push(`"${t.s}" is cut off`);
        dots.forEach((d, k) => { if (hit(r, d)) out.push(`"${t.s}" covers point ${k}`); });
        for (const o of texts) if (o !== t && hit(r, o.r, 2)) out.push(`"${t.s}" overlaps "${o.s}"`);
      }
      return { out, labels: texts.filter((x) => x.label).length, dots: dots.length };
    });
    if (process.env.LB_SHOT) await page.locator('[data-testid="chart-ndcg-retention"] svg').screenshot({ path: process.env.LB_SHOT });
    expect(found.dots).toBeGreaterThanOrEqual(10);
    expect(found.labels).toBe(found.dots);
    expect(found.out).toEqual([]);
    // With its results, on a phone, the view fits the screen (the table scrolls in its region).
    await toPhone(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(1);
    // The table's caption wraps within the screen (it ran off the right edge, cut mid-word).
    expect(await page.getByTestId('leaderboard-table').locator('caption').evaluate((c) => c.getBoundingClientRect().right - innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it('keeps a run and its progress while the user visits another view', async () => {
    const { page, errors } = await openApp(env.b.context);
    await page.getByTestId('nav-leaderboard').click();
    await page.getByTestId('leaderboard-run').click();
    await page.getByTestId('leaderboard-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-live').click();
    await page.getByTestId('run').waitFor();
    await page.getByTestId('nav-leaderboard').click();
    // Still running (its progress and Cancel are back), or already done: not an idle view with the old table.
    await page.locator('[data-testid="leaderboard-progress"], [data-testid="leaderboard-elapsed"]').first().waitFor({ timeout: 10_000 });
    if (await page.getByTestId('leaderboard-cancel').isVisible()) {
      // The kept run still answers its Cancel (no need to wait the whole benchmark out).
      await page.getByTestId('leaderboard-cancel').click();
      await page.getByTestId('leaderboard-error').filter({ hasText: 'Cancelled' }).waitFor({ timeout: 30_000 });
    }
    expect(await page.getByTestId('leaderboard-run').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);
});
