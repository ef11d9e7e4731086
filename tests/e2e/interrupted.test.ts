/**
 * A session cut off half-way in the app (the browser closes mid-run) is in the history
 * after a restart with the same profile, up to its last completed item, shown as
 * 'interrupted' once it is over a minute old (the page clock is moved forward).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { appUrl, launchBrowser, tempProfile } from '../browser/harness';
import { openApp, openHistory } from './helpers';

let profile: string;

beforeAll(async () => {
  profile = await tempProfile();
});
afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

describe('interrupted session', () => {
  it('keeps the completed items of a session whose browser closed mid-run', async () => {
    let b = await launchBrowser({ userDataDir: profile });
    const { page } = await openApp(b.context, 'speed=0.5&turns=6');
    await page.getByTestId('run').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-card"][data-state="done"]').length >= 3, null, { timeout: 60_000 });
    await page.waitForFunction(() => /saved \d/.test(document.querySelector('[data-testid="session-saved"]')?.textContent ?? ''));
    const doneBefore = await page.locator('[data-testid="item-card"][data-state="done"]').count();
    expect(await page.getByTestId('session-status').textContent()).not.toContain('ended');
    await b.close();

    b = await launchBrowser({ userDataDir: profile });
    try {
      const p = await b.context.newPage();
      // Two minutes later, as far as the page can tell.
      await p.clock.install({ time: new Date(Date.now() + 120_000) });
      await p.goto(appUrl(''));
      await p.getByTestId('nav-live').waitFor();
      await openHistory(p);
      const row = p.getByTestId('history-row').first();
      expect(await row.getAttribute('data-status')).toBe('interrupted');
      await row.getByTestId('history-open').click();
      const replay = p.getByTestId('replay');
      await replay.waitFor();
      const doneAfter = await replay.locator('[data-testid="item-card"][data-state="done"]').count();
      // Everything completed before the close is there (a write in flight may add one more).
      expect(doneAfter).toBeGreaterThanOrEqual(doneBefore);
      expect(doneAfter).toBeLessThanOrEqual(doneBefore + 1);
    } finally {
      await b.close();
    }
  });
});
