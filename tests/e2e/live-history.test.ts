/**
 * The main path, against the built app in Chromium: run a traditional session (seed 42,
 * instruction following off) and see reasoning, actions and mindset updates appear;
 * reload and find the session in the history; replay it with the scrubbable timeline.
 * Then the default session (seed 7, instruction following on) shows an instruction, the
 * reply and the plan, and replays them. A second page of the same browser records a session:
 * History says so and keeps it from Delete until that page is closed (Web Locks).
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from '../browser/harness';
import { chartTextProblems, countOf, firstList, openApp, openHistory, pollUntil, profileBrowser, runToEnd, waitSaved } from './helpers';

const env = profileBrowser();

describe('live session, history and replay', () => {
  it('runs a traditional session showing reasoning, actions and mindset updates, then replays it after a reload', async () => {
    const { page, errors } = await openApp(env.b.context, 'speed=16&seed=42&follow=0');
    await runToEnd(page);
    expect(await page.getByTestId('item-card').count()).toBeGreaterThan(1);
    expect((await page.getByTestId('reasoning').first().textContent())?.trim().length).toBeGreaterThan(5);
    expect(await page.getByTestId('action-badge').count()).toBeGreaterThan(1);
    expect((await page.getByTestId('mindset-note').first().textContent())?.trim().length).toBeGreaterThan(5);
    const live = await firstList(page);
    const turns = await page.getByTestId('turn').count();
    await waitSaved(page);
    await screenshot(page, 'e2e-live');

    await page.reload();
    await page.getByTestId('nav-live').waitFor();
    await openHistory(page);
    const row = page.getByTestId('history-row').first();
    expect(await row.getAttribute('data-status')).toBe('complete');
    expect(await row.textContent()).toContain('content');

    await row.getByTestId('history-open').click();
    const replay = page.getByTestId('replay');
    await replay.waitFor();
    const timeline = replay.getByTestId('timeline');
    const max = Number(await timeline.getAttribute('max'));
    expect(max).toBeGreaterThan(3);
    // At the end: the whole session, the same first list and decisions as the live run.
    expect(await countOf(replay.getByTestId('turn'), turns)).toBe(turns);
    expect(await firstList(page)).toEqual(live);
    // The mindset panel stays in view beside the end of the feed (it is sticky).
    const inView = (b: { y: number; height: number } | null) => !!b && b.y >= 0 && b.y + Math.min(b.height, 200) <= 860;
    const feedEnd = await page.locator('[data-testid="replay"] [data-testid="item-card"]').last().boundingBox();
    expect(inView(feedEnd)).toBe(true);
    expect(inView(await pollUntil(() => page.locator('[data-testid="replay"] aside').boundingBox(), inView))).toBe(true);
    await screenshot(page, 'replay');

    // Drag back to the first item: one list, one decided card.
    await timeline.fill('2');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="replay"] [data-testid="item-card"][data-state="done"]').length === 1);
    expect(await countOf(replay.getByTestId('turn'), 1)).toBe(1);
    // And to the middle: more decided, not everything.
    await timeline.fill(String(Math.floor(max / 2)));
    const mid = await countOf(replay.locator('[data-testid="item-card"][data-state="done"]'), (k) => k > 1);
    expect(mid).toBeGreaterThan(1);
    await timeline.fill('0');
    expect(await countOf(replay.getByTestId('turn'), 0)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the default session shows an instruction, the reply and the plan live and in the replay', async () => {
    const { page, errors } = await openApp(env.b.context);
    await runToEnd(page);
    // Its charts' texts neither collide nor get cut off (layout.test.ts's check of the live view).
    expect(await chartTextProblems(page), 'live').toEqual([]);
    const bubble = page.getByTestId('instruction-bubble').first();
    const instruction = ((await bubble.textContent()) ?? '').trim();
    expect(instruction.length).toBeGreaterThan(10);
    expect(await page.getByTestId('reply-bubble').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('plan').count()).toBeGreaterThan(0);
    // The feed scrolls in its column; nothing in it (the bubbles' screen-reader texts are
    // absolutely positioned) may stretch the page below the app.
    expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(1);
    await waitSaved(page);

    await openHistory(page);
    const row = page.getByTestId('history-row').first();
    expect(await row.textContent()).toContain('content+follow');
    expect(await countOf(page.getByTestId('history-row'), 2)).toBe(2);
    // The estimate arrives after the list ("Storage: …" until then): wait for it.
    const used = /Storage used \d[\d.]* ?[kMG]?B of \d[\d.]* ?[kMGT]?B/;
    expect(await pollUntil(() => page.getByTestId('storage-used').textContent(), (t) => used.test(t ?? ''))).toMatch(used);
    await screenshot(page, 'history');
    // Search and filters narrow the list.
    await page.getByTestId('history-search').fill('follow');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 1);
    await page.getByTestId('history-search').fill('');
    await page.getByTestId('history-filter-recommender').selectOption('content');
    // The filtered list, not the search's one-row list still shown while it is read.
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="history-row"]');
      return rows.length === 1 && / content · /.test(rows[0].textContent ?? '');
    });
    expect(await page.getByTestId('history-row').first().textContent()).toContain('seed 42');
    await page.getByTestId('history-filter-recommender').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 2);
    // Ask for persistent storage: the browser answers either way, and the view says which.
    if (await page.getByTestId('persist-storage').count()) {
      await page.getByTestId('persist-storage').click();
      await page.waitForFunction(() => /persistent/.test(document.querySelector('[data-testid="history-notice"]')?.textContent ?? ''));
    }
    await row.getByTestId('history-open').click();
    const replay = page.getByTestId('replay');
    await replay.waitFor();
    expect(((await replay.getByTestId('instruction-bubble').first().textContent()) ?? '').trim()).toBe(instruction);
    expect(await countOf(replay.getByTestId('reply-bubble'), (k) => k > 0)).toBeGreaterThan(0);
    // Scrub to the first item: the instruction has not happened yet.
    await replay.getByTestId('timeline').fill('2');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="replay"] [data-testid="instruction-bubble"]').length === 0);

    // Another tab of this browser records a session (human mode holds it at its first item):
    // History here says so and keeps it from Delete (it was deleted, and written back without
    // its earlier events); once that tab is closed, its Web Lock is gone and it deletes.
    const other = await openApp(env.b.context, 'speed=16&sim=human&turns=1&k=2&seed=5');
    await other.page.getByTestId('run').click();
    await other.page.getByTestId('human-watch').waitFor();
    await page.getByTestId('nav-live').click();
    await openHistory(page);
    const recorded = page.locator('[data-testid="history-row"][data-status="running"]');
    expect(await countOf(recorded, 1)).toBe(1);
    expect(await pollUntil(() => recorded.getByTestId('history-recording').textContent().catch(() => ''), (t) => !!t)).toBe('recording in another tab');
    await recorded.getByTestId('history-delete').click();
    const refusal = await pollUntil(() => page.getByTestId('storage-error').textContent().catch(() => ''), (t) => /another tab/.test(t ?? ''));
    expect(refusal).toMatch(/still being recorded in another tab of this browser/);
    expect(await page.getByTestId('history-row').count()).toBe(3);
    expect(other.errors).toEqual([]);
    await other.page.close();
    const held = () => page.evaluate(async () => (await navigator.locks.query()).held?.filter((l) => l.name?.startsWith('recoworld-recording:')).length ?? -1);
    expect(await pollUntil(held, (n) => n === 0)).toBe(0);
    await recorded.getByTestId('history-delete').click();
    expect(await countOf(page.getByTestId('history-row'), 2)).toBe(2);

    // The date fields look like the fields beside them (they kept the browser's inset grey
    // box) and show the same focus ring, tabbed to or clicked.
    const looks = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return { id: el.dataset.testid, ring: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, box: `${cs.borderStyle} ${cs.borderWidth} ${cs.borderColor} ${cs.borderRadius} ${cs.backgroundColor}` };
      });
    const tabFrom = async (id: string) => {
      await page.getByTestId(id).focus();
      await page.keyboard.press('Tab');
      return looks();
    };
    const field = await tabFrom('history-search'); // lands on the recommender filter
    const from = await tabFrom('history-filter-simulator');
    await page.getByTestId('history-to').click();
    const to = await looks();
    await page.getByTestId('history-search').focus();
    const search = await looks();
    expect([field.id, from.id, to.id, search.id]).toEqual(['history-filter-recommender', 'history-from', 'history-to', 'history-search']);
    expect(field.ring).toMatch(/^solid 2px /);
    expect([from.ring, to.ring]).toEqual([field.ring, field.ring]);
    expect([from.box, to.box]).toEqual([search.box, search.box]);

    expect(errors).toEqual([]);
  });
});
