/**
 * The built app under its own Content-Security-Policy (vite.config.ts), in Chromium:
 * the policy is in the page, it is enforced (an injected inline script does not run), and
 * running a session and opening every main view raises no CSP violation and no console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, watchErrors } from '../browser/harness';
import { VIEWS } from '../../src/ui/state/url-settings';
import { pollUntil, profileBrowser, runToEnd } from './helpers';

const env = profileBrowser();

type CspWindow = Window & { __csp: string[]; __injected?: number };

/** A page that records every `securitypolicyviolation` from the first script on. */
async function cspPage(query: string): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const page = await env.b.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as CspWindow;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const errors = watchErrors(page);
  await page.goto(appUrl(query));
  await page.getByTestId('nav-live').waitFor();
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as CspWindow).__csp.slice()) };
}

describe('Content-Security-Policy of the built app', () => {
  it('is in the page, strict, and enforced', async () => {
    const { page, violations } = await cspPage('?speed=16');
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    const directive = (name: string): string[] => (policy.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name) ?? []).slice(1);
    expect(directive('default-src')).toEqual(["'self'"]);
    const script = directive('script-src');
    expect(script).toContain("'wasm-unsafe-eval'");
    expect(script.some((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'http:', 'https:', '*', 'data:', 'blob:']) expect(script).not.toContain(bad);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive('connect-src')).toEqual(expect.arrayContaining(["'self'", 'http:', 'https:', 'ws:']));
    // The theme script ran (allowed by its hash)...
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
    expect(await violations()).toEqual([]);
    // ...and an injected one does not.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = '(window).__injected = 1;';
      document.body.append(s);
    });
    const seen = await pollUntil(violations, (v) => v.length > 0, { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as CspWindow).__injected)).toBeUndefined();
    expect(seen.join('\n')).toMatch(/script-src(-elem)? blocked \(?inline\)?/);
    await page.close();
  });

  it('raises no violation running a session and opening every main view', async () => {
    const { page, errors, violations } = await cspPage('?speed=16&seed=3');
    await runToEnd(page);
    for (const v of VIEWS) {
      if (v === 'live') continue;
      await page.getByTestId(`nav-${v}`).click();
      // Wait for the lazily loaded view (its chunk, workers and styles) to replace "loading…".
      await pollUntil(() => page.locator('main').innerText(), (t) => !/loading…/.test(t), { timeout: 30_000 });
    }
    await page.getByTestId('nav-live').click();
    await page.getByTestId('run').waitFor();
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
