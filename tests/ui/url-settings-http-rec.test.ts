/** A user's HTTP recommender survives a reload: `rec`/`rec2` carry URL names, never credentials. */
import { describe, expect, it } from 'vitest';
import { describeRun } from '../../src/ui/state/describe-run';
import { decodeSettings, defaultSettings, encodeSettings } from '../../src/ui/state/url-settings';

const URL_NAME = 'http://127.0.0.1:8001/recommend?v=2';

describe('rec and rec2 with URL names', () => {
  it('round-trip through a link and describe the run', () => {
    const s = { ...defaultSettings(), rec: URL_NAME, rec2: 'https://recs.example.org/r' };
    const q = encodeSettings(s);
    const back = decodeSettings(q);
    expect(back.rec).toBe(URL_NAME);
    expect(back.rec2).toBe('https://recs.example.org/r');
    const d = describeRun(back);
    expect(d.recommender.name).toBe(URL_NAME);
    expect(describeRun(back, { recommender: back.rec2 }).recommender.name).toBe('https://recs.example.org/r');
  });
  it('ignores URLs with credentials or spaces, and other junk (the default stays)', () => {
    const def = defaultSettings();
    for (const bad of ['http://user:pass@127.0.0.1:8001/recommend', 'http://127.0.0.1/a b', 'javascript:alert(1)', 'ftp://x/y']) {
      const q = new URLSearchParams({ rec: bad, rec2: bad }).toString();
      const s = decodeSettings(q);
      expect(s.rec).toBe(def.rec);
      expect(s.rec2).toBe(def.rec2);
    }
    // Built-in names still work as before.
    expect(decodeSettings('rec=popular').rec).toBe('popular');
  });
});
