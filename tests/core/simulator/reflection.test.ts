/** Reflection reasons follow what happened in the session; instructions name the real topics and places. */
import { describe, expect, it } from 'vitest';
import type { Item, Reflection } from '../../../src/core/types';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { EVENING, makeCatalog, makeItem, maya } from './fixtures';

const catalog = makeCatalog();

/** Feed one list until the user leaves; the reflection (or null when the list ran out). */
function firstReflection(items: Item[], seed: number): Reflection | null {
  const s = createRuleBasedSimulator().startSession({
    user: maya({ instructionPropensity: 1 }),
    context: EVENING,
    memory: emptyMemory('maya'),
    catalog,
    rng: createRng(seed),
    instructionsEnabled: true,
  });
  for (let k = 0; k < items.length; k++) {
    if (s.decide(items[k], k, 0).actions.includes('leave')) return s.reflect() as Reflection;
  }
  return null;
}

function many(items: Item[]): Reflection[] {
  return Array.from({ length: 12 }, (_, seed) => firstReflection(items, seed)).filter((r): r is Reflection => r !== null);
}

describe('reflection and instructions', () => {
  it('an all-UFC feed is repetitive, and the instruction asks for something different about UFC', () => {
    const ufc = Array.from({ length: 60 }, (_, k) => makeItem('ufc', `Fight ${k}`, { id: `rep-${k}` }));
    const rs = many(ufc);
    expect(rs.length).toBe(12);
    for (const r of rs) {
      expect(r.reasons[0]).toBe('repetitive');
      expect(r.instruction!.text).toContain('UFC');
      expect(['related_but_different', 'less_of_topic']).toContain(r.instruction!.kind);
      expect(r.instruction!.targets).toContain('ufc');
    }
    // Varied wording, same meaning.
    expect(new Set(rs.map((r) => r.instruction!.text)).size).toBeGreaterThanOrEqual(3);
  });

  it('long videos on a phone are too long, and the user asks for shorter ones', () => {
    const long = Array.from({ length: 60 }, (_, k) => makeItem(['ufc', 'fishing', 'f1'][k % 3], `Long ${k}`, { id: `long-${k}`, durationSec: 400 }));
    const rs = many(long);
    expect(rs.length).toBeGreaterThanOrEqual(10);
    const tooLong = rs.filter((r) => r.reasons[0] === 'too_long');
    expect(tooLong.length).toBeGreaterThanOrEqual(9);
    for (const r of tooLong) expect(r.instruction!.kind === 'shorter' || r.reasons.length > 1).toBe(true);
    expect(rs.filter((r) => r.instruction?.kind === 'shorter').length).toBeGreaterThanOrEqual(6);
  });

  it('a feed with nothing local makes a Bay Area user ask what people there are watching', () => {
    const far = Array.from({ length: 60 }, (_, k) => makeItem(['f1', 'cars', 'boating', 'outdoors', 'cooking'][k % 5], `Far ${k}`, { id: `far-${k}`, locale: 'Tokyo, Japan' }));
    const rs = many(far);
    expect(rs.length).toBeGreaterThanOrEqual(10);
    const local = rs.filter((r) => r.instruction?.kind === 'local_trending');
    expect(local.length).toBeGreaterThanOrEqual(6);
    for (const r of local) {
      expect(r.reasons).toContain('not_local');
      expect(r.instruction!.text).toContain('the Bay Area');
      expect(r.instruction!.targets).toEqual(['Oakland, CA']);
    }
    // The same feed with local items gives no 'not_local'.
    const near = far.map((it) => ({ ...it, id: `${it.id}-sf`, locale: 'San Francisco, CA' }));
    for (const r of many(near)) expect(r.reasons).not.toContain('not_local');
  });
});
