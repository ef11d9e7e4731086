/**
 * The guided tour on a phone (390 x 844), in real Chromium. It used to point at the
 * scenario menu inside the closed settings drawer (off screen to the left), and to lay its
 * dialog over the element it describes when there was no room below or beside it.
 */
import { describe, expect, it } from 'vitest';
import { openApp, sharedBrowser, toPhone } from './helpers';

const env = sharedBrowser();

describe('tour on a phone', () => {
  it('every step points at something on screen, and the dialog leaves a small element visible', { timeout: 90_000 }, async () => {
    const { page: p, errors } = await openApp(env.b.context, '');
    await toPhone(p);
    await p.getByTestId('tour-start').click();
    const tour = p.getByTestId('tour');
    await tour.waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      await p.waitForTimeout(300);
      const title = (await tour.locator('h2').textContent()) ?? '';
      const t = await p.evaluate(() => {
        const r = document.querySelector('.tour-target')!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height };
      });
      const b = (await tour.boundingBox())!;
      seen.push(title);
      expect(t.right, `${title}: target on screen`).toBeGreaterThan(0);
      expect(t.left, `${title}: target on screen`).toBeLessThan(390);
      if (t.height < 300) {
        const overlap = Math.min(b.y + b.height, t.bottom) - Math.max(b.y, t.top);
        expect(overlap, `${title}: the dialog covers its element`).toBeLessThanOrEqual(0);
      }
      if (!(await p.getByTestId('tour-next').count())) break;
      await p.getByTestId('tour-next').click();
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
  });
});
