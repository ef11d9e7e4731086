/** Which URL names count as HTTP recommenders: no credentials, no spaces, bounded length. */
import { describe, expect, it } from 'vitest';
import { httpNameProblem, isExternalName, isHttpName, MAX_URL_NAME } from '../../../src/core/recommenders/remote/external';

describe('HTTP recommender names', () => {
  it('accepts plain http(s) URLs with a host', () => {
    for (const u of ['http://127.0.0.1:8001/recommend', 'https://recs.example.org/v1?k=1', 'http://localhost:9000']) {
      expect(isHttpName(u)).toBe(true);
      expect(httpNameProblem(u)).toBeNull();
    }
  });
  it('refuses credentials, spaces, missing hosts, other schemes and very long URLs, saying why', () => {
    expect(isHttpName('http://user:pass@127.0.0.1:8001/recommend')).toBe(false);
    expect(httpNameProblem('http://user:pass@127.0.0.1:8001/recommend')).toMatch(/credentials/);
    expect(isHttpName('https://token@host/x')).toBe(false);
    // An "@" after the host (in the path or query) is not a credential.
    expect(isHttpName('http://127.0.0.1:8001/rec?who=a@b')).toBe(true);
    expect(isHttpName('http://127.0.0.1/a b')).toBe(false);
    expect(httpNameProblem('http://127.0.0.1/a b')).toMatch(/spaces/);
    expect(isHttpName('http:///recommend')).toBe(false);
    expect(httpNameProblem('http:///recommend')).toMatch(/no host/);
    expect(isHttpName('ftp://127.0.0.1/x')).toBe(false);
    expect(httpNameProblem('javascript:alert(1)')).toMatch(/http:\/\//);
    const long = `http://127.0.0.1/${'a'.repeat(MAX_URL_NAME)}`;
    expect(isHttpName(long)).toBe(false);
    expect(httpNameProblem(long)).toMatch(/longer/);
  });
  // Menus, links, run descriptions and the CLI read "X+follow" as X with instruction following:
  // a URL that itself ended in +follow was saved, then picking it contacted X, another URL.
  it('refuses a URL ending in +follow, saying how it would be read', () => {
    expect(httpNameProblem('http://127.0.0.1:8000/rec+follow')).toMatch(/ends in "\+follow", which menus and links read as http:\/\/127\.0\.0\.1:8000\/rec with instruction following/);
    // As a base name it is not external (a run of "http://.../rec+follow+follow" is refused) ...
    expect(isExternalName('http://127.0.0.1:8000/rec+follow')).toBe(false);
    // ... while "+follow" elsewhere in a URL is fine.
    expect(httpNameProblem('http://127.0.0.1:8000/rec+follow/x')).toBeNull();
    expect(isExternalName('http://127.0.0.1:8000/rec')).toBe(true);
  });
});
