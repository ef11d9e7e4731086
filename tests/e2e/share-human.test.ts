/**
 * A share link reproduces the run (same first list and decisions) in a fresh browser;
 * human mode records a session like a simulated one.
 */
import { describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../browser/harness';
import { countOf, firstList, openApp, openHistory, profileBrowser, runToEnd, waitStatus } from './helpers';

const env = profileBrowser();

describe('share links and human mode', () => {
  it('opening a share link in another browser gives the same first list and decisions', async () => {
    const { page } = await openApp(env.b.context, 'speed=16&seed=1234&rec=item-knn&k=4&turns=3');
    await runToEnd(page);
    const first = await firstList(page);
    expect(first.titles).toHaveLength(4);
    const link = page.url();
    expect(link).toContain('seed=1234');
    expect(link).toContain('rec=item-knn');

    const other = await launchBrowser();
    try {
      const p2 = await other.context.newPage();
      await p2.goto(link);
      await p2.getByTestId('run').click();
      await waitStatus(p2, 'ended');
      expect(await firstList(p2)).toEqual(first);
      // A different seed gives a different run (the comparison can fail).
      await p2.goto(link.replace('seed=1234', 'seed=99'));
      await p2.getByTestId('run').click();
      await waitStatus(p2, 'ended');
      expect(await firstList(p2)).not.toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('records a human-mode session: watch + like, skip, leave with an instruction, then leave silently', async () => {
    const { page, errors } = await openApp(env.b.context, 'sim=human&speed=16');
    await page.getByTestId('run').click();
    await page.getByTestId('human-watch').waitFor();
    await page.getByTestId('human-watch-seconds').fill('12');
    await page.getByTestId('human-like').click();
    await page.getByTestId('human-watch').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-card"][data-state="done"]').length === 1);
    await page.getByTestId('human-skip').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-card"][data-state="done"]').length === 2);
    await page.getByTestId('human-leave').click();
    await page.getByTestId('human-instruction').fill('More UFC, less fishing please');
    await page.getByTestId('human-send').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="turn"]').length === 2);
    await page.getByTestId('human-leave').click();
    await page.getByTestId('human-send').click(); // empty: leave silently
    await waitStatus(page, 'ended');
    expect(((await page.getByTestId('instruction-bubble').first().locator('p').first().textContent()) ?? '').trim()).toBe('More UFC, less fishing please');

    await openHistory(page);
    const row = page.getByTestId('history-row').first();
    expect(await row.textContent()).toContain('human');
    expect(await row.getAttribute('data-status')).toBe('complete');
    await row.getByTestId('history-open').click();
    const replay = page.getByTestId('replay');
    await replay.waitFor();
    expect(await countOf(replay.getByTestId('turn'), 2)).toBe(2);
    expect(((await replay.getByTestId('instruction-bubble').first().locator('p').first().textContent()) ?? '').trim()).toBe('More UFC, less fishing please');
    const badges = await replay.getByTestId('item-card').first().getByTestId('action-badge').allTextContents();
    expect(badges.join(' ')).toMatch(/watch 12s/);
    expect(badges.join(' ')).toMatch(/like/);
    await screenshot(page, 'human-replay');
    expect(errors).toEqual([]);
  });
});
