/**
 * The traps of a class, in real Chromium: human mode brings the instruction box into
 * view and focus; a paused session is not thrown away by "Run"; a replay shows exactly
 * what the live view showed at the same point.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openHistory, profileBrowser, status, waitStatus } from './helpers';

const env = profileBrowser();

/**
 * The feed's turns and the mindset panel as markup. Charts are drawn at the width of their
 * column, which differs between the live view and the replay: horizontal geometry is
 * dropped, the vertical (the data) and every text are kept.
 */
async function snapshot(page: Page, root: string): Promise<{ feed: string; mindset: string }> {
  return page.evaluate((r) => {
    const scope = document.querySelector(r)!;
    const clean = (h: string) => h.replace(/<!---->/g, '').replace(/\s+/g, ' ');
    const turns = [...scope.querySelectorAll('[data-testid="turn"]')].map((t) => t.outerHTML).join('\n');
    const panel = scope.querySelector('[data-testid="mindset-panel"]')!.cloneNode(true) as Element;
    for (const el of panel.querySelectorAll('svg, svg *')) {
      for (const a of ['x', 'x1', 'x2', 'cx', 'width', 'transform']) el.removeAttribute(a);
      const d = el.getAttribute('d');
      if (d) {
        // Keep a path's y coordinates only (an invalid `d` would make the browser complain).
        el.removeAttribute('d');
        el.setAttribute('data-y', (d.match(/[ML][^MLZ]+/g) ?? []).map((p) => p.split(',')[1]).join(' '));
      }
    }
    return { feed: clean(turns), mindset: clean(panel.outerHTML) };
  }, root);
}

async function doneCards(page: Page, root = 'body'): Promise<number> {
  return page.locator(`${root} [data-testid="item-card"][data-state="done"]`).count();
}

describe('a class in Chromium', () => {
  it('human mode: focus follows the cards; leaving brings the instruction box into view and focus', async () => {
    const { page, errors } = await openApp(env.b.context, 'sim=human&speed=16&seed=3');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('run').click();
    await page.getByTestId('human-watch').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'human-watch');
    expect(await page.getByTestId('session-awaiting').textContent()).toContain('item 1 of list 1');
    // Keyboard only: Enter on the focused button watches; focus moves to the next card.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-card"][data-state="done"]').length === 1);
    await page.waitForFunction(() => {
      const a = document.activeElement as HTMLElement | null;
      return a?.dataset.testid === 'human-watch' && a.closest('[data-testid="item-card"]')?.getAttribute('data-state') === 'current';
    });
    expect(await page.getByTestId('session-awaiting').textContent()).toContain('item 2 of list 1');
    await page.getByTestId('human-leave').click();
    const box = page.getByTestId('human-instruction');
    await box.waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'human-instruction');
    // In the window, not below the fold.
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid="instruction-prompt"]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(await page.getByTestId('session-awaiting').textContent()).toContain('instruction');
    await page.keyboard.type('more UFC please');
    await page.getByTestId('human-send').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="turn"]').length === 2);
    await page.getByTestId('human-leave').click();
    await page.getByTestId('human-silent').click();
    await waitStatus(page, 'ended');
    expect(await page.locator('[data-testid="session-awaiting"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('"Run" while paused asks before discarding; the main button resumes', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=0.5&seed=5');
    await page.getByTestId('run').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-card"]').length > 0);
    await page.getByTestId('pause').click();
    await waitStatus(page, 'paused');
    const main = page.locator('.controls button.primary');
    expect(((await main.textContent()) ?? '').trim()).toBe('Resume');
    // At 1280 px the toolbar (Resume, New run, Step, Restart, speed, narrate) stays one line over the feed.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.locator('.toolbar').boundingBox())!.height).toBeLessThan(70);
    await page.getByTestId('run').click();
    await page.getByTestId('confirm-new-run').waitFor();
    await page.getByTestId('confirm-no').click();
    expect(await status(page)).toBe('paused');
    // Restart by key asks too.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('r');
    await page.getByTestId('confirm-new-run').waitFor();
    await page.getByTestId('confirm-no').click();
    expect(await status(page)).toBe('paused');
    await main.click();
    await waitStatus(page, 'running');
    expect(errors).toEqual([]);
    // The resumed session would play on at half speed (about a minute) under the next tests.
    await page.close();
  });

  it('a replay is identical to the live view at every step it was stepped through; the live charts\' text is at least 12 px with both axes labelled', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16&seed=11&k=4&turns=3');
    const live: { feed: string; mindset: string }[] = [];
    for (let k = 1; k <= 4; k++) {
      await page.getByTestId('step').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="item-card"][data-state="done"]').length === n, k);
      await waitStatus(page, 'paused');
      live.push(await snapshot(page, 'main'));
    }
    expect(live[0].feed).toContain('data-testid="item-card"');
    expect(live[0].mindset).toContain('time left');
    await page.locator('.controls button.primary').click();
    await waitStatus(page, 'ended');
    // Chart text in the live view is at least 12 px on screen, with both axes labelled (its
    // own test ran another whole session for this).
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="mindset-panel"] svg text')].map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        // Rendered size: the font size times the SVG's scale (1 when drawn at pixel size).
        const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
        return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }),
    );
    expect(texts.length).toBeGreaterThan(10);
    for (const t of texts) expect(t.px, t.text).toBeGreaterThanOrEqual(12);
    const words = texts.map((t) => t.text);
    for (const w of ['item', 'seconds', 'list', 'actions']) expect(words).toContain(w);
    const end = await snapshot(page, 'main');
    const endReason = await page.getByTestId('end-reason').textContent();
    expect(endReason).not.toMatch(/_/);
    await page.waitForFunction(() => /saved \d/.test(document.querySelector('[data-testid="session-saved"]')?.textContent ?? ''));

    await openHistory(page);
    await page.getByTestId('history-open').first().click();
    const replay = page.getByTestId('replay');
    await replay.waitFor();
    expect(await snapshot(page, '[data-testid="replay"]')).toEqual(end);
    expect(await replay.getByTestId('replay-estimated').count()).toBe(0);
    const max = Number(await replay.getByTestId('timeline').getAttribute('max'));
    // Steps: the first list, then one per item (a leave among the first four would end the list).
    for (let k = 1; k <= 4; k++) {
      const label = await page.evaluate(
        ({ pos }) => {
          const el = document.querySelector('[data-testid="timeline"]') as HTMLInputElement;
          el.value = String(pos);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          return document.querySelector('[data-testid="replay-position"]')?.textContent ?? '';
        },
        { pos: 1 + k },
      );
      expect(label).toBeDefined();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="replay"] [data-testid="item-card"][data-state="done"]').length === n, k);
      expect(await doneCards(page, '[data-testid="replay"]')).toBe(k);
      expect(await snapshot(page, '[data-testid="replay"]'), `position ${k}`).toEqual(live[k - 1]);
    }
    expect(max).toBeGreaterThan(5);
    // The scrubbed item is in view.
    const inView = await page.evaluate(() => {
      const cards = document.querySelectorAll('[data-testid="replay"] [data-testid="turn"]:first-of-type [data-testid="item-card"]');
      const r = cards[3].getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    expect(inView).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the tour walks through the live view, can be skipped, and is remembered; narration pauses at key moments', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16&scenario=table2');
    await page.evaluate(() => localStorage.removeItem('recoworld-tour-done'));
    await page.reload();
    await page.getByTestId('tour-invite').waitFor();
    await page.getByTestId('tour-start').click();
    const tour = page.getByTestId('tour');
    await tour.waitFor();
    const titles: string[] = [];
    while (await page.getByTestId('tour-next').count()) {
      titles.push((await tour.locator('h2').textContent()) ?? '');
      // The step's element is outlined and the dialog lies within the window.
      expect(await page.locator('.tour-target').count()).toBe(1);
      const r = (await tour.boundingBox())!;
      expect(r.y + r.height).toBeLessThanOrEqual(860);
      await page.getByTestId('tour-next').click();
    }
    titles.push((await tour.locator('h2').textContent()) ?? '');
    expect(titles.length).toBeGreaterThanOrEqual(5);
    await page.getByTestId('tour-done').click();
    expect(await tour.count()).toBe(0);
    await page.reload();
    await page.getByTestId('nav-live').waitFor();
    expect(await page.getByTestId('tour-invite').count()).toBe(0);

    // Narration: the run holds at each key moment until Continue.
    await page.getByTestId('narrate').check();
    await page.getByTestId('run').click();
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      const bar = page.getByTestId('narration');
      await bar.waitFor({ timeout: 60_000 });
      await waitStatus(page, 'paused');
      seen.push(((await bar.locator('strong').textContent()) ?? '').trim());
      await page.getByTestId('narration-continue').click();
      if (k === 4) break;
      await page.waitForFunction((prev) => {
        const s = document.querySelector('[data-testid="narration"] strong')?.textContent?.trim();
        return document.querySelector('[data-testid="session-status"]')?.textContent?.trim() === 'ended' || (s && s !== prev);
      }, seen[seen.length - 1], { timeout: 60_000 });
      if ((await status(page)) === 'ended') break;
    }
    expect(seen.slice(0, 2)).toEqual(['First skip.', 'Fatigue.']);
    expect(seen).toContain('Instruction.');
    expect(errors).toEqual([]);
  });

  it('Compare from a scenario link: the same recommender with and without instruction following, then many seeds with intervals', async () => {
    const { page, errors } = await openApp(env.b.context, 'scenario=plain-vs-agentic&speed=16');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'compare');
    expect(await page.getByTestId('compare-follow-a').isChecked()).toBe(true);
    expect(await page.getByTestId('compare-follow-b').isChecked()).toBe(false);
    await page.getByTestId('compare-run').click();
    await page.getByTestId('compare-diff').waitFor({ timeout: 90_000 });
    const heads = await page.getByTestId('compare-side').locator('h3').allTextContents();
    expect(heads[0]).toContain('following instructions');
    expect(heads[1]).not.toContain('following instructions');
    // Identical until the first instruction: the first lists are the same.
    const firstTitles = async (i: number) => page.getByTestId('compare-side').nth(i).getByTestId('turn').first().locator('.title').allTextContents();
    expect(await firstTitles(0)).toEqual(await firstTitles(1));
    await page.getByTestId('compare-seeds-n').fill('4');
    await page.getByTestId('compare-seeds-run').click();
    const table = page.getByTestId('compare-seeds');
    await table.waitFor({ timeout: 90_000 });
    expect(await table.locator('caption').textContent()).toContain('4 seeds');
    expect(await table.locator('tbody tr').count()).toBe(9);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/\[.*,.*\]/);
    expect(errors).toEqual([]);
  });
});

