/**
 * The URL table is an encoding of the run description: description -> settings -> link ->
 * settings -> description is the identity, defaults and ranges come from the one table,
 * and a link with bad values never throws (defaults) while a bad recommender parameter
 * is refused with the field named.
 */
import { describe, expect, it } from 'vitest';
import { RUN_FIELDS, defaultRunDescription, parseRunDescription, canonicalJson } from '../../src/core/run';
import { describeRun, settingsOf } from '../../src/ui/state/describe-run';
import { SETTINGS_TABLE, decodeSettings, defaultSettings, encodeSettings, formatParams, parseParams } from '../../src/ui/state/url-settings';

describe('settings <-> run description', () => {
  it('the default link is the default description', () => {
    expect(describeRun(decodeSettings(''))).toEqual(defaultRunDescription());
    expect(encodeSettings(settingsOf(defaultRunDescription()))).toBe('');
  });

  it('round-trips a description with every field through a link', () => {
    const d = parseRunDescription({
      catalog: 'ml-latest-small',
      users: { kind: 'user', id: 'ml-user-17', edits: { age: 40, interests: { fishing: 0.2 }, traits: { timeBudgetSec: 900 } } },
      simulator: { name: 'human' },
      recommender: { name: 'mf-bpr', follow: false, planner: 'llm', params: { factors: 16, learningRate: 0.02 } },
      seed: 4_294_967_295,
      listSize: 100,
      turns: 1000,
      instructions: false,
      reward: 'engagement',
      context: { timeOfDay: 'night', dayOfWeek: 0, device: 'tv', location: 'Oakland, CA & friends' },
      firstList: ['sv-1', 'sv-22', 'm:3'],
    });
    const link = encodeSettings(settingsOf(d));
    expect(new URLSearchParams(link).get('rp')).toBe('factors:16,learningRate:0.02');
    const back = describeRun(decodeSettings(link));
    expect(canonicalJson(back)).toBe(canonicalJson(d));
  });

  it('takes URL parameters, defaults and ranges from the run table', () => {
    const pairs: [keyof typeof SETTINGS_TABLE, keyof typeof RUN_FIELDS][] = [
      ['listSize', 'listSize'], ['turns', 'turns'], ['seed', 'seed'], ['sim', 'simulator'], ['rec', 'recommender'], ['follow', 'follow'],
      ['planner', 'planner'], ['instructions', 'instructions'], ['reward', 'reward'], ['timeOfDay', 'timeOfDay'], ['dayOfWeek', 'dayOfWeek'],
      ['device', 'device'], ['location', 'location'], ['catalog', 'catalog'], ['user', 'user'],
    ];
    for (const [s, f] of pairs) {
      expect(SETTINGS_TABLE[s].param, s).toBe((RUN_FIELDS[f] as { url?: string }).url);
      expect(SETTINGS_TABLE[s].default, s).toEqual(RUN_FIELDS[f].default);
    }
    expect(decodeSettings('k=100').listSize).toBe(100);
    expect(decodeSettings('k=101').listSize).toBe(RUN_FIELDS.listSize.default);
    expect(decodeSettings('turns=1000').turns).toBe(1000);
  });

  it('reads parameters and first lists defensively, and refuses bad parameters when run', () => {
    expect(parseParams('factors:16,epochs:3')).toEqual({ factors: 16, epochs: 3 });
    expect(formatParams({ epochs: 3, factors: 16 })).toBe('epochs:3,factors:16');
    for (const bad of ['factors', 'factors:', 'factors:1e999', '<b>:1', 'a:1,,b:2', 'x:' + '9'.repeat(1000)]) expect(parseParams(bad), bad).toBeUndefined();
    expect(decodeSettings('rp=<script>&first=a,<b>').recParams).toEqual({});
    expect(decodeSettings('first=a,%3Cb%3E').firstList).toEqual([]);
    expect(decodeSettings('first=sv-1,sv-2').firstList).toEqual(['sv-1', 'sv-2']);
    // Well-formed but not a parameter of the recommender: the run is refused, saying which.
    expect(() => describeRun(decodeSettings('rec=content&rp=factors:3'))).toThrow(/recommender "content" has no parameter "factors"/);
    expect(() => describeRun(decodeSettings('rec=mf-bpr&rp=factors:999'))).toThrow(/factors must be between 1 and 256/);
    // Compare's B runs with its own defaults: A's parameters are not passed to it.
    expect(describeRun(decodeSettings('rec=mf-bpr&rp=factors:3'), { recommender: 'popular' }).recommender.params).toEqual({});
  });

  it('has no link form for a population', () => {
    expect(() => settingsOf(parseRunDescription({ users: { kind: 'population', size: 3 } }))).toThrow(/one-user run/);
    expect(defaultSettings().recParams).toEqual({});
  });
});
