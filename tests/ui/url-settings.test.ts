import { describe, expect, it } from 'vitest';
import { SETTINGS_TABLE, decodeSettings, defaultSettings, encodeSettings, parseEdits, type Settings } from '../../src/ui/state/url-settings';

describe('url settings table', () => {
  it('round-trips the defaults to an empty query', () => {
    expect(encodeSettings(defaultSettings())).toBe('');
    expect(decodeSettings('')).toEqual(defaultSettings());
  });

  it('round-trips non-default values', () => {
    const s: Settings = {
      ...defaultSettings(),
      view: 'compare',
      catalog: 'ml-latest-small',
      user: 'ml-user-17',
      sim: 'human',
      rec: 'item-knn',
      rec2: 'linucb',
      follow: true,
      instructions: false,
      listSize: 8,
      turns: 12,
      seed: 4_294_967_295,
      speed: 4,
      timeOfDay: 'night',
      dayOfWeek: 0,
      device: 'tv',
      location: 'Oakland, CA & friends',
      edits: { age: 40, interests: { fishing: 0.2, ufc: 1 }, traits: { timeBudgetSec: 900 } },
    };
    const q = encodeSettings(s);
    expect(decodeSettings(q)).toEqual(s);
    expect(decodeSettings('?' + q)).toEqual(s);
  });

  it('writes only values that differ from the defaults', () => {
    const q = encodeSettings({ ...defaultSettings(), seed: 8, rec: 'popular' });
    expect(new URLSearchParams(q).get('seed')).toBe('8');
    expect(new URLSearchParams(q).get('rec')).toBe('popular');
    expect([...new URLSearchParams(q).keys()].sort()).toEqual(['rec', 'seed']);
  });

  it('falls back to defaults for invalid parameters without throwing', () => {
    const bad = decodeSettings(
      'seed=-5&k=0&turns=abc&speed=3&sim=robot&view=admin&rec=<script>&instr=maybe&dow=9&tod=noon&edits=%7Bnot-json&loc=' + 'x'.repeat(200),
    );
    expect(bad).toEqual(defaultSettings());
  });

  it('ignores unknown parameters and keeps valid ones beside invalid ones', () => {
    const s = decodeSettings('seed=123&k=101&foo=bar&apiKey=sk-secret');
    expect(s.seed).toBe(123);
    expect(s.listSize).toBe(SETTINGS_TABLE.listSize.default);
    expect(JSON.stringify(s)).not.toContain('sk-secret');
  });

  it('never carries an API key: no setting is named like a secret', () => {
    const params = Object.values(SETTINGS_TABLE).map((spec) => spec.param.toLowerCase());
    for (const p of params) expect(p).not.toMatch(/key|token|secret|password/);
  });

  it('validates persona edits field by field', () => {
    expect(parseEdits('{"age":500,"interests":{"fishing":2,"ufc":0.5},"traits":{"timeBudgetSec":600,"curiosity":-1}}')).toEqual({
      interests: { ufc: 0.5 },
      traits: { timeBudgetSec: 600 },
    });
    expect(parseEdits('[1,2]')).toBeUndefined();
    expect(parseEdits('{"interests":{"<img src=x>":0.5}}')).toBeUndefined();
  });
});
