/**
 * Found by exploratory QA in real Chromium: a batch keeps running (and keeps its results)
 * when the person looks at another view meanwhile; an imported session with a very long
 * one-word title does not widen the replay page on a phone, and a right-to-left override in it
 * is shown, not obeyed; on a phone the status bar
 * shows the timeline and what human mode waits for (one word a line, dots cut to 10 px);
 * the many-seeds caption stays readable on a phone (it ran off the edge of its table); a
 * long unbroken title or creator (imported catalog) or comment (a pasted link) wraps inside its card, live and in the replay;
 * on a phone the closed settings drawer takes no Tab stops (23 invisible ones came before
 * Run), opening it moves the focus into it and Escape closes it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, countOf, openApp, openHistory, pollUntil, runToEnd, sharedBrowser, toPhone } from './helpers';

const env = sharedBrowser();

describe('QA: views keep their work and their layout', () => {
  it('a batch survives a visit to another view: progress, then its results', async () => {
    const { page, errors } = await openApp(env.b.context, 'view=batch');
    await page.getByTestId('batch-users').fill('300');
    await page.getByTestId('batch-run').click();
    const done = () => page.getByTestId('batch-progress').evaluate((p) => (p as HTMLProgressElement).value);
    expect(await pollUntil(done, (v) => v > 0, { timeout: 60_000 })).toBeGreaterThan(0);
    await page.getByTestId('nav-live').click();
    await page.getByTestId('run').waitFor();
    await page.getByTestId('nav-batch').click();
    // Back on Batch: the same run, still going or finished, never a blank form.
    await page.getByTestId('batch-progress').waitFor({ timeout: 10_000 });
    await page.getByTestId('batch-done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('batch-done').textContent()).toMatch(/Done: 900 sessions/);
    expect(await page.getByTestId('batch-users').inputValue()).toBe('300');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replays an imported session with a 3,000-character one-word title without widening a phone page', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16&turns=1&k=2');
    await runToEnd(page);
    await openHistory(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').first().click()]);
    const file = JSON.parse(await readFile((await dl.path())!, 'utf8'));
    // A right-to-left override in front: obeyed, it drew "exe." and the rest reversed.
    file.sessions[0].session.title = '\u202Eexe.<img src=x onerror=alert(1)>' + 'T'.repeat(3000);
    const path = join(tmpdir(), `qa-long-title-${process.pid}.json`);
    await writeFile(path, JSON.stringify(file));
    await page.getByTestId('history-delete').first().click();
    await page.getByTestId('history-empty').waitFor();
    await page.getByTestId('import-file').setInputFiles(path);
    expect(await countOf(page.getByTestId('history-row'), 1)).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('history-open').first().click();
    await page.getByTestId('replay').waitFor();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // Shown as text, wrapped, in full, the override shown as "U+202E" and not applied: the
    // letters after it run left to right.
    const h2 = page.getByTestId('replay').locator('h2').first();
    expect(await h2.textContent()).toBe(file.sessions[0].session.title.replace('\u202E', 'U+202E'));
    expect(await page.locator('img').count()).toBe(0);
    const xs = await h2.evaluate((el) => {
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const at = n.textContent!.indexOf('exe.<img');
        if (at < 0) continue;
        const x = (i: number) => {
          const r = document.createRange();
          r.setStart(n!, i);
          r.setEnd(n!, i + 1);
          return r.getBoundingClientRect().left;
        };
        return [x(at), x(at + 4)];
      }
      return [];
    });
    expect(xs).toHaveLength(2);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(await h2.getByTestId('bidi-mark').isVisible()).toBe(true);
    expect(await axeViolations(page, '[data-testid="replay"] header')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the status bar keeps the timeline and the human-mode prompt readable', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16&sim=human&turns=2&k=3');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('run').click();
    await page.getByTestId('human-watch').waitFor();
    await page.getByTestId('human-watch').click();
    const awaiting = page.getByTestId('session-awaiting');
    expect(await pollUntil(async () => (await awaiting.textContent().catch(() => '')) ?? '', (t) => /item 2 of list 1/.test(t))).toMatch(/item 2 of list 1/);
    const box = await page.evaluate(() => {
      const line = parseFloat(getComputedStyle(document.querySelector('[data-testid="session-awaiting"]')!).lineHeight) || 16;
      const a = document.querySelector('[data-testid="session-awaiting"]')!.getBoundingClientRect();
      const t = document.querySelector('footer.status .timeline')!;
      return { lines: Math.round(a.height / line), timeline: t.clientWidth, dots: t.scrollWidth };
    });
    expect(box.lines).toBeLessThanOrEqual(2);
    expect(box.timeline).toBeGreaterThanOrEqual(box.dots);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the many-seeds caption fits the visible width of its sideways-scrolling table', async () => {
    const { page, errors } = await openApp(env.b.context, 'view=compare&turns=2&speed=16');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('compare-seeds-n').fill('3');
    await page.getByTestId('compare-seeds-run').click();
    await page.getByTestId('compare-seeds').waitFor({ timeout: 60_000 });
    const box = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="compare-seeds"] caption')!.getBoundingClientRect();
      const w = document.querySelector('[data-testid="compare-seeds"]')!.closest('.data-table-wrap')!.getBoundingClientRect();
      return { caption: c.right, wrap: w.right };
    });
    expect(box.caption).toBeLessThanOrEqual(box.wrap);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone a long unbroken title, creator or comment wraps inside its card, live and in the replay', async () => {
    const catalog = JSON.parse(readFileSync('static-data/shortvideo.json', 'utf8'));
    catalog.id = 'qa-long-creators';
    // One-word titles too: the replay's one column on a phone took their width (22,000 px).
    for (const it of catalog.items) (it.creator = 'c'.repeat(400)), (it.title = `${it.id}${'T'.repeat(400)}`);
    const path = join(tmpdir(), `qa-long-creators-${process.pid}.json`);
    await writeFile(path, JSON.stringify(catalog));
    const { page, errors } = await openApp(env.b.context, 'speed=16&turns=1&k=2&sim=human');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('import-catalog-json').setInputFiles(path);
    expect(await pollUntil(() => page.evaluate(() => location.search), (q) => q.includes('catalog=qa-long-creators'))).toContain('qa-long-creators');
    await page.getByTestId('run').click();
    await page.getByTestId('human-comment').click();
    await page.getByTestId('human-comment-text').fill('https://example.com/' + 'a'.repeat(300));
    await page.getByTestId('human-watch').click();
    await page.getByTestId('human-leave').click();
    await page.getByTestId('human-silent').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="session-status"]')?.textContent?.trim() === 'ended');
    expect(await page.locator('.said').count()).toBe(1);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    // (The nav folds into a menu on a phone: go there wide, replay narrow.)
    await page.setViewportSize({ width: 1280, height: 800 });
    await openHistory(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('history-open').first().click();
    await page.getByTestId('replay').getByTestId('item-card').first().waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the settings drawer is keyboard-usable: no hidden Tab stops, focus in on open, Escape closes', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16');
    await toPhone(page);
    const inDrawer = () => page.evaluate(() => document.querySelector('#settings-drawer')!.contains(document.activeElement));
    let hidden = 0;
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await inDrawer()) hidden++;
    }
    expect(hidden).toBe(0);
    const opener = page.getByRole('button', { name: 'Settings', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    expect(await pollUntil(inDrawer, (v) => v)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await inDrawer()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await pollUntil(() => opener.getAttribute('aria-expanded'), (v) => v === 'false')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Settings');
    expect(errors).toEqual([]);
    await page.close();
  });
});
