/** Place matching of the simulator (locale.ts) agrees with the project's one Bay Area list (users/context.ts). */
import { describe, expect, it } from 'vitest';
import { localeKey, placePhrase } from '../../../src/core/simulator/locale';
import { BAY_AREA, BAY_AREA_CITIES } from '../../../src/core/users/context';

describe('locale keys', () => {
  it('folds every Bay Area city of the project list into one region', () => {
    const keys = new Set([...BAY_AREA_CITIES, BAY_AREA, 'SF Bay Area'].map(localeKey));
    expect(keys.size).toBe(1);
    expect(placePhrase('Mill Valley, CA')).toBe('the Bay Area');
  });

  it('keeps other places apart, matched by city', () => {
    expect(localeKey('Chicago, IL')).toBe(localeKey('Chicago'));
    expect(localeKey('Chicago, IL')).not.toBe(localeKey('Oakland, CA'));
    expect(localeKey('Los Angeles, CA')).not.toBe(localeKey('San Francisco, CA'));
    expect(localeKey('')).toBe('');
    expect(placePhrase('Austin, TX')).toBe('Austin');
    expect(placePhrase('')).toBe('my area');
  });
});
