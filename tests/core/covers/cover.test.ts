import { describe, expect, it } from 'vitest';
import { coverFor, topicHueOf, wrapTitle } from '../../../src/core/covers/cover';

const item = { id: 'sv-1', title: 'Backyard crab boil for 11 people', topic: 'seafood-cooking', format: 'short_video' as const };

describe('covers', () => {
  it('are deterministic per item and differ between items', () => {
    expect(coverFor(item)).toEqual(coverFor({ ...item }));
    expect(coverFor({ ...item, id: 'sv-2', title: 'Weeknight crab boil' })).not.toEqual(coverFor(item));
    expect(coverFor(item).hueA).toBe(topicHueOf('seafood-cooking'));
    expect(coverFor({ ...item, topic: 'ufc' }).hueA).not.toBe(coverFor(item).hueA);
    expect(coverFor(item).badge).toBe('▶ video');
    expect(coverFor({ ...item, format: 'text_post' }).shapes.every((s) => s.kind === 'rect')).toBe(true);
  });

  it('wraps titles into at most 3 short lines, marking what was cut', () => {
    expect(wrapTitle('Backyard crab boil for 11 people')).toEqual(['Backyard crab', 'boil for 11', 'people']);
    const long = wrapTitle('one two three four five six seven eight nine ten eleven twelve');
    expect(long).toHaveLength(3);
    expect(long[2].endsWith('…')).toBe(true);
    for (const l of long) expect(l.length).toBeLessThanOrEqual(13);
    expect(wrapTitle('Supercalifragilisticexpialidocious')[0]).toHaveLength(13);
    expect(wrapTitle('')).toEqual([]);
    expect(wrapTitle('<img src=x onerror=alert(1)>')).toEqual(['<img src=x', 'onerror=aler…']);
  });
});
