/**
 * Helpers for the browser and e2e tests: launch Debian's Chromium through playwright-core
 * (never a downloaded browser) and build URLs of the app served by global-setup.ts.
 *
 *   const b = await launchBrowser();                    // fresh, throwaway profile
 *   const b = await launchBrowser({ userDataDir: dir }); // IndexedDB survives restarts
 *   const page = await b.context.newPage(); await page.goto(appUrl());
 *   await b.close();
 */
import { inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags (see DESIGN.md): headless, no GPU unless WebGPU is asked for, no network chatter. */
export function chromiumArgs(webgpu = false): string[] {
  return [
    '--headless',
    '--no-sandbox',
    ...(webgpu ? ['--enable-unsafe-webgpu'] : ['--disable-gpu']),
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** A launched browser: a context to open pages in, and one way to close it all. */
export interface LaunchedBrowser {
  context: BrowserContext;
  /** Present for non-persistent launches. */
  browser: Browser | null;
  /** The profile directory of a persistent launch. */
  userDataDir: string | null;
  close(): Promise<void>;
}

/**
 * Launch Chromium. With `userDataDir` the context is persistent (IndexedDB, storage
 * persistence and localStorage survive closing and relaunching with the same dir).
 */
export async function launchBrowser(opts: { webgpu?: boolean; userDataDir?: string } = {}): Promise<LaunchedBrowser> {
  const args = chromiumArgs(opts.webgpu);
  if (opts.userDataDir) {
    const context = await chromium.launchPersistentContext(opts.userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args,
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    return { context, browser: null, userDataDir: opts.userDataDir, close: () => context.close() };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  return {
    context,
    browser,
    userDataDir: null,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** A new temporary profile directory for a persistent launch. */
export function tempProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'recoworld-profile-'));
}

/** The served app's URL (under the /recoworld/ subpath), plus an optional relative path or query. */
export function appUrl(path = ''): string {
  let base: string | undefined;
  try {
    base = inject('appBaseUrl');
  } catch {
    base = undefined;
  }
  base ??= process.env.RECOWORLD_APP_URL;
  if (!base) throw new Error('appBaseUrl is not provided: run through the "browser" vitest project (tests/browser/global-setup.ts)');
  return base + path.replace(/^\//, '');
}

/**
 * Save a full-page screenshot to test-results/screenshots/<name>.png (an artefact for people,
 * not an assertion). One that does not come within 30 s is said on stderr and skipped: once,
 * on a loaded CI machine, the Items view's screenshot after a viewport change never came and
 * failed a test whose checks had all passed. Returns the path, or null when skipped.
 */
export async function screenshot(page: Page, name: string): Promise<string | null> {
  const dir = join(process.cwd(), 'test-results', 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  try {
    await page.screenshot({ path, fullPage: true, timeout: 30_000 });
  } catch (e) {
    if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
    console.warn(`screenshot "${name}" skipped: ${e.message.split('\n')[0]}`);
    return null;
  }
  return path;
}

/** Collect page errors and console errors (tests assert there are none). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Simulate a crash: SIGKILL the browser process of a persistent launch (found by its
 * unique profile directory; only the process this harness started), then let
 * playwright notice. Nothing gets a chance to flush or close cleanly.
 */
export async function crashBrowser(b: LaunchedBrowser): Promise<void> {
  if (!b.userDataDir) throw new Error('crashBrowser needs a persistent launch (userDataDir)');
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const main = ps
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.includes(`--user-data-dir=${b.userDataDir}`) && !l.includes('--type='))
    .map((l) => Number(l.split(/\s+/, 1)[0]));
  if (main.length !== 1) throw new Error(`expected one browser process for ${b.userDataDir}, found ${main.length}`);
  process.kill(main[0], 'SIGKILL');
  await b.context.close().catch(() => {});
}
