/**
 * The CSP plugin of the static build (vite.config.ts): the policy is strict and carries the
 * hash of exactly the inline theme script; the built app is checked under it in Chromium by
 * tests/e2e/csp.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspFor, cspPlugin, headersFile, inlineScriptHashes } from '../../../vite.config';

const INDEX = readFileSync(join(__dirname, '..', '..', '..', 'index.html'), 'utf8');

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

describe('Content-Security-Policy plugin', () => {
  it('hashes exactly the inline theme script of index.html', () => {
    const open = INDEX.indexOf('<script>') + '<script>'.length;
    const body = INDEX.slice(open, INDEX.indexOf('</script>', open));
    expect(body).toContain('recoworld-theme');
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(inlineScriptHashes(INDEX)).toEqual([expected]);
    // A one-character change gives another hash: an edited script is never allowed by a stale one.
    expect(inlineScriptHashes(INDEX.replace('recoworld-theme', 'recoworld-theme2'))).not.toEqual([expected]);
  });

  it('allows no inline or eval script, nothing from other origins but connections, and wasm', () => {
    const d = directives(cspFor(["'sha256-abc='"]));
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-abc='"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('connect-src')).toEqual(expect.arrayContaining(['http:', 'https:', 'ws:', 'wss:']));
    for (const [name, sources] of d) {
      if (name === 'connect-src') continue;
      for (const bad of ["'unsafe-eval'", 'http:', 'https:', '*']) expect(sources, name).not.toContain(bad);
    }
  });

  it('puts the meta tag right after the charset, before every script', async () => {
    const hook = cspPlugin().transformIndexHtml as { handler: (html: string) => string };
    const out = hook.handler(INDEX);
    const meta = out.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(meta).toBeLessThan(out.indexOf('<script'));
    expect(out).toContain(inlineScriptHashes(INDEX)[0]);
  });
});

describe('_headers for hosts that send headers', () => {
  it('repeats the policy with frame-ancestors, and adds isolation and hardening headers', () => {
    const text = headersFile(INDEX);
    const csp = /Content-Security-Policy: (.*)/.exec(text)?.[1] ?? '';
    const d = directives(csp);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('script-src')).toContain(inlineScriptHashes(INDEX)[0]);
    expect(text).toMatch(/^ {2}Cross-Origin-Opener-Policy: same-origin$/m);
    expect(text).toMatch(/^ {2}Cross-Origin-Embedder-Policy: require-corp$/m);
    expect(text).toMatch(/^ {2}X-Content-Type-Options: nosniff$/m);
    expect(text.split('\n')[2]).toBe('/*');
  });
});
