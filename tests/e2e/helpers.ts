/**
 * Steps shared by the e2e tests: open the app, run a session to its end, go to a view,
 * read the first list and its decisions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { appUrl, launchBrowser, tempProfile, watchErrors, type LaunchedBrowser } from '../browser/harness';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

/**
 * One Chromium with its own temporary profile for a test file: launched before its tests,
 * closed and its profile deleted after. Read `env.b` and `env.profile` inside tests.
 */
export function profileBrowser(): { readonly b: LaunchedBrowser; readonly profile: string } {
  const env = {} as { b: LaunchedBrowser; profile: string };
  beforeAll(async () => {
    env.profile = await tempProfile();
    env.b = await launchBrowser({ userDataDir: env.profile });
  });
  afterAll(async () => {
    await env.b?.close();
    await rm(env.profile, { recursive: true, force: true });
  });
  return env;
}

/**
 * One throwaway Chromium for a test file (no profile kept): launched before its tests and
 * closed after. Read `env.b` inside tests.
 */
export function sharedBrowser(): { readonly b: LaunchedBrowser } {
  const env = {} as { b: LaunchedBrowser };
  beforeAll(async () => {
    env.b = await launchBrowser();
  });
  afterAll(async () => {
    await env.b?.close();
  });
  return env;
}

let axeSource: Promise<string> | null = null;

/**
 * axe-core's violations on the page, or only inside the first element matching `within`,
 * as "rule (count): first 3 targets" lines (empty when clean). The axe script is
 * evaluated as text (the app's CSP forbids injected script tags); it is read once per file
 * and evaluated once per document.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  axeSource ??= readFile('node_modules/axe-core/axe.min.js', 'utf8');
  // Once per document (a navigation or reload drops it): not sent and parsed again (0.5 MB)
  // before every check of the same page.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const found = await page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: { run(ctx: Document | Element, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const ctx = sel === null ? document : document.querySelector(sel);
    if (!ctx) return null;
    const r = await w.axe.run(ctx, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, within ?? null);
  if (found === null) throw new Error(`axeViolations: no element matches ${JSON.stringify(within)} on ${page.url()}`);
  return found;
}

/** Open the built app with a query (e.g. 'speed=16&seed=7'); resolves once the shell is up. */
export async function openApp(context: BrowserContext, query = 'speed=16'): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(appUrl(query ? `?${query}` : ''));
  await page.getByTestId('nav-live').waitFor();
  return { page, errors };
}

/**
 * Write a seeded MovieLens-like folder (`movieWorldCsv`) to a temporary directory, import it
 * through the settings' folder input, and wait until the response model is fitted. Returns
 * the directory.
 */
export async function importMovieLensFixture(page: Page, world: { users: number; movies: number; seed: number }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'movielens-e2e-'));
  for (const [name, text] of Object.entries(movieWorldCsv(world))) writeFileSync(join(dir, name), text);
  await page.getByTestId('import-movielens').setInputFiles(dir);
  await page.waitForFunction(() => /Response model fitted/.test(document.querySelector('[data-testid="catalog-import-summary"]')?.textContent ?? ''), null, { timeout: 60_000 });
  return dir;
}

/**
 * Narrow the page to a phone (390 x 844). The Live view's settings drawer then slides away
 * (0.2 s) and only becomes hidden at the slide's end: wait for that, or a loaded machine
 * tabs into it or starts the tour while it is still on screen.
 */
export async function toPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => {
    const d = document.querySelector('#settings-drawer');
    return !d || getComputedStyle(d).visibility === 'hidden';
  });
}

/** Text of the session status pill. */
export async function status(page: Page): Promise<string> {
  return ((await page.getByTestId('session-status').textContent()) ?? '').trim();
}

/** Wait until the session status reads `want`. */
export async function waitStatus(page: Page, want: string, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="session-status"]')?.textContent?.trim() === w,
    want,
    { timeout },
  );
}

/** Press Run and wait for the session to end. */
export async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run').click();
  await waitStatus(page, 'ended');
}

/** Wait until the "session saved" line says it was saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /saved \d/.test(document.querySelector('[data-testid="session-saved"]')?.textContent ?? ''), null, { timeout: 30_000 });
}

/** Titles and action badges of the first list, as the feed shows them. */
export async function firstList(page: Page): Promise<{ titles: string[]; actions: string[] }> {
  const turn = page.getByTestId('turn').first();
  const cards = turn.getByTestId('item-card');
  const titles = await cards.locator('.title').allTextContents();
  const actions: string[] = [];
  for (const card of await cards.all()) {
    actions.push((await card.getByTestId('action-badge').allTextContents()).join('+'));
  }
  return { titles, actions };
}

/** Go to the history view and wait for its list (or empty message) to load. */
export async function openHistory(page: Page): Promise<void> {
  await page.getByTestId('nav-history').click();
  await page.getByTestId('storage-used').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="history-row"], [data-testid="history-empty"]'), null, { timeout: 30_000 });
}

/**
 * Poll `read` until `done(value)` holds or `timeout` ms pass; returns the last value.
 * playwright-core has no auto-retrying `expect`, and a count read once races the page
 * (slower still on a loaded machine): poll, then assert on what came back.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, { timeout = 15_000, interval = 100 } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!done(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    v = await read();
  }
  return v;
}

/** The locator's count once it equals `want` (or satisfies it), polled up to `timeout` ms. */
export async function countOf(locator: Locator, want: number | ((n: number) => boolean), timeout = 15_000): Promise<number> {
  const ok = typeof want === 'number' ? (n: number) => n === want : want;
  return pollUntil(() => locator.count(), ok, { timeout });
}

/**
 * Chart texts that collide or are cut off: pairs of level texts in one SVG whose boxes
 * overlap, and texts that stick out of their SVG (tilted labels are left out: their boxes
 * overlap by nature; a quarter turn, as an axis title, is checked).
 */
export async function chartTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of Array.from(document.querySelectorAll('svg'))) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      const name = svg.closest('[data-testid]')?.getAttribute('data-testid') ?? svg.getAttribute('aria-label') ?? 'svg';
      const texts = Array.from(svg.querySelectorAll('text'))
        .filter((t) => (t.textContent ?? '').trim() && !/rotate\(\s*-?(?!90\b)\d/.test(t.closest('[transform*="rotate"]')?.getAttribute('transform') ?? ''))
        .map((t) => ({ s: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
        .filter((t) => t.r.width > 0);
      for (const t of texts) {
        if (t.r.left < box.left - 1 || t.r.right > box.right + 1 || t.r.top < box.top - 1 || t.r.bottom > box.bottom + 1) out.push(`${name}: "${t.s}" is cut off`);
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i].r;
          const b = texts[j].r;
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 3) out.push(`${name}: "${texts[i].s}" overlaps "${texts[j].s}"`);
        }
      }
    }
    return out;
  });
}
